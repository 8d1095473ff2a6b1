import type { ExternalReview } from "@/lib/data/external-reviews";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "12 Jan 2022", or an em dash for an unknown date. */
export function formatDay(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : dateFormat.format(date);
}

/** "False (1 on a scale of 1 to 5)"; the scale only when the publisher gave one. */
export function formatExternalRating(review: Pick<ExternalReview, "alternateName" | "ratingValue" | "bestRating" | "worstRating">): string {
  const { alternateName, ratingValue, bestRating, worstRating } = review;
  if (ratingValue === null) return alternateName;
  const scale = bestRating !== null && worstRating !== null ? ` on a scale of ${worstRating} to ${bestRating}` : bestRating !== null ? ` of ${bestRating}` : "";
  return `${alternateName} (${ratingValue}${scale})`;
}
