/*
 * The data dictionary of the bulk exports (/data, docs/api.md): every field a line of
 * /export/claimreviews.jsonl can hold, by its path in the line. test/http/open-data.test.ts reads
 * the real export and fails on a field this list does not name, so it cannot fall behind.
 */

export type DictionaryField = { path: string; type: string; meaning: string; changes: string };

const ON_NEW_VERSION = "When an update or correction is published";
const NEVER = "Never: fixed at first publication";

/** A standing claim's line: one schema.org ClaimReview. */
export const CLAIM_REVIEW_FIELDS: DictionaryField[] = [
  { path: "@context", type: "string", meaning: "Always https://schema.org", changes: "Never" },
  { path: "@type", type: "string", meaning: "Always ClaimReview", changes: "Never" },
  { path: "url", type: "URL", meaning: "The claim's page on this site; the stable identifier of the record", changes: NEVER },
  { path: "claimReviewed", type: "string", meaning: "The claim, or the desk's summary of at most 75 characters", changes: ON_NEW_VERSION },
  { path: "datePublished", type: "ISO 8601 date-time (UTC)", meaning: "When the fact-check was first published", changes: NEVER },
  { path: "dateModified", type: "ISO 8601 date-time (UTC), optional", meaning: "When its latest update or correction was published; absent on an original", changes: ON_NEW_VERSION },
  { path: "author.@type", type: "string", meaning: "Always Organization", changes: "Never" },
  { path: "author.name", type: "string", meaning: "The fact-checking organisation", changes: "Never" },
  { path: "author.url", type: "URL", meaning: "The organisation's site", changes: "Never" },
  { path: "reviewRating.@type", type: "string", meaning: "Always Rating", changes: "Never" },
  { path: "reviewRating.alternateName", type: "string", meaning: "The rating's label: True, Mostly true, Mixed, Mostly false, False, Misleading or Unproven", changes: ON_NEW_VERSION },
  { path: "reviewRating.ratingValue", type: "integer 1-5, optional", meaning: "5 true … 1 false; absent for Misleading and Unproven, which are off that axis", changes: ON_NEW_VERSION },
  { path: "reviewRating.bestRating", type: "integer, optional", meaning: "5, when ratingValue is present", changes: "Never" },
  { path: "reviewRating.worstRating", type: "integer, optional", meaning: "1, when ratingValue is present", changes: "Never" },
  { path: "itemReviewed.@type", type: "string", meaning: "Always Claim", changes: "Never" },
  { path: "itemReviewed.author.@type", type: "string", meaning: "Person or Organization, as the desk typed the claimant", changes: ON_NEW_VERSION },
  { path: "itemReviewed.author.name", type: "string", meaning: "Who made the claim", changes: ON_NEW_VERSION },
  { path: "itemReviewed.author.sameAs", type: "URL, optional", meaning: "The claimant's Wikidata or official page, when the desk gave one", changes: ON_NEW_VERSION },
  { path: "itemReviewed.datePublished", type: "ISO 8601 date-time, optional", meaning: "When the claim was made", changes: ON_NEW_VERSION },
  { path: "itemReviewed.appearance[]", type: "array of CreativeWork, optional", meaning: "Where the claim appeared: its document and the sources that carry it, earliest first", changes: ON_NEW_VERSION },
  { path: "itemReviewed.firstAppearance", type: "CreativeWork, optional", meaning: "The earliest of those appearances", changes: ON_NEW_VERSION },
  { path: "….@type", type: "string", meaning: "Always CreativeWork", changes: "Never" },
  { path: "….headline", type: "string", meaning: "An appearance's title (or the outlet, or the statement itself when nothing has an address)", changes: ON_NEW_VERSION },
  { path: "….url", type: "URL, optional", meaning: "An appearance's address", changes: ON_NEW_VERSION },
  { path: "….datePublished", type: "ISO 8601 date-time, optional", meaning: "When that appearance was published", changes: ON_NEW_VERSION },
  { path: "….publisher.@type", type: "string", meaning: "Always Organization", changes: "Never" },
  { path: "….publisher.name", type: "string", meaning: "The outlet that published that appearance", changes: ON_NEW_VERSION },
];

/** A retracted claim's line: its ClaimReview is withdrawn, this stays on the record. */
export const RETRACTION_FIELDS: DictionaryField[] = [
  { path: "url", type: "URL", meaning: "The claim's page (it shows the retraction and what was published before)", changes: NEVER },
  { path: "status", type: "string", meaning: "Always retracted", changes: "Never" },
  { path: "claimReviewed", type: "string", meaning: "The claim as last published, or its summary", changes: "Never after the retraction" },
  { path: "datePublished", type: "ISO 8601 date-time (UTC)", meaning: "When the fact-check was first published", changes: NEVER },
  { path: "dateRetracted", type: "ISO 8601 date-time (UTC)", meaning: "When it was retracted", changes: "Never after the retraction" },
  { path: "note", type: "string", meaning: "Why it was retracted", changes: "Never after the retraction" },
];

/** Maps a field of an export line to its dictionary path; appearances' fields share the "…" rows. */
export function dictionaryPathOf(path: string[]): string {
  const inAppearance = path[0] === "itemReviewed" && (path[1] === "appearance" || path[1] === "firstAppearance") && path.length > 2;
  if (inAppearance) return `….${path.slice(2).filter((p) => !/^\d+$/.test(p)).join(".")}`;
  return path.map((p) => (/^\d+$/.test(p) ? "[]" : p)).join(".").replace(/\.\[\]/g, "[]");
}
