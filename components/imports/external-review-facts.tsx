import type { ExternalReview } from "@/lib/data/external-reviews";
import { formatExternalRating, formatNormalisedRating } from "./format";

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
      {review.authors.length > 0 ? (
        <>
          <dt>Written by</dt>
          <dd>{review.authors.map((a) => a.name ?? a.url).join(", ")}</dd>
        </>
      ) : null}
      {review.headline ? (
        <>
          <dt>Headline</dt>
          <dd lang={review.inLanguage ?? undefined}>{review.headline}</dd>
        </>
      ) : null}
      <dt>Their rating</dt>
      <dd lang={review.inLanguage ?? undefined}>{formatExternalRating(review)}</dd>
      <dt>On our scale</dt>
      <dd>{formatNormalisedRating(review)}</dd>
      <dt>Published</dt>
      <dd>
        {review.datePublished ? (
          <>
            <time>{review.datePublished}</time> <span className="muted">(as they wrote it)</span>
          </>
        ) : (
          "—"
        )}
      </dd>
      {review.claimDate ? (
        <>
          <dt>Claim made</dt>
          <dd>
            <time>{review.claimDate}</time> <span className="muted">(as they wrote it)</span>
          </dd>
        </>
      ) : null}
      {review.inLanguage ? (
        <>
          <dt>Language</dt>
          <dd>{review.inLanguage}</dd>
        </>
      ) : null}
      <dt>Their review</dt>
      <dd>
        <a href={review.reviewUrl} rel="noopener noreferrer nofollow" target="_blank">
          Read {review.organisation}’s review<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </dd>
      {review.appearances.length > 0 ? (
        <>
          <dt>Claim appeared at</dt>
          <dd>
            <ul>
              {review.appearances.map((url) => (
                <li key={url}>
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                    {hostOf(url)}
                  </a>
                  {url === review.firstAppearanceUrl ? <span className="muted"> (first appearance)</span> : null}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {review.reviewBody ? (
        <>
          <dt>Their summary</dt>
          <dd lang={review.inLanguage ?? undefined}>{review.reviewBody}</dd>
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
