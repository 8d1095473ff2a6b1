import type { EvidenceOption, VerdictView } from "@/lib/data/verdicts";
import type { VerdictState } from "@/lib/generated/prisma/enums";
import { RATINGS } from "@/lib/ratings";
import { RatingBadge } from "@/components/ledger/rating-badge";
import { VERDICT_STATE_LABEL } from "@/lib/validations/verdict";
import { DateTime } from "./time-ago";

const STATE_BADGE: Record<VerdictState, string> = {
  DRAFT: "badge-neutral",
  SUBMITTED: "badge-warn",
  APPROVED: "badge-ok",
  REJECTED: "badge-conflict",
  PUBLISHED: "badge-ok",
  SUPERSEDED: "badge-neutral",
};

/** One verdict as the desk sees it: rating, reasoning, cited evidence, corrections and reviews. */
export function VerdictCard({ verdict, evidence, headingLevel = 3 }: { verdict: VerdictView; evidence: EvidenceOption[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const cited = evidence.filter((e) => verdict.evidenceIds.includes(e.id));
  const rating = RATINGS[verdict.rating];
  return (
    <article className="stack" aria-label={`${VERDICT_STATE_LABEL[verdict.state]} verdict, revision ${verdict.revision}`}>
      <div className="row">
        <Heading style={{ margin: 0 }}>
          <RatingBadge rating={verdict.rating} /> <span className="muted">({rating.value}/5)</span>
        </Heading>
        <span className={`badge ${STATE_BADGE[verdict.state]}`}>{VERDICT_STATE_LABEL[verdict.state]}</span>
        <span className="muted">Revision {verdict.revision}</span>
      </div>
      {verdict.correctionNote ? (
        <p className="alert alert-warn">
          <strong>{verdict.supersedesId ? "Correction: " : "Note: "}</strong>
          <span style={{ whiteSpace: "pre-wrap" }}>{verdict.correctionNote}</span>
        </p>
      ) : null}
      <p style={{ whiteSpace: "pre-wrap" }}>{verdict.reasoning}</p>
      {verdict.asOf ? (
        <p>
          <strong>As of:</strong> <DateTime date={verdict.asOf} />
        </p>
      ) : null}
      {verdict.evidenceGap ? (
        <p>
          <strong>Evidence gap:</strong> {verdict.evidenceGap}
        </p>
      ) : null}
      {cited.length > 0 ? (
        <div>
          <strong>Supporting evidence</strong>
          <ul>
            {cited.map((e) => (
              <li key={e.id}>
                {e.outlet} <span className="badge badge-neutral">{e.stance.toLowerCase()}</span> “{e.excerpt}”
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="muted">
        Written by {verdict.authorName}
        {verdict.lastEditedByName !== verdict.authorName ? `, last edited by ${verdict.lastEditedByName}` : ""}.
        {verdict.submittedAt ? (
          <>
            {" "}Submitted <DateTime date={verdict.submittedAt} />.
          </>
        ) : null}
        {verdict.publishedAt && (verdict.state === "PUBLISHED" || verdict.state === "SUPERSEDED") ? (
          <>
            {" "}Published <DateTime date={verdict.publishedAt} />.
          </>
        ) : null}
      </p>
      {verdict.reviews.length > 0 ? (
        <div>
          <strong>Reviews</strong>
          <ul>
            {verdict.reviews.map((r) => (
              <li key={r.id}>
                <span className={`badge ${r.outcome === "APPROVED" ? "badge-ok" : "badge-conflict"}`}>
                  {r.outcome === "APPROVED" ? "Approved" : "Rejected"}
                </span>{" "}
                by {r.reviewerName} on revision {r.verdictRevision}, <DateTime date={r.createdAt} />
                {r.verdictRevision !== verdict.revision ? <span className="muted"> (an earlier revision)</span> : null}
                {r.comment ? <>: “{r.comment}”</> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
