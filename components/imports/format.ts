import type { ExternalReview } from "@/lib/data/external-reviews";
import { NORMALISED_RATING_LABEL } from "@/lib/claim-review/rating-scale";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "12 Jan 2022", or an em dash for an unknown date. */
export function formatDay(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : dateFormat.format(date);
}

/** The publisher's rating as they wrote it: "Falso (5; best 1, worst 5)", "2 (best 5)", or "No rating given". */
export function formatExternalRating(review: Pick<ExternalReview, "alternateName" | "ratingValue" | "bestRating" | "worstRating">): string {
  const { alternateName, ratingValue, bestRating, worstRating } = review;
  if (ratingValue === null) return alternateName || "No rating given";
  const scale = [bestRating !== null ? `best ${bestRating}` : null, worstRating !== null ? `worst ${worstRating}` : null].filter(Boolean).join(", ");
  const numbers = scale ? `${ratingValue}; ${scale}` : `${ratingValue}`;
  return alternateName ? `${alternateName} (${numbers})` : numbers;
}

/** Where the rating sits on the common scale, said with how it was read: "False (from their words)". */
export function formatNormalisedRating(review: Pick<ExternalReview, "normalisedRating" | "ratingBasis">): string {
  const label = NORMALISED_RATING_LABEL[review.normalisedRating];
  return review.ratingBasis === "none" ? `${label} (their rating matches no known word or scale)` : `${label} (from their ${review.ratingBasis})`;
}
