import { NextResponse, type NextRequest } from "next/server";
import { probeDatabaseCapacity } from "./lib/db/capacity";
import { getAuthSecret, getEnv } from "./lib/env";
import limits from "./lib/security/limits.json" with { type: "json" };
import { checkRequestOrigin, contentSecurityPolicy, createNonce, createRequestId, isSnapshotPath, SNAPSHOT_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/headers";
import { isCacheablePageRequest, isPageCacheRequest, PAGE_CACHE_HEADER, pageCacheToken, PAGE_CACHE_PREFIX, plainNotFound } from "./lib/public/page-cache-rules";

/*
 * Runs on every non-static path. It
 *  - gives the request an id (`x-request-id`, on the request for the logs and on the response);
 *  - sends a reader's plain load of a public page to the page cache (lib/public/page-cache.ts),
 *    which answers with the stored page and its own hash-based policy; the cache's own requests
 *    carry a header only this deployment can make, and everything else renders per request, with a nonce;
 *  - sets a Content-Security-Policy with a fresh nonce (a kept source page gets SNAPSHOT_CSP instead), handed to Next on the request headers
 *    (`content-security-policy`, `x-nonce`) so Next puts it on its own scripts;
 *  - refuses cross-site writes (see checkRequestOrigin) before any action or handler runs;
 *  - answers 413 to a body declared larger than lib/security/limits.json (Next's own refusal of an
 *    oversized Server Action body was a 500);
 *  - redirects anonymous /desk visitors to sign in: a convenience only, every page, action and
 *    route checks the session itself. CLAIMDESK_DISABLE_PROXY=1 turns off that redirect (tests
 *    then prove the pages' own checks); the headers and the Origin check stay;
 *  - answers 400 to a path that is not valid percent-encoding: Next 16 answers 500 when a dynamic
 *    route's segment does not decode (`/claims/%zz`, vercel/next.js#92557), and such a URL names
 *    nothing;
 *  - answers 503 with Retry-After to a page request when the database pool is saturated (see
 *    lib/db/capacity.ts): a page cannot set that status itself once it renders. Route handlers
 *    (API, feeds, export) answer their own 503s; Server Actions return a typed UNAVAILABLE.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const requestId = createRequestId();
  const nonce = createNonce();
  const csp = isSnapshotPath(request.nextUrl.pathname) ? SNAPSHOT_CSP : contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });

  if (!isDecodable(request.nextUrl.pathname)) {
    const body = "Bad Request: the address is not valid percent-encoding.";
    return secure(new NextResponse(body, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }), csp, requestId);
  }

  if (isTooLarge(request)) {
    const body = JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than ${limits.maxBodyBytes / 1024 / 1024} MB. Send less at a time (an article or an import of at most 2,000,000 characters).` } });
    return secure(new NextResponse(body, { status: 413, headers: { "content-type": "application/json; charset=utf-8" } }), csp, requestId);
  }

  const origin = checkRequestOrigin(request);
  if (!origin.ok) {
    const body = JSON.stringify({ error: { code: "FORBIDDEN", message: `Cross-site request refused (${origin.reason}).` } });
    return secure(new NextResponse(body, { status: 403, headers: { "content-type": "application/json; charset=utf-8" } }), csp, requestId);
  }

  if (isDeskPath(request.nextUrl.pathname) && process.env.CLAIMDESK_DISABLE_PROXY !== "1" && !hasSessionCookie(request)) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return secure(NextResponse.redirect(url), csp, requestId);
  }

  const fromPageCache = isPageCacheRequest(request.headers, getAuthSecret());
  if (isPageCachePath(request.nextUrl.pathname)) {
    // The rewrite below, seen again on its way to the cache's route: the route sets its own policy.
    if (fromPageCache) return withRequestId(withStaticHeaders(NextResponse.next()), requestId);
    return secure(plainNotFound(), csp, requestId);
  }

  if (!fromPageCache && isCacheablePageRequest(request, hasSessionCookie(request))) {
    const headers = new Headers(request.headers);
    headers.set("x-request-id", requestId);
    headers.set(PAGE_CACHE_HEADER, pageCacheToken(getAuthSecret()));
    const target = new URL(`${PAGE_CACHE_PREFIX}${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}`, request.url);
    return withRequestId(withStaticHeaders(NextResponse.rewrite(target, { request: { headers } })), requestId);
  }

  if (isPageRender(request) && (await probeDatabaseCapacity(getEnv().DATABASE_POOL_QUEUE_MAX)) === "busy") {
    return secure(busyResponse(), csp, requestId);
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = secure(NextResponse.next({ request: { headers } }), csp, requestId);
  if (isPasswordLinkPath(request.nextUrl.pathname)) {
    // The address holds a one-time token: no cache keeps it, no search engine lists it, and no
    // Referer carries it to the next page.
    response.headers.set("Cache-Control", "private, no-store");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Referrer-Policy", "no-referrer");
  }
  return response;
}

function isPasswordLinkPath(pathname: string): boolean {
  return pathname.startsWith("/set-password/");
}

function secure(response: NextResponse, csp: string, requestId: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  return withRequestId(withStaticHeaders(response), requestId);
}

function withStaticHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

function withRequestId(response: NextResponse, requestId: string): NextResponse {
  response.headers.set("x-request-id", requestId);
  return response;
}

/** The seconds a refused client should wait (matches the route handlers' Retry-After). */
const RETRY_AFTER_SECONDS = "2";

function busyResponse(): NextResponse {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy: try again shortly</title></head>
<body><main><h1>claimdesk is busy</h1><p>Too many requests are waiting for the database right now. Nothing was lost: try again in a few seconds.</p></main></body></html>`;
  return new NextResponse(body, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "retry-after": RETRY_AFTER_SECONDS, "cache-control": "no-store" } });
}

/** A page (or its RSC payload) about to render; route handlers and Server Actions answer for themselves. */
function isPageRender(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const { pathname } = request.nextUrl;
  return !["/api/", "/feeds/", "/export/"].some((prefix) => pathname.startsWith(prefix));
}

/** A declared body over the limit (Server Actions and route handlers alike), refused before it is read. */
function isTooLarge(request: NextRequest): boolean {
  const length = Number(request.headers.get("content-length") ?? 0);
  return Number.isFinite(length) && length > limits.maxBodyBytes;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function isPageCachePath(pathname: string): boolean {
  return pathname === PAGE_CACHE_PREFIX || pathname.startsWith(`${PAGE_CACHE_PREFIX}/`);
}

function isDeskPath(pathname: string): boolean {
  return pathname === "/desk" || pathname.startsWith("/desk/");
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
}

// Everything but Next's build output and image optimiser: pages, Server Actions, Route Handlers
// (API, feeds, export, next-auth), 404s. test/unit/origin-coverage.test.ts holds this to that.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"] };
