import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getClaimFormOptions, getEditableClaim } from "@/lib/data/claims";
import { getPublicRecord } from "@/lib/data/publications";
import { EditClaimForm } from "@/components/claims/edit-claim-form";

export const metadata: Metadata = { title: "Edit claim" };

export default async function EditClaimPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageActor("claim.update");
  const { slug } = await params;
  const [claim, options] = await Promise.all([getEditableClaim({ slug }), getClaimFormOptions()]);
  if (!claim) notFound();
  const { latest } = await getPublicRecord(claim.id, null);
  return (
    <>
      <p>
        <Link href={`/desk/claims/${claim.slug}`}>← Back to the claim</Link>
      </p>
      <h1>Edit claim</h1>
      {latest?.kind === "retraction" ? (
        <p className="alert alert-warn">This claim was retracted: its record is closed and it cannot be edited.</p>
      ) : (
        <>
          {latest ? (
            <p className="alert alert-warn">
              This claim is published (version {latest.version}). Your changes stay on the desk as a pending amendment: readers see them
              only after an update or correction is approved by another editor and published.
            </p>
          ) : null}
          <EditClaimForm claim={claim} options={options} />
        </>
      )}
    </>
  );
}
