import "server-only";
import { getEnv } from "../env";
import { iteratePublishedClaims } from "./ledger";
import { buildAtomFeed, type AtomEntry } from "./atom";
import { cachedAmendments, cachedRecentlyPublished } from "./cached";
import { buildClaimReview, buildRetractionRecord, claimUrl, serializeJsonLd } from "./claim-review";
import { publicResponse, streamedPublicResponse } from "./http";
import type { PublicAmendment, PublicClaim } from "./types";

const FEED_SIZE = 50;
const ATOM = "application/atom+xml; charset=utf-8";
const baseUrl = () => getEnv().PUBLIC_BASE_URL.replace(/\/+$/, "");
// Feed ids are stable tag URIs (RFC 4151), so readers never show an entry twice.
const tagId = (what: string) => `tag:claimdesk,2026:${what}`;

const KIND_TITLE = { update: "Updated", correction: "Corrected", retraction: "Retracted" } as const;

/** A claim's entry in the verdicts feed: one stable id per claim, `updated` moves with every new version. */
export function verdictFeedEntry(claim: PublicClaim, base: string): AtomEntry {
  const latest = claim.versions.at(-1);
  const change = latest && latest.kind !== "original" ? ` ${KIND_TITLE[latest.kind]} ${latest.publishedAt.slice(0, 10)}: ${latest.note ?? ""}` : "";
  const retracted = claim.status === "retracted";
  return {
    id: tagId(`claim:${claim.slug}`),
    title: `${retracted ? "Retracted" : claim.verdict.ratingLabel}: ${claim.text}`,
    link: claimUrl(base, claim.slug),
    updated: claim.updatedAt,
    published: claim.firstPublishedAt,
    summary: `${claim.claimant} claimed: “${claim.text}”. ${retracted ? "This fact-check was retracted." : `Our rating: ${claim.verdict.ratingLabel}.`}${change}`,
    categories: [retracted ? "retracted" : claim.verdict.rating, ...(claim.story ? [claim.story.slug] : [])],
  };
}

/** An update, correction or retraction in the corrections feed: one entry per published version. */
export function amendmentFeedEntry(a: PublicAmendment, base: string): AtomEntry {
  return {
    id: tagId(`${a.kind}:${a.claim.slug}:v${a.version}`),
    title: a.kind === "correction" ? `Corrected: ${a.oldRatingLabel} → ${a.newRatingLabel}: ${a.claim.text}` : `${KIND_TITLE[a.kind]}: ${a.claim.text}`,
    link: claimUrl(base, a.claim.slug),
    updated: a.publishedAt,
    published: a.publishedAt,
    summary: a.note,
    categories: [a.kind, a.newRating],
  };
}

/**
 * GET /feeds/verdicts.atom: claims whose public record changed most recently. One entry per claim
 * with a stable id; an update, correction or retraction gives it a new `updated`, so readers see it.
 */
export async function handleVerdictsFeed(request: Request): Promise<Response> {
  const base = baseUrl();
  const claims = await cachedRecentlyPublished(FEED_SIZE);
  const xml = buildAtomFeed({
    id: tagId("feed:verdicts"),
    title: "claimdesk: new verdicts",
    subtitle: "Claims checked and published by the newsroom, with every later update, correction and retraction",
    selfUrl: `${base}/feeds/verdicts.atom`,
    siteUrl: `${base}/`,
    updated: claims[0]?.updatedAt ?? new Date(0).toISOString(),
    entries: claims.map((claim) => verdictFeedEntry(claim, base)),
  });
  return publicResponse(request, xml, ATOM);
}

/** GET /feeds/corrections.atom: every update, correction and retraction, newest first; one entry per published version. */
export async function handleCorrectionsFeed(request: Request): Promise<Response> {
  const base = baseUrl();
  const amendments = await cachedAmendments({ take: FEED_SIZE });
  const xml = buildAtomFeed({
    id: tagId("feed:corrections"),
    title: "claimdesk: corrections",
    subtitle: "Every change to a published check, with the reason",
    selfUrl: `${base}/feeds/corrections.atom`,
    siteUrl: `${base}/corrections`,
    updated: amendments[0]?.publishedAt ?? new Date(0).toISOString(),
    entries: amendments.map((a) => amendmentFeedEntry(a, base)),
  });
  return publicResponse(request, xml, ATOM);
}

/** One export line: the ClaimReview of a published claim, or the retraction record of a retracted one. */
export function exportRecord(claim: PublicClaim, base: string): unknown {
  return buildClaimReview(claim, base) ?? buildRetractionRecord(claim, base);
}

/**
 * One element of the DataFeed export: a standing claim's ClaimReview wrapped as Data Commons'
 * ClaimReview feeds wrap it (DataFeedItem > item[]), or null for a retracted claim (withdrawn).
 */
export function dataFeedElement(claim: PublicClaim, base: string) {
  const review = buildClaimReview(claim, base);
  if (!review) return null;
  const { "@context": _context, ...item } = review;
  return { "@type": "DataFeedItem" as const, dateCreated: claim.firstPublishedAt, dateModified: claim.updatedAt, item: [item] };
}

/** The DataFeed's opening, up to its element list; `generatedAt` stands as its dateModified. */
export function dataFeedHead(base: string, generatedAt: string): string {
  const head = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    name: "claimdesk ClaimReview feed",
    url: `${base}/export/claimreviews.datafeed.json`,
    dateModified: generatedAt,
  };
  return `${serializeJsonLd(head).slice(0, -1)},"dataFeedElement":[`;
}

/**
 * GET /export/claimreviews.datafeed.json: every standing published ClaimReview as one schema.org
 * DataFeed in the layout of the Data Commons fact-check feeds, for aggregators. Streamed like the
 * JSON Lines export; retracted claims are left out (their ClaimReview is withdrawn).
 */
export async function handleClaimReviewDataFeed(request: Request): Promise<Response> {
  const base = baseUrl();
  const parts = (async function* () {
    yield dataFeedHead(base, new Date().toISOString());
    let first = true;
    for await (const claim of iteratePublishedClaims()) {
      const element = dataFeedElement(claim, base);
      if (!element) continue;
      yield `${first ? "" : ","}\n${serializeJsonLd(element)}`;
      first = false;
    }
    yield "\n]}\n";
  })();
  return streamedPublicResponse(request, parts, "application/ld+json; charset=utf-8");
}

/**
 * GET /export/claimreviews.jsonl: one line per claim on the public record (a ClaimReview, or the
 * retraction record of a retracted claim), streamed as the batches are read (memory stays flat
 * however large the ledger). A streamed body has no strong ETag; the edge still caches it for a
 * second (PUBLIC_CACHE_CONTROL). A failure mid-stream aborts the response, so a client never takes
 * a cut-off export for a whole one.
 */
export async function handleClaimReviewExport(request: Request): Promise<Response> {
  const base = baseUrl();
  const lines = (async function* () {
    for await (const claim of iteratePublishedClaims()) yield `${serializeJsonLd(exportRecord(claim, base))}\n`;
  })();
  return streamedPublicResponse(request, lines, "application/x-ndjson; charset=utf-8");
}
