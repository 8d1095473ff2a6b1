import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { inlineScriptHashes, storedPage, withoutNonce } from "./page-cache";
import { isCacheablePagePath, isCacheablePageRequest, isPageCacheRequest, PAGE_CACHE_HEADER, pageCacheToken } from "./page-cache-rules";
import { strongEtag } from "./http";
import { readSettled } from "./cached";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const request = (path: string, init: { method?: string; search?: string; headers?: Record<string, string> } = {}) => ({
  method: init.method ?? "GET",
  headers: new Headers(init.headers),
  nextUrl: { pathname: path, search: init.search ?? "" },
});

test("only a reader's pages that are the same for everyone are cacheable", () => {
  for (const path of ["/", "/methodology", "/corrections", "/data", "/claims/12-police-were-killed-3fa2c1", "/stories/kazakhstan"]) assert.ok(isCacheablePagePath(path), path);
  for (const path of ["/desk", "/desk/claims", "/login", "/requests/new", "/requests/received", "/api/v1/claims", "/feeds/verdicts.atom", "/claims/", "/claims/Upper", "/claims/a/b", "/claims/a%00b", `/claims/${"a".repeat(201)}`, "/stories/a_b", "/methodology/", "/public-page-cache"]) {
    assert.ok(!isCacheablePagePath(path), path);
  }
});

test("a search, a signed-in editor, a write and the router's payload requests bypass the page cache", () => {
  assert.ok(isCacheablePageRequest(request("/claims/a"), false));
  assert.ok(isCacheablePageRequest(request("/", { method: "HEAD" }), false));
  assert.ok(!isCacheablePageRequest(request("/", { search: "?q=police" }), false));
  assert.ok(!isCacheablePageRequest(request("/claims/a"), true));
  assert.ok(!isCacheablePageRequest(request("/claims/a", { method: "POST" }), false));
  for (const header of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"]) {
    assert.ok(!isCacheablePageRequest(request("/claims/a", { headers: { [header]: "1" } }), false), header);
  }
});

test("the cache's own requests are recognised by a token only the deployment's secret makes", () => {
  const secret = "s".repeat(40);
  const token = pageCacheToken(secret);
  assert.ok(isPageCacheRequest(new Headers({ [PAGE_CACHE_HEADER]: token }), secret));
  assert.ok(!isPageCacheRequest(new Headers(), secret));
  assert.ok(!isPageCacheRequest(new Headers({ [PAGE_CACHE_HEADER]: token }), "t".repeat(40)));
  assert.ok(!isPageCacheRequest(new Headers({ [PAGE_CACHE_HEADER]: token.slice(1) }), secret));
  const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
  assert.ok(!isPageCacheRequest(new Headers({ [PAGE_CACHE_HEADER]: altered }), secret));
});

test("a stored page's policy names exactly the inline scripts a browser would run", () => {
  const bootstrap = "self.__next_f=self.__next_f||[]";
  const payload = 'self.__next_f.push([1,"Tokayev: \\u003c/script\\u003e «terrorists» 164 dead"])';
  const moduleScript = "import('/a.js')";
  const html = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body>
<script type="application/ld+json">{"@type":"ClaimReview"}</script><script>${bootstrap}</script><script>${payload}</script>
<script type="module">${moduleScript}</script><script>${payload}</script><script type="text/plain">not run</script></body></html>`;
  const hashes = inlineScriptHashes(html);
  assert.deepEqual(new Set(hashes), new Set([sha256(bootstrap), sha256(payload), sha256(moduleScript)]));
  assert.equal(hashes.length, 3, "each script named once");

  const page = storedPage(html);
  assert.equal(page.etag, strongEtag(html));
  const scriptSrc = page.csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "))!;
  assert.equal(scriptSrc, `script-src 'self' ${hashes.map((h) => `'sha256-${h}'`).join(" ")}`);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) assert.ok(page.csp.includes(directive), directive);
  assert.ok(!/unsafe-inline'[^;]*;/.test(scriptSrc) && !scriptSrc.includes("unsafe-eval") && !scriptSrc.includes("nonce-"));
});

test("any script text is hashed as its exact UTF-8 bytes", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 200 }).filter((s) => !/<\/script|<!--|\r|\0/i.test(s)), (text) => {
      assert.deepEqual(inlineScriptHashes(`<html><body><script>${text}</script></body></html>`), [sha256(text)]);
    }),
    { numRuns: 200 },
  );
});

test("a cached read is read again when a publication happened while it ran, at most three times", async () => {
  let expiries = 0;
  let reads = 0;
  const publishing = (times: number) => async () => {
    reads += 1;
    if (reads <= times) expiries += 1;
    return reads;
  };
  assert.equal(await readSettled(publishing(0), () => expiries), 1, "nothing published: one read");
  reads = 0;
  assert.equal(await readSettled(publishing(1), () => expiries), 2, "a publication during the read: read again");
  reads = 0;
  assert.equal(await readSettled(publishing(10), () => expiries), 3, "a burst: the third read is kept");
});

test("two renders of the same content are the same stored bytes once their nonces are gone", () => {
  const render = (nonce: string) =>
    `<html><head><link rel="stylesheet" href="/a.css" nonce="${nonce}"/><script src="/a.js" async="" nonce="${nonce}"></script></head>` +
    `<body><p>A nonce-shaped word stays.</p><script nonce="${nonce}">self.__next_f.push([1,"[\\"$\\",\\"script\\",{\\"nonce\\":\\"${nonce}\\"}]"])</script></body></html>`;
  const [a, b] = [withoutNonce(render("hYLiR20QF8EEGKzodH2Ahg=="), "hYLiR20QF8EEGKzodH2Ahg=="), withoutNonce(render("s4X+XpEJooCllgWYMSBduA=="), "s4X+XpEJooCllgWYMSBduA==")];
  assert.equal(a, b);
  assert.ok(!a.includes("hYLiR20QF8EEGKzodH2Ahg==") && !a.includes(' nonce="'));
  assert.ok(a.includes("A nonce-shaped word stays."));
  assert.equal(storedPage(a).etag, storedPage(b).etag);
});
