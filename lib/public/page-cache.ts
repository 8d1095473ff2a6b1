import "server-only";
import { createHash } from "node:crypto";
import { parseHTML } from "linkedom";
import { hashedContentSecurityPolicy } from "../security/headers";
import { cached } from "./cached";
import { generationExpiry } from "./generation";
import { matchesEtag, PUBLIC_CACHE_CONTROL, strongEtag } from "./http";
import { fetchAsPageCache, isCacheablePagePath, plainNotFound } from "./page-cache-rules";
import { claimTag, LEDGER_TAG } from "./revalidate";

/*
 * The public pages, rendered once per publication and then served as stored bytes to every reader
 * (and to nginx or a CDN in front). proxy.ts rewrites a reader's plain page load here
 * (page-cache-rules.ts says which); a miss asks this same server for the page with the cache's
 * header (PAGE_CACHE_HEADER), so the page renders exactly as it would per request, with a nonce. The stored copy keeps
 * the body and, computed from it, a Content-Security-Policy naming the SHA-256 of each of its inline
 * scripts and a strong ETag. Entries carry the `ledger` tag (and a claim's own), which every
 * publication event expires on every instance (lib/cache/redis-cache-handler.js).
 */

export type StoredPage = { html: string; csp: string; etag: string };

/** The SHA-256 (base64) of each inline script a browser would run; data blocks (JSON-LD) are not scripts. */
export function inlineScriptHashes(html: string): string[] {
  const { document } = parseHTML(html);
  const hashes = new Set<string>();
  for (const script of document.querySelectorAll("script")) {
    if (script.hasAttribute("src") || !isJavaScriptType(script.getAttribute("type"))) continue;
    hashes.add(createHash("sha256").update(script.textContent ?? "", "utf8").digest("base64"));
  }
  return [...hashes];
}

function isJavaScriptType(type: string | null): boolean {
  if (type === null || type.trim() === "") return true;
  return /^(module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i.test(type.trim());
}

/**
 * The render's nonce goes: the stored page's policy names hashes instead. It is on the tags and in
 * the component payload (Next passes it to React's own script and style tags), and taking it out of
 * both makes two renders of unchanged content the same bytes, so the ETag still matches after a
 * publication elsewhere on the ledger.
 */
export function withoutNonce(html: string, nonce: string): string {
  return html.replaceAll(nonce, "").replaceAll(' nonce=""', "");
}

export function storedPage(html: string): StoredPage {
  return { html, csp: hashedContentSecurityPolicy(inlineScriptHashes(html)), etag: strongEtag(html) };
}

/** A render that must not be stored: served as the page answered it, to each reader who waited for it. */
class Uncacheable extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly body: string,
  ) {
    super(`page answered ${status}`);
  }
}

async function renderPage(path: string): Promise<StoredPage> {
  const response = await fetchAsPageCache(path);
  if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/html")) throw new Uncacheable(response.status, response.headers, await response.text());
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const html = await response.text();
  return storedPage(nonce ? withoutNonce(html, nonce) : html);
}

const pageTags = (path: string) => {
  const claim = /^\/claims\/([^/]+)$/.exec(path);
  return claim ? [LEDGER_TAG, claimTag(claim[1]!)] : [LEDGER_TAG];
};
const cachedPage = cached(renderPage, "public-page", pageTags);

// Readers arriving together for one page share one lookup, and on a miss one render: a page that
// goes viral while its entry is being filled costs one render, not one per reader in flight.
const inFlight = new Map<string, Promise<StoredPage>>();

function sharedPage(path: string): Promise<StoredPage> {
  let page = inFlight.get(path);
  if (!page) {
    page = cachedPage(path).finally(() => inFlight.delete(path));
    inFlight.set(path, page);
  }
  return page;
}

/** Next adds the router's request headers (RSC and the rest), so no shared cache answers a payload request with this HTML. */
const VARY = "Accept-Encoding";

/** Answers a reader's page load from the cache, filling it on a miss; anything but a 200 page passes through unstored. */
export async function servePage(request: Request, path: string): Promise<Response> {
  if (!isCacheablePagePath(path)) return plainNotFound();
  let page: StoredPage;
  try {
    page = await sharedPage(path);
  } catch (error) {
    if (!(error instanceof Uncacheable)) throw error;
    const headers = new Headers(error.headers);
    headers.set("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    headers.delete("content-encoding");
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    return new Response(request.method === "HEAD" ? null : error.body, { status: error.status, headers });
  }
  const headers = new Headers({ "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: page.etag, Vary: VARY, "Content-Security-Policy": page.csp, ...(await generationExpiry(request)) });
  if (matchesEtag(request.headers.get("if-none-match"), page.etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(request.method === "HEAD" ? null : page.html, { status: 200, headers });
}
