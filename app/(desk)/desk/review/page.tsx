import Link from "next/link";
import type { Metadata } from "next";
import { ReviewForm } from "@/components/verdicts/review-form";
import { TimeAgo } from "@/components/verdicts/time-ago";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listReviewQueue } from "@/lib/data/verdicts";
import { RATINGS } from "@/lib/ratings";
import { RatingBadge } from "@/components/ledger/rating-badge";
import { ReaderRequestsSummary } from "@/components/readers/reader-requests-summary";
import { explainConflict } from "@/lib/domain/conflicts";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const actor = await requirePageActor();
  const items = await listReviewQueue(actor.id);
  const canReview = can(actor.role, "verdict.review");

  return (
    <>
      <h1>Review queue</h1>
      <ReaderRequestsSummary />
      <p className="muted">
        Verdicts submitted for review, oldest first.{" "}
        {canReview
          ? "Approve or reject each revision; you cannot approve a verdict you wrote or edited."
          : "Editors approve or reject them; you can follow their progress here."}
      </p>
      {items.length === 0 ? (
        <div className="empty">
          <p>
            <strong>Nothing is waiting for review.</strong>
          </p>
          <p>
            Verdicts appear here when a fact-checker presses “Submit for review” on a claim. <Link href="/desk/claims">Go to the claims</Link>
          </p>
        </div>
      ) : (
        <div>
        <table className="stack-on-phone">
          <caption className="visually-hidden">Verdicts waiting for review, oldest submission first</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Rating</th>
              <th scope="col">Author</th>
              <th scope="col">Submitted</th>
              <th scope="col">Revision</th>
              <th scope="col">{canReview ? "Decision" : "Status"}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link href={`/desk/claims/${item.claim.slug}`}>{item.claim.text}</Link>
                  <div className="muted">{item.claim.claimant}</div>
                  <div className="row">
                    {item.claim.hasConflict ? <span className="badge badge-conflict">Conflicting evidence</span> : null}
                    {item.isCorrection ? <span className="badge badge-warn">{item.amendmentKind === "UPDATE" ? "Update" : "Correction"} of a published check</span> : null}
                  </div>
                  <p className="hint">{item.reasoningExcerpt}</p>
                  <details>
                    <summary>
                      {item.sources.length === 0 ? "No sources: readers would see no evidence" : `Sources you approve (${item.sources.length})`}
                      {item.conflicts.length > 0 ? ` · ${item.conflicts.length} conflict${item.conflicts.length === 1 ? "" : "s"}` : ""}
                    </summary>
                    <ul className="review-sources">
                      {item.sources.map((s) => (
                        <li key={s.id}>
                          <span className="badge badge-neutral">{s.stance.toLowerCase()}</span> {s.outlet}: “{s.excerpt}”
                        </li>
                      ))}
                    </ul>
                    {item.conflicts.map((c, i) => (
                      <p key={i} className="hint">
                        Conflict: {explainConflict(c)}
                      </p>
                    ))}
                    <p className="hint">
                      Open the claim for the full preview of the public page: <Link href={`/desk/claims/${item.claim.slug}`}>review on the claim page</Link>.
                    </p>
                  </details>
                </td>
                <td data-label="Rating">
                  <RatingBadge rating={item.rating} /> <span className="muted">({RATINGS[item.rating].value}/5)</span>
                </td>
                <td data-label="Author">{item.authorName}</td>
                <td data-label="Submitted">{item.submittedAt ? <TimeAgo date={item.submittedAt} /> : "—"}</td>
                <td data-label="Revision">{item.revision}</td>
                <td data-label={canReview ? "Decision" : "Status"} className="review-decision">
                  {canReview ? (
                    <ReviewForm verdictId={item.id} revision={item.revision} viewerEdited={item.viewerEdited} />
                  ) : (
                    <span className="badge badge-warn">Awaiting an editor</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
