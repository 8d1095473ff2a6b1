import "server-only";
import { unstable_cache } from "next/cache";
import { getPublicationSpan, getPublishedClaim, getPublishedStory, listAmendments, listPublishedClaims, listPublishedStories, listRecentlyPublished } from "./ledger";
import { isSlugShaped } from "../domain/slug";
import { claimTag, LEDGER_TAG } from "./revalidate";

/*
 * The public reads behind Next's data cache, tagged so revalidateLedger() refreshes them. Outside a
 * Next.js server (node tests, scripts) there is no incremental cache, so the reads run directly.
 */
export function cached<A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string, tags: (...args: A) => string[]): (...args: A) => Promise<R> {
  return (...args: A) => {
    if (!process.env.NEXT_RUNTIME) return fn(...args);
    return unstable_cache(fn, [key], { tags: tags(...args), revalidate: 300 })(...args);
  };
}

const cachedClaimPages = cached(listPublishedClaims, "ledger:claims", () => [LEDGER_TAG]);
/**
 * Ledger pages from the cache, except searches: every distinct `q` would be one more cache write
 * (memory and the disk cache) that is rarely read back, while the search itself is an index
 * lookup. Repeated searches are what the CDN's s-maxage is for (docs/performance.md).
 */
export const cachedPublishedClaims = (filters: Parameters<typeof listPublishedClaims>[0]) =>
  filters.q ? listPublishedClaims(filters) : cachedClaimPages(filters);
const cachedClaimBySlug = cached(getPublishedClaim, "ledger:claim", (slug) => [LEDGER_TAG, claimTag(slug)]);
export const cachedPublishedClaim = (slug: string) => (isSlugShaped(slug) ? cachedClaimBySlug(slug) : Promise.resolve(null));
export const cachedPublishedStories = cached(listPublishedStories, "ledger:stories", () => [LEDGER_TAG]);
export const cachedPublishedStory = cached(getPublishedStory, "ledger:story:figures", () => [LEDGER_TAG]);
export const cachedAmendments = cached((options: { take?: number }) => listAmendments(options), "ledger:amendments", () => [LEDGER_TAG]);
export const cachedRecentlyPublished = cached(listRecentlyPublished, "ledger:recent", () => [LEDGER_TAG]);
export const cachedPublicationSpan = cached(getPublicationSpan, "ledger:span", () => [LEDGER_TAG]);
