import Link from "next/link";
import { formatWhen } from "@/components/evidence/format";
import type { PublicRecord } from "@/lib/data/publications";

const KIND = { original: "first published", update: "updated", correction: "corrected", retraction: "retracted" } as const;

/** Where the claim stands with readers: the public version, and whether desk work is waiting to become a new one. */
export function PublicRecordPanel({ record, slug }: { record: PublicRecord; slug: string }) {
  const { latest } = record;
  if (!latest) {
    return <p className="hint">Not published: nothing about this claim is public yet.</p>;
  }
  return (
    <div className="stack">
      <p>
        Public as <strong>version {latest.version}</strong>, {KIND[latest.kind]} {formatWhen(latest.publishedAt.toISOString())}.{" "}
        <Link href={`/claims/${slug}`}>View the public page</Link>
      </p>
      {latest.kind === "retraction" ? (
        <p className="alert alert-warn">Retracted: the record is closed. The claim and its evidence can no longer be edited.</p>
      ) : record.pendingAmendment ? (
        <p className="alert alert-warn" role="status">
          <strong>Pending amendment.</strong> The desk&apos;s text or evidence differs from what readers see. Nothing public changes until an
          update or correction is approved by an editor who did not make the changes, and published.
        </p>
      ) : (
        <p className="hint">
          Edits to the text or evidence stay on the desk as a pending amendment until an update or correction is approved and published.
        </p>
      )}
    </div>
  );
}
