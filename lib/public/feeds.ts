import "server-only";
import { getEnv } from "../env";
import { iteratePublishedClaims } from "../data/ledger";
import { buildAtomFeed } from "./atom";
import { cachedCorrections, cachedPublishedClaims } from "./cached";
import { buildClaimReview, claimUrl, serializeJsonLd } from "./claim-review";
import { publicResponse } from "./http";

const FEED_SIZE = 50;
const ATOM = "application/atom+xml; charset=utf-8";
const baseUrl = () => getEnv().PUBLIC_BASE_URL.replace(/\/+$/, "");
// Feed ids are stable tag URIs (RFC 4151), so readers never show an entry twice.
const tagId = (what: string) => `tag:claimdesk,2026:${what}`;

/** GET /feeds/verdicts.atom: the newest published verdicts. */
export async function handleVerdictsFeed(request: Request): Promise<Response> {
  const base = baseUrl();
  const { items } = await cachedPublishedClaims({ limit: FEED_SIZE });
  const xml = buildAtomFeed({
    id: tagId("feed:verdicts"),
    title: "claimdesk: new verdicts",
    subtitle: "Claims checked and published by the newsroom",
    selfUrl: `${base}/feeds/verdicts.atom`,
    siteUrl: `${base}/`,
    updated: items[0]?.verdict.publishedAt ?? new Date(0).toISOString(),
    entries: items.map((item) => ({
      id: tagId(`verdict:${item.slug}:${item.verdict.publishedAt}`),
      title: `${item.verdict.ratingLabel}: ${item.text}`,
      link: claimUrl(base, item.slug),
      updated: item.verdict.publishedAt,
      published: item.verdict.publishedAt,
      summary: `${item.claimant} claimed: “${item.text}”. Our rating: ${item.verdict.ratingLabel}.${item.verdict.corrected ? " (Corrected.)" : ""}`,
      categories: [item.verdict.rating, ...(item.story ? [item.story.slug] : [])],
    })),
  });
  return publicResponse(request, xml, ATOM);
}

/** GET /feeds/corrections.atom: every correction, newest first. */
export async function handleCorrectionsFeed(request: Request): Promise<Response> {
  const base = baseUrl();
  const corrections = await cachedCorrections({ take: FEED_SIZE });
  const xml = buildAtomFeed({
    id: tagId("feed:corrections"),
    title: "claimdesk: corrections",
    subtitle: "Every verdict we changed, with the reason",
    selfUrl: `${base}/feeds/corrections.atom`,
    siteUrl: `${base}/corrections`,
    updated: corrections[0]?.correctedAt ?? new Date(0).toISOString(),
    entries: corrections.map((c) => ({
      id: tagId(`correction:${c.claim.slug}:${c.correctedAt}`),
      title: `Corrected: ${c.oldRatingLabel} → ${c.newRatingLabel}: ${c.claim.text}`,
      link: claimUrl(base, c.claim.slug),
      updated: c.correctedAt,
      published: c.correctedAt,
      summary: c.note,
      categories: ["correction", c.newRating],
    })),
  });
  return publicResponse(request, xml, ATOM);
}

/** GET /export/claimreviews.jsonl: one ClaimReview per line for every published claim. */
export async function handleClaimReviewExport(request: Request): Promise<Response> {
  const base = baseUrl();
  const lines: string[] = [];
  for await (const claim of iteratePublishedClaims()) lines.push(serializeJsonLd(buildClaimReview(claim, base)));
  return publicResponse(request, lines.map((l) => `${l}\n`).join(""), "application/x-ndjson; charset=utf-8");
}
