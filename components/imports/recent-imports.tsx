import type { ExternalCheck } from "@/lib/data/external-reviews";
import { ExternalChecksTable } from "./external-checks-table";
import { formatDay } from "./format";

/** The latest imported checks, so the desk sees what is already in. */
export function RecentImports({ checks, filtered }: { checks: ExternalCheck[]; filtered: boolean }) {
  if (checks.length === 0) {
    return filtered ? (
      <p className="empty">No imported check has that rating on our scale. Choose another rating, or all ratings.</p>
    ) : (
      <p className="empty">Nothing imported yet. Paste a fact-check’s ClaimReview markup above to bring in its claim and verdict.</p>
    );
  }
  return (
    <ExternalChecksTable
      checks={checks}
      labelledBy="recent-imports-heading"
      lastColumn={{ heading: "Imported", cell: (check) => formatDay(check.review.importedAt || null) }}
    />
  );
}
