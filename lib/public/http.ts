import { createHash } from "node:crypto";
import type { ApiErrorCode, ErrorBody } from "./responses";

/**
 * Public reads: any origin; a shared cache (deploy/nginx) may keep them one second, then
 * revalidates with If-None-Match (a 304 costs the app a cached read) before it answers again, so a
 * publication reaches readers behind the cache within one second plus one render. No
 * stale-while-revalidate: serving the old entry during that render measured 2.4 s to visibility.
 * Browsers revalidate each time.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=1";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
  "Access-Control-Expose-Headers": "ETag, RateLimit, RateLimit-Policy, Retry-After",
  "Access-Control-Max-Age": "86400",
} as const;

/** A strong ETag: the SHA-256 of the exact body bytes. */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** Whether a request's If-None-Match names this ETag (or any, with `*`). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag;
  });
}

/** A body with its ETag, computed once: what the public caches keep (lib/public/cached.ts). */
export type SerialisedBody = { body: string; etag: string };

export function serialiseJson(data: unknown): SerialisedBody {
  const body = JSON.stringify(data);
  return { body, etag: strongEtag(body) };
}

/** A cacheable public response with ETag / If-None-Match (304) and CORS headers. */
export function publicResponse(request: Request, content: string | SerialisedBody, contentType: string, status = 200): Response {
  const { body, etag } = typeof content === "string" ? { body: content, etag: strongEtag(content) } : content;
  const headers = new Headers({ ...CORS_HEADERS, "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: etag, Vary: "Accept-Encoding" });
  if (status === 200 && matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", contentType);
  return new Response(request.method === "HEAD" ? null : body, { status, headers });
}

/** A public response whose body is produced piece by piece (no ETag: the bytes are not known yet). */
export function streamedPublicResponse(request: Request, chunks: AsyncIterable<string>, contentType: string): Response {
  const headers = new Headers({ ...CORS_HEADERS, "Cache-Control": PUBLIC_CACHE_CONTROL, Vary: "Accept-Encoding", "Content-Type": contentType });
  if (request.method === "HEAD") return new Response(null, { headers });
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, { headers });
}

/**
 * The same export as a .gz file: the body gzip-compressed as it streams (a failure mid-way still
 * aborts it), served as application/gzip with a download name, so a researcher's `curl -O` keeps
 * the compressed file whatever its client negotiates.
 */
export function gzipFileResponse(response: Response, filename: string): Response {
  const headers = new Headers(response.headers);
  headers.set("Content-Type", "application/gzip");
  headers.set("Content-Disposition", `attachment; filename="${filename}"`);
  const body = response.body?.pipeThrough(new CompressionStream("gzip")) ?? null;
  return new Response(body, { status: response.status, headers });
}

export const JSON_TYPE = "application/json; charset=utf-8";

export function jsonResponse(request: Request, data: unknown, status = 200): Response {
  return publicResponse(request, serialiseJson(data), JSON_TYPE, status);
}

/** `{ error: { code, message, fieldErrors? } }`, not cached at the edge. */
export function errorResponse(code: ApiErrorCode, message: string, status: number, fieldErrors?: Record<string, string[] | undefined>): Response {
  const body = JSON.stringify({ error: { code, message, ...(fieldErrors ? { fieldErrors: definedOnly(fieldErrors) } : {}) } } satisfies ErrorBody);
  return new Response(body, { status, headers: { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

function definedOnly(fieldErrors: Record<string, string[] | undefined>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).filter((entry): entry is [string, string[]] => entry[1] !== undefined));
}
