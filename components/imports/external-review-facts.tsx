import type { ExternalReview } from "@/lib/data/external-reviews";
import { formatDay, formatExternalRating } from "./format";

/** One other organisation's check: who, their rating, when, and a link to their review. */
export function ExternalReviewFacts({ review }: { review: ExternalReview }) {
  return (
    <dl className="facts">
      <dt>Checked by</dt>
      <dd>
        {review.organisationUrl ? (
          <a href={review.organisationUrl} rel="noopener noreferrer nofollow" target="_blank">
            {review.organisation}
          </a>
        ) : (
          review.organisation
        )}{" "}
        <span className="badge badge-neutral">Another organisation</span>
      </dd>
      <dt>Their rating</dt>
      <dd>{formatExternalRating(review)}</dd>
      <dt>Published</dt>
      <dd>{formatDay(review.datePublished)}</dd>
      <dt>Their review</dt>
      <dd>
        <a href={review.reviewUrl} rel="noopener noreferrer nofollow" target="_blank">
          Read {review.organisation}’s review<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </dd>
      {review.appearanceUrl ? (
        <>
          <dt>Claim appeared at</dt>
          <dd>
            <a href={review.appearanceUrl} rel="noopener noreferrer nofollow" target="_blank">
              {hostOf(review.appearanceUrl)}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
