import { NextResponse, type NextRequest } from "next/server";
import { checkRequestOrigin, contentSecurityPolicy, createNonce, createRequestId, STATIC_SECURITY_HEADERS } from "./lib/security/headers";

/*
 * Runs on every non-static path. It
 *  - gives the request an id (`x-request-id`, on the request for the logs and on the response);
 *  - sets a Content-Security-Policy with a fresh nonce, handed to Next on the request headers
 *    (`content-security-policy`, `x-nonce`) so Next puts it on its own scripts;
 *  - refuses cross-site writes (see checkRequestOrigin) before any action or handler runs;
 *  - redirects anonymous /desk visitors to sign in: a convenience only, every page, action and
 *    route checks the session itself. CLAIMDESK_DISABLE_PROXY=1 turns off that redirect (tests
 *    then prove the pages' own checks); the headers and the Origin check stay;
 *  - answers 400 to a path that is not valid percent-encoding: Next 16 answers 500 when a dynamic
 *    route's segment does not decode (`/claims/%zz`, vercel/next.js#92557), and such a URL names
 *    nothing.
 */
export function proxy(request: NextRequest) {
  const requestId = createRequestId();
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });

  if (!isDecodable(request.nextUrl.pathname)) {
    const body = "Bad Request: the address is not valid percent-encoding.";
    return secure(new NextResponse(body, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }), csp, requestId);
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

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  return secure(NextResponse.next({ request: { headers } }), csp, requestId);
}

function secure(response: NextResponse, csp: string, requestId: string): NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
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
