import { claimSummary } from "../claim-review/summary";
import { BEST_RATING, RATINGS, WORST_RATING } from "../ratings";
import type { PublicClaim } from "./types";

export const PUBLISHER_NAME = "claimdesk";

export type ClaimReviewJsonLd = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  dateModified?: string;
  author: { "@type": "Organization"; name: string; url: string };
  /** Numbers only for ratings on the true/false axis; "misleading" and "unproven" carry their label alone. */
  reviewRating: { "@type": "Rating"; alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: {
    "@type": "Claim";
    author: { "@type": "Person" | "Organization"; name: string; sameAs?: string };
    datePublished?: string;
    appearance?: CreativeWork[];
    firstAppearance?: CreativeWork;
  };
};

type CreativeWork = { "@type": "CreativeWork"; url?: string; headline: string; datePublished?: string; publisher?: { "@type": "Organization"; name: string } };

export const claimUrl = (baseUrl: string, slug: string) => `${baseUrl.replace(/\/+$/, "")}/claims/${encodeURIComponent(slug)}`;

// Snapshots written before claimants were records carry no type: for those only, a claimant reads
// as an organisation when it names one, otherwise as a person.
const ORGANISATION_WORDS = /\b(police|ministry|government|office|agency|party|committee|council|service|news|press|tv|bank|company|corporation|inc|ltd|department|cabinet|parliament|army|forces|group|union|association)\b/i;

/**
 * schema.org ClaimReview for one published claim (Google's fact-check markup), or null for a
 * retracted one: its review is withdrawn. Pure.
 */
export function buildClaimReview(claim: PublicClaim, baseUrl: string): ClaimReviewJsonLd | null {
  if (claim.status === "retracted") return null;
  const base = baseUrl.replace(/\/+$/, "");
  const appearances = claimAppearances(claim);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(base, claim.slug),
    claimReviewed: claim.summary ?? claimSummary(claim.text),
    datePublished: claim.firstPublishedAt,
    ...(claim.version > 1 ? { dateModified: claim.updatedAt } : {}),
    author: { "@type": "Organization", name: PUBLISHER_NAME, url: base },
    reviewRating: reviewRating(claim),
    itemReviewed: {
      "@type": "Claim",
      author: claimAuthor(claim),
      ...(claim.claimedAt ? { datePublished: claim.claimedAt } : {}),
      ...(appearances.length > 0 ? { appearance: appearances, firstAppearance: appearances[0] } : {}),
    },
  };
}

/** Who made the claim: the type a person set on the claimant's record, with its sameAs when known. */
function claimAuthor(claim: PublicClaim): ClaimReviewJsonLd["itemReviewed"]["author"] {
  const organisation = claim.claimantType ? claim.claimantType === "ORGANISATION" : ORGANISATION_WORDS.test(claim.claimant);
  return { "@type": organisation ? "Organization" : "Person", name: claim.claimant, ...(claim.claimantSameAs ? { sameAs: claim.claimantSameAs } : {}) };
}

function reviewRating(claim: PublicClaim): ClaimReviewJsonLd["reviewRating"] {
  const axis = RATINGS[claim.verdict.rating].axis;
  const label = { "@type": "Rating" as const, alternateName: claim.verdict.ratingLabel };
  return axis === null ? label : { ...label, ratingValue: axis, bestRating: BEST_RATING, worstRating: WORST_RATING };
}

/** Where the claim appeared: its document and the sources that carry it. */
function claimAppearances(claim: PublicClaim): CreativeWork[] {
  const works: CreativeWork[] = [];
  const doc = claim.appearance.document;
  if (doc) {
    works.push({
      "@type": "CreativeWork",
      headline: doc.title,
      ...(doc.url ? { url: doc.url } : {}),
      ...(doc.publishedAt ? { datePublished: doc.publishedAt } : {}),
      publisher: { "@type": "Organization", name: doc.outlet },
    });
  }
  const sources = [...claim.sources]
    .filter((s) => s.stance === "SUPPORTS" || s.stance === "MIXED")
    .sort((a, b) => (a.source.publishedAt ?? "9999").localeCompare(b.source.publishedAt ?? "9999"));
  for (const { source } of sources) {
    if (works.some((w) => w.url === source.url)) continue;
    works.push({
      "@type": "CreativeWork",
      url: source.url,
      headline: source.title ?? source.outlet,
      ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
      publisher: { "@type": "Organization", name: source.outlet },
    });
  }
  // Nothing with an address yet: the statement itself, as reported, is where the claim appeared.
  if (works.length === 0) works.push({ "@type": "CreativeWork", headline: claim.appearance.sentence ?? claim.text });
  // Oldest first, undated last: the first appearance is the earliest one we know of.
  return works
    .map((work, index) => ({ work, index }))
    .sort((a, b) => (a.work.datePublished ?? "9999").localeCompare(b.work.datePublished ?? "9999") || a.index - b.index)
    .map(({ work }) => work);
}

/** The export's line for a retracted claim: no ClaimReview any more, the retraction on the record. */
export function buildRetractionRecord(claim: PublicClaim, baseUrl: string) {
  return {
    url: claimUrl(baseUrl, claim.slug),
    status: "retracted" as const,
    claimReviewed: claim.summary ?? claimSummary(claim.text),
    datePublished: claim.firstPublishedAt,
    dateRetracted: claim.retraction?.retractedAt ?? claim.updatedAt,
    note: claim.retraction?.note ?? "",
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
