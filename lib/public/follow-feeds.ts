import "server-only";
import { getEnv } from "../env";
import { listStoryRecords } from "./ledger-follow";
import { buildAtomFeed, type AtomEntry } from "./atom";
import { cachedPublishedClaim } from "./cached";
import { claimUrl } from "./claim-review";
import { errorResponse, publicResponse } from "./http";
import type { PublicClaim } from "./types";

/*
 * Follow one claim or one story (issue 21): an Atom feed with one entry per published version:
 * the new verdict, each update and correction, the retraction. Built from publications only, like
 * the site-wide feeds (feeds.ts), with stable tag ids so a reader never sees an entry twice.
 */
const ATOM = "application/atom+xml; charset=utf-8";
const FEED_SIZE = 50;
const tagId = (what: string) => `tag:claimdesk,2026:${what}`;
const SLUG = /^[a-z0-9-]{1,200}$/;

const TITLE = { original: "New verdict", update: "Updated", correction: "Corrected", retraction: "Retracted" } as const;

export function versionEntries(claim: PublicClaim, base: string): AtomEntry[] {
  return claim.versions.map((v) => ({
    id: tagId(`claim:${claim.slug}:v${v.version}`),
    title: `${TITLE[v.kind]}${v.kind === "retraction" ? "" : ` (${v.content.verdict.ratingLabel})`}: ${claim.text}`,
    link: claimUrl(base, claim.slug),
    updated: v.publishedAt,
    published: v.publishedAt,
    summary: v.kind === "original" ? `${claim.claimant} claimed: “${v.content.text}”. ${v.content.verdict.reasoning}` : (v.note ?? ""),
    categories: [v.kind, ...(v.kind === "retraction" ? [] : [v.content.verdict.rating])],
  }));
}

function feedResponse(request: Request, options: { id: string; title: string; self: string; site: string; entries: AtomEntry[] }): Response {
  const entries = options.entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id)).slice(0, FEED_SIZE);
  const xml = buildAtomFeed({
    id: tagId(options.id),
    title: options.title,
    selfUrl: options.self,
    siteUrl: options.site,
    updated: entries[0]?.updated ?? new Date(0).toISOString(),
    entries,
  });
  return publicResponse(request, xml, ATOM);
}

/** GET /feeds/claims/<slug>: this claim's verdict and every later update, correction or retraction. */
export async function handleClaimFeed(request: Request, slug: string): Promise<Response> {
  const claim = SLUG.test(slug) ? await cachedPublishedClaim(slug) : null;
  if (!claim) return errorResponse("NOT_FOUND", "No published claim has this address.", 404);
  const base = getEnv().PUBLIC_BASE_URL;
  return feedResponse(request, {
    id: `feed:claim:${claim.slug}`,
    title: `claimdesk: ${claim.text}`.slice(0, 300),
    self: `${base}/feeds/claims/${claim.slug}`,
    site: claimUrl(base, claim.slug),
    entries: versionEntries(claim, base),
  });
}

/** GET /feeds/stories/<slug>: new checks in this story and every change to them. */
export async function handleStoryFeed(request: Request, slug: string): Promise<Response> {
  const claims = SLUG.test(slug) ? await listStoryRecords(slug) : [];
  const story = claims.find((c) => c.story)?.story;
  if (!story) return errorResponse("NOT_FOUND", "No published story has this address.", 404);
  const base = getEnv().PUBLIC_BASE_URL;
  return feedResponse(request, {
    id: `feed:story:${slug}`,
    title: `claimdesk: ${story.title}`,
    self: `${base}/feeds/stories/${slug}`,
    site: `${base}/stories/${slug}`,
    entries: claims.flatMap((claim) => versionEntries(claim, base)),
  });
}
