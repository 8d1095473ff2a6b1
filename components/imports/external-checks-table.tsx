import Link from "next/link";
import type { ReactNode } from "react";
import type { ExternalCheck } from "@/lib/data/external-reviews";
import { formatExternalRating } from "./format";

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
    <div className="table-scroll">
      <table aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Checked by</th>
            <th scope="col">Their rating</th>
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
              <td>{formatExternalRating(check.review)}</td>
              <td>{lastColumn.cell(check)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
