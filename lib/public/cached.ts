import "server-only";
import { unstable_cache } from "next/cache";
import { getPublicationSpan, getPublishedClaim, getPublishedStory, listAmendments, listPublishedClaims, listPublishedStories, listRecentlyPublished } from "./ledger";
import { isSlugShaped } from "../domain/slug";
import { claimTag, LEDGER_TAG, ledgerExpiries } from "./revalidate";

/** How long a public read (and a stored page) is kept when no publication expires it first. */
export const LEDGER_CACHE_SECONDS = 300;

/*
 * The public reads behind Next's data cache, tagged so expireLedger() refreshes them. Outside a
 * Next.js server (node tests, scripts) there is no incremental cache, so the reads run directly.
 */
export function cached<A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string, tags: (...args: A) => string[]): (...args: A) => Promise<R> {
  const read = (...args: A) => readSettled(() => fn(...args));
  return (...args: A) => {
    if (!process.env.NEXT_RUNTIME) return fn(...args);
    return unstable_cache(read, [key], { tags: tags(...args), revalidate: LEDGER_CACHE_SECONDS })(...args);
  };
}

const SETTLE_ATTEMPTS = 3;

/**
 * A read to be cached, read again when this process expired the ledger while it ran: it may hold
 * rows from before that publication, and Next's in-process cache stamps an entry when it is stored,
 * after the expiry, so it would pass for fresh until its time limit. (On Redis the handler stamps
 * the start of the read and refuses such an entry on every instance.) After three reads that each
 * saw a publication, the last is kept: a burst of publications then shows within that time limit.
 */
export async function readSettled<R>(read: () => Promise<R>, expiries: () => number = ledgerExpiries): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const before = expiries();
    const result = await read();
    if (expiries() === before || attempt === SETTLE_ATTEMPTS) return result;
  }
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
