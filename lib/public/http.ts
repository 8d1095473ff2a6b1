import { createHash } from "node:crypto";

/** Public reads: any origin, cached briefly at the edge, revalidated in the background. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
  "Access-Control-Expose-Headers": "ETag",
  "Access-Control-Max-Age": "86400",
} as const;

/** A strong ETag: the SHA-256 of the exact body bytes. */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag;
  });
}

/** A cacheable public response with ETag / If-None-Match (304) and CORS headers. */
export function publicResponse(request: Request, body: string, contentType: string, status = 200): Response {
  const etag = strongEtag(body);
  const headers = new Headers({ ...CORS_HEADERS, "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: etag, Vary: "Accept-Encoding" });
  if (status === 200 && matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", contentType);
  return new Response(request.method === "HEAD" ? null : body, { status, headers });
}

export function jsonResponse(request: Request, data: unknown, status = 200): Response {
  return publicResponse(request, JSON.stringify(data), "application/json; charset=utf-8", status);
}

export type ApiErrorCode = "NOT_FOUND" | "VALIDATION" | "INTERNAL";

/** `{ error: { code, message, fieldErrors? } }`, not cached at the edge. */
export function errorResponse(code: ApiErrorCode, message: string, status: number, fieldErrors?: Record<string, string[] | undefined>): Response {
  const body = JSON.stringify({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } });
  return new Response(body, { status, headers: { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
