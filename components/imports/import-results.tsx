import Link from "next/link";
import { NORMALISED_RATING_LABEL } from "@/lib/claim-review/rating-scale";
import type { ImportSummary } from "@/lib/services/claim-review-import";
import { TableScroll } from "@/components/ui/table-scroll";

const FORMAT_LABEL: Record<ImportSummary["format"], string> = { json: "JSON-LD", jsonl: "JSON Lines text", html: "HTML page" };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What happened to each pasted ClaimReview: imported (with a link), already imported, or invalid and why. */
export function ImportResults({ summary }: { summary: ImportSummary }) {
  const { imported, duplicates, invalid, items } = summary;
  const tone = invalid > 0 ? "alert-warn" : "alert-ok";
  return (
    <section aria-labelledby="import-results-heading" className="stack">
      <h2 id="import-results-heading">Import results</h2>
      <p className={`alert ${tone}`} role="status">
        Read {plural(items.length, "ClaimReview")} from the {FORMAT_LABEL[summary.format]}: {imported} imported, {plural(duplicates, "duplicate")} skipped, {invalid} invalid.
      </p>
      <TableScroll label="Each ClaimReview and what the import did with it">
        <table>
          <caption className="visually-hidden">Each ClaimReview and what the import did with it</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Result</th>
              <th scope="col">Claim</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.position}>
                <td>{item.position}</td>
                {item.status === "invalid" ? (
                  <>
                    <td>
                      <span className="badge badge-conflict">Invalid</span>
                    </td>
                    <td>
                      {item.name ?? <span className="muted">(no name, url or claim)</span>}
                      <div className="muted">Not imported</div>
                    </td>
                    <td>
                      <ul>
                        {item.errors.map((error, i) => (
                          <li key={i}>
                            <code>{error.path}</code>: {error.message}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </>
                ) : (
                  <>
                    <td>
                      {item.status === "imported" ? <span className="badge badge-ok">Imported</span> : <span className="badge badge-neutral">Already imported</span>}
                    </td>
                    <td>
                      {item.status === "imported" ? (
                        <Link href={`/desk/claims/${item.claim.slug}`}>{item.claimReviewed}</Link>
                      ) : item.existingSlug ? (
                        <Link href={`/desk/claims/${item.existingSlug}`}>{item.claimReviewed}</Link>
                      ) : (
                        item.claimReviewed
                      )}
                    </td>
                    <td>
                      {item.organisation}: {item.rating} <span className="muted">→ {NORMALISED_RATING_LABEL[item.normalisedRating]}</span>
                      {item.status === "duplicate" ? <div className="muted">{item.existingSlug ? "This review was imported before." : "Repeated in this paste."}</div> : null}
                      {item.status === "imported" && item.dropped.length > 0 ? (
                        <details>
                          <summary>Not kept: {item.dropped.length} field{item.dropped.length === 1 ? "" : "s"}</summary>
                          <ul>
                            {item.dropped.map((d) => (
                              <li key={d.path}>
                                <code>{d.path}</code>: {d.reason}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
