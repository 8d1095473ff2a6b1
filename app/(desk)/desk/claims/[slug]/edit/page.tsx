import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getClaimFormOptions, getEditableClaim } from "@/lib/data/claims";
import { EditClaimForm } from "@/components/claims/edit-claim-form";

export const metadata: Metadata = { title: "Edit claim" };

export default async function EditClaimPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageActor("claim.update");
  const { slug } = await params;
  const [claim, options] = await Promise.all([getEditableClaim({ slug }), getClaimFormOptions()]);
  if (!claim) notFound();
  return (
    <>
      <p>
        <Link href={`/desk/claims/${claim.slug}`}>← Back to the claim</Link>
      </p>
      <h1>Edit claim</h1>
      <EditClaimForm claim={claim} options={options} />
    </>
  );
}
