import { PUBLISHER_NAME } from "./claim-review";

/** The bulk downloads, as the /data page lists them and the Dataset describes them. */
export const DOWNLOADS = [
  { path: "/export/claimreviews.jsonl.gz", encodingFormat: "application/x-ndjson", compressed: true, name: "Every public claim, JSON Lines, gzip" },
  { path: "/export/claimreviews.jsonl", encodingFormat: "application/x-ndjson", compressed: false, name: "Every public claim, JSON Lines" },
  { path: "/export/claimreviews.datafeed.json.gz", encodingFormat: "application/ld+json", compressed: true, name: "Standing ClaimReviews, schema.org DataFeed, gzip" },
  { path: "/export/claimreviews.datafeed.json", encodingFormat: "application/ld+json", compressed: false, name: "Standing ClaimReviews, schema.org DataFeed" },
] as const;

type DatasetOptions = { base: string; licenceUrl: string; span: { first: string | null; latest: string | null } };

/**
 * schema.org Dataset for the /data page, the markup dataset search engines read (Google's Dataset
 * structured data: name, description, license, creator, distribution with contentUrl and
 * encodingFormat, temporalCoverage as an ISO 8601 interval). Pure.
 */
export function buildDataset({ base, licenceUrl, span }: DatasetOptions) {
  const organisation = { "@type": "Organization" as const, name: PUBLISHER_NAME, url: base };
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: `${PUBLISHER_NAME} fact-checks (ClaimReview)`,
    description:
      "Every fact-check on the public record: the claim, who made it and where, the rating and when it was published, updated, corrected or retracted, as schema.org ClaimReview records, one per claim. Built only from published, editor-approved versions.",
    url: `${base}/data`,
    license: licenceUrl,
    isAccessibleForFree: true,
    creator: organisation,
    publisher: organisation,
    keywords: ["fact-checking", "ClaimReview", "misinformation", "claims"],
    ...(span.first && span.latest ? { temporalCoverage: `${span.first.slice(0, 10)}/${span.latest.slice(0, 10)}`, dateModified: span.latest } : {}),
    distribution: DOWNLOADS.map((d) => ({
      "@type": "DataDownload",
      name: d.name,
      contentUrl: `${base}${d.path}`,
      encodingFormat: d.compressed ? "application/gzip" : d.encodingFormat,
    })),
  };
}
