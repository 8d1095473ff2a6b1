import { NextResponse, type NextRequest } from "next/server";

// Minimal request-id plumbing (helper "faults"); sec-http owns this file and its final shape.
// Every non-static request gets an id, forwarded as `x-request-id` to the app (lib/log.ts reads
// it) and returned on the response so a reader can quote it.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// A convenience redirect only: every page, action and route checks the session itself.
export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  if (request.nextUrl.pathname.startsWith("/desk") && process.env.CLAIMDESK_DISABLE_PROXY !== "1") {
    const hasSession =
      request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
    if (!hasSession) {
      const url = new URL("/login", request.url);
      url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
      const redirect = NextResponse.redirect(url);
      redirect.headers.set("x-request-id", requestId);
      return redirect;
    }
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
