import { createHmac, timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { isSlugShaped } from "../domain/slug";
import { getAuthSecret, getEnv } from "../env";

/*
 * Which requests the public page cache answers (lib/public/page-cache.ts), shared by proxy.ts, which
 * sends them there, and the cache, which renders each page once by asking this server for it.
 */

/** The internal route proxy.ts rewrites cacheable page requests to; never reachable from outside. */
export const PAGE_CACHE_PREFIX = "/public-page-cache";

/**
 * The header that marks the page cache's own requests: the rewritten request on its way to the
 * cache's route, and the cache's render of a page (which must reach the page, not the cache).
 */
export const PAGE_CACHE_HEADER = "x-claimdesk-page-cache";

/** The cache's route answers anything it does not serve as a plain 404, as if it were not there. */
export function plainNotFound(): NextResponse {
  return new NextResponse("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

const FIXED_PAGES = new Set(["/", "/methodology", "/corrections", "/data"]);
const SLUG_PAGES = /^\/(claims|stories)\/([^/]+)$/;

/**
 * The public pages whose HTML is the same for every reader: the ledger's first page, the fixed
 * pages, and a claim or story page. Searches, filters and paging (any query string) render per
 * request, as do the reader-request forms.
 */
export function isCacheablePagePath(pathname: string): boolean {
  if (FIXED_PAGES.has(pathname)) return true;
  const match = SLUG_PAGES.exec(pathname);
  return match !== null && isSlugShaped(match[2]!);
}

type RequestLike = { method: string; headers: Headers; nextUrl: { pathname: string; search: string } };

/** Headers with which Next's client router asks for a page's component payload instead of its HTML. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

/**
 * A reader's plain page load: GET or HEAD, no query string, no desk session (a signed-in editor's
 * pages render per request with a nonce, and the cache never sees them), no router payload request.
 */
export function isCacheablePageRequest(request: RequestLike, hasSession: boolean): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (hasSession || request.nextUrl.search !== "") return false;
  if (ROUTER_HEADERS.some((name) => request.headers.has(name))) return false;
  return isCacheablePagePath(request.nextUrl.pathname);
}

/**
 * The value of PAGE_CACHE_HEADER: derived from the session secret, so every instance of one
 * deployment knows it, and no reader can reach the cache's route directly or make the server render
 * past its cache.
 */
export function pageCacheToken(secret: string): string {
  return createHmac("sha256", secret).update("claimdesk public page cache").digest("base64url");
}

export function isPageCacheRequest(headers: Headers, secret: string): boolean {
  const given = headers.get(PAGE_CACHE_HEADER);
  if (!given) return false;
  const expected = Buffer.from(pageCacheToken(secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Where this instance answers itself: PAGE_RENDER_ORIGIN, else the address `next start` listens on. */
function pageCacheOrigin(): string {
  const env = getEnv();
  return env.PAGE_RENDER_ORIGIN ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${env.PORT ?? "3000"}`;
}

const SELF_REQUEST_TIMEOUT_MS = 20_000;

/**
 * The page cache asking this instance for a path, with its header: a page to render (page-cache.ts)
 * or the cache's own route to fill (revalidate.ts). Never cached, redirects not followed, bounded in time.
 */
export function fetchAsPageCache(path: string): Promise<Response> {
  return fetch(pageCacheOrigin() + path, {
    headers: { [PAGE_CACHE_HEADER]: pageCacheToken(getAuthSecret()), accept: "text/html" },
    cache: "no-store",
    redirect: "manual",
    signal: AbortSignal.timeout(SELF_REQUEST_TIMEOUT_MS),
  });
}
