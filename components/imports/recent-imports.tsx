import Link from "next/link";
import type { ExternalCheck } from "@/lib/data/external-reviews";
import { formatDay, formatExternalRating } from "./format";

/** The latest imported checks, so the desk sees what is already in. */
export function RecentImports({ checks }: { checks: ExternalCheck[] }) {
  if (checks.length === 0) {
    return <p className="empty">Nothing imported yet. Paste a fact-check’s ClaimReview markup above to bring in its claim and verdict.</p>;
  }
  return (
    <div className="table-scroll">
      <table aria-labelledby="recent-imports-heading">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Checked by</th>
            <th scope="col">Their rating</th>
            <th scope="col">Imported</th>
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
              <td>{formatDay(check.review.importedAt || null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
