import type { PublicCorrectionStep } from "@/lib/public/types";
import { RatingBadge } from "./rating-badge";
import { formatDate } from "./format";

export function CorrectionsHistory({ steps }: { steps: PublicCorrectionStep[] }) {
  if (steps.length === 0) return <p className="muted">This verdict has not been corrected.</p>;
  return (
    <ol className="stack">
      {steps.map((step) => (
        <li key={step.correctedAt} className="panel">
          <p>
            <strong>
              Corrected <time dateTime={step.correctedAt}>{formatDate(step.correctedAt)}</time>:
            </strong>{" "}
            <RatingBadge rating={step.previous.rating} /> → <RatingBadge rating={step.newRating} />
          </p>
          <p>{step.note}</p>
          <details>
            <summary>
              The earlier verdict, published <time dateTime={step.previous.publishedAt}>{formatDate(step.previous.publishedAt)}</time>
            </summary>
            <p>{step.previous.reasoning}</p>
            {step.previous.evidenceGap ? <p className="muted">What we could not establish: {step.previous.evidenceGap}</p> : null}
          </details>
        </li>
      ))}
    </ol>
  );
}
