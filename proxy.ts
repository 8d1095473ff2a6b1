import { NextResponse, type NextRequest } from "next/server";

/**
 * Next 16 answers 500 when a dynamic route's segment is not valid percent-encoding (`/claims/%zz`,
 * vercel/next.js#92557); such a URL names nothing, so it is refused here as a 400 first.
 */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// A convenience redirect only: every page, action and route checks the session itself.
export function proxy(request: NextRequest) {
  if (!isDecodable(request.nextUrl.pathname)) {
    return new NextResponse("Bad Request: the address is not valid percent-encoding.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { pathname } = request.nextUrl;
  const isDesk = pathname === "/desk" || pathname.startsWith("/desk/");
  // CLAIMDESK_DISABLE_PROXY=1 lets the security suite prove that authorisation does not depend on this redirect.
  if (!isDesk || process.env.CLAIMDESK_DISABLE_PROXY === "1") return NextResponse.next();
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

// Every path but static assets (the encoding check applies everywhere; the redirect to /desk only).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
