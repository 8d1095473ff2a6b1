import Link from "next/link";
import type { CandidateDuplicates } from "@/lib/services/documents";

/**
 * Similar claims already on the desk, shown before anything is created (the same check as "New
 * claim"). "Create anyway" submits the form again with confirmDuplicate.
 */
export function DuplicateNotice({ duplicates, pending }: { duplicates: CandidateDuplicates[]; pending: boolean }) {
  return (
    <div className="alert alert-warn" role="alert">
      <p style={{ marginTop: 0 }}>
        {duplicates.length === 1 ? "A ticked claim looks like" : `${duplicates.length} ticked claims look like`} claims already on the desk. Nothing
        was created yet: untick the ones you do not need, or create them anyway.
      </p>
      <ul>
        {duplicates.map((duplicate) => (
          <li key={duplicate.index}>
            “{duplicate.text}” is similar to{" "}
            {duplicate.similar.map((claim, index) => (
              <span key={claim.id}>
                {index > 0 ? ", " : null}
                <Link href={`/desk/claims/${claim.slug}`}>{claim.text}</Link> ({claim.claimant})
              </span>
            ))}
          </li>
        ))}
      </ul>
      <button type="submit" name="confirmDuplicate" value="1" className="secondary" disabled={pending}>
        Create anyway
      </button>
    </div>
  );
}
