import { NextResponse, type NextRequest } from "next/server";

// A convenience redirect only: every page, action and route checks the session itself.
export function proxy(request: NextRequest) {
  // Lets the security suite prove that authorisation does not depend on this redirect.
  if (process.env.CLAIMDESK_DISABLE_PROXY === "1") return NextResponse.next();
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/desk/:path*"] };
