import Link from "next/link";
import type { ReactNode } from "react";
import type { ExternalCheck } from "@/lib/data/external-reviews";
import { NORMALISED_RATING_LABEL } from "@/lib/claim-review/rating-scale";
import { formatExternalRating } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

/** Imported checks as a table: claim, who checked it, their rating, and one column of the caller's. */
export function ExternalChecksTable({
  checks,
  labelledBy,
  lastColumn,
}: {
  checks: ExternalCheck[];
  labelledBy: string;
  lastColumn: { heading: string; cell: (check: ExternalCheck) => ReactNode };
}) {
  return (
    <TableScroll label="Table of imported checks">
      <table aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Checked by</th>
            <th scope="col">Rating</th>
            <th scope="col">{lastColumn.heading}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.slug}>
              <td>
                <Link href={`/desk/claims/${check.slug}`}>{check.text}</Link>
                <div className="muted">{check.claimant}</div>
              </td>
              <td>{check.review.organisation}</td>
              <td>
                {NORMALISED_RATING_LABEL[check.review.normalisedRating]}
                <div className="muted">Theirs: {formatExternalRating(check.review)}</div>
              </td>
              <td>{lastColumn.cell(check)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
