import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { fullServer } from "./support/client";
import { loadDescription, pathOfRouteFile } from "./support/openapi";

/*
 * The OpenAPI description (/api/v1/openapi.json) against the real server: every public route is
 * described, every described path is requested here, and every answer (success, 304 and the
 * errors) must be one the description lists, with its documented headers, media type and a body
 * its schema accepts. The 429 is checked the same way in fair-use.test.ts.
 */

const PUBLIC_DIRS = ["app/api/v1", "app/feeds", "app/export", "app/.well-known"];
const base = fullServer().url;
let api: Awaited<ReturnType<typeof loadDescription>>;
const requested = new Set<string>();

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${base}${url}`, { headers });

/** Requests `url`, checks the answer against `template`'s description, and answers the checked body. */
async function checked(template: string, url: string, expectedStatus: number, headers: Record<string, string> = {}) {
  requested.add(template);
  const response = await get(url, headers);
  assert.equal(response.status, expectedStatus, `GET ${url}`);
  return api.check(template, response);
}

const json = <T>(body: string | Uint8Array) => JSON.parse(String(body)) as T;

before(async () => {
  api = await loadDescription(base);
});

test("every public route is in the description, and nothing else is", () => {
  const files = PUBLIC_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /^route\.(ts|tsx|js)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name)),
  );
  assert.deepEqual(files.map(pathOfRouteFile).sort(), Object.keys(api.description.paths).sort());
});

test("the claims list: pages, filters, validators and errors", async () => {
  const first = json<{ data: Array<{ slug: string }>; nextCursor: string | null }>((await checked("/api/v1/claims", "/api/v1/claims?limit=1", 200)).body);
  assert.equal(first.data.length, 1);
  assert.ok(first.nextCursor, "the demo ledger has more than one claim");
  await checked("/api/v1/claims", `/api/v1/claims?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, 200);
  await checked("/api/v1/claims", "/api/v1/claims?q=tokaev&rating=mostly-true", 200);
  await checked("/api/v1/claims", "/api/v1/claims?limit=101", 400);
  await checked("/api/v1/claims", "/api/v1/claims?cursor=bm90LWEtY3Vyc29y", 400);
  const etag = (await get("/api/v1/claims")).headers.get("etag");
  assert.ok(etag);
  await checked("/api/v1/claims", "/api/v1/claims", 304, { "If-None-Match": etag });
});

test("a claim, its versions and the log", async () => {
  const log = json<{ data: Array<{ slug: string; version: number; kind: string }>; next: string | null }>((await checked("/api/v1/log", "/api/v1/log", 200)).body);
  assert.ok(log.data.length > 0, "the demo ledger has published");
  const paged = json<{ next: string | null }>((await checked("/api/v1/log", "/api/v1/log?after=0&limit=1", 200)).body);
  assert.ok(paged.next);
  await checked("/api/v1/log", "/api/v1/log?after=-1", 400);
  await checked("/api/v1/log/head", "/api/v1/log/head", 200);

  // Every claim the log names: standing and retracted ones alike, each of its versions.
  for (const entry of log.data) {
    await checked("/api/v1/claims/{slug}", `/api/v1/claims/${entry.slug}`, 200);
    await checked("/api/v1/claims/{slug}/versions/{version}", `/api/v1/claims/${entry.slug}/versions/${entry.version}`, 200);
  }
  await checked("/api/v1/claims/{slug}", "/api/v1/claims/never-published-anywhere", 404);
  await checked("/api/v1/claims/{slug}/versions/{version}", `/api/v1/claims/${log.data[0]!.slug}/versions/999999`, 404);
  await checked("/api/v1/claims/{slug}/versions/{version}", `/api/v1/claims/${log.data[0]!.slug}/versions/first`, 404);
});

test("stories, the key and the description itself", async () => {
  const stories = json<{ data: Array<{ slug: string }> }>((await checked("/api/v1/stories", "/api/v1/stories", 200)).body);
  assert.ok(stories.data.length > 0);
  const key = await get("/.well-known/claimdesk-ledger-key");
  await checked("/.well-known/claimdesk-ledger-key", "/.well-known/claimdesk-ledger-key", 304, { "If-None-Match": key.headers.get("etag")! });
  await checked("/.well-known/claimdesk-ledger-key", "/.well-known/claimdesk-ledger-key", 200);
  await checked("/api/v1/openapi.json", "/api/v1/openapi.json", 200);
});

test("the feeds, and their errors", async () => {
  const claims = json<{ data: Array<{ slug: string }> }>((await (await get("/api/v1/claims")).text()));
  const stories = json<{ data: Array<{ slug: string }> }>((await (await get("/api/v1/stories")).text()));
  await checked("/feeds/verdicts.atom", "/feeds/verdicts.atom", 200);
  await checked("/feeds/corrections.atom", "/feeds/corrections.atom", 200);
  await checked("/feeds/claims/{slug}", `/feeds/claims/${claims.data[0]!.slug}`, 200);
  await checked("/feeds/claims/{slug}", "/feeds/claims/never-published-anywhere", 404);
  await checked("/feeds/stories/{slug}", `/feeds/stories/${stories.data[0]!.slug}`, 200);
  await checked("/feeds/stories/{slug}", "/feeds/stories/never-published-anywhere", 404);
});

test("the exports, plain and gzipped: the .gz files hold the same data", async () => {
  const jsonl = String((await checked("/export/claimreviews.jsonl", "/export/claimreviews.jsonl", 200)).body);
  const jsonlGz = (await checked("/export/claimreviews.jsonl.gz", "/export/claimreviews.jsonl.gz", 200)).body;
  assert.ok(jsonlGz instanceof Uint8Array);
  assert.equal(gunzipSync(jsonlGz).toString("utf8"), jsonl);
  assert.ok(jsonl.split("\n").filter(Boolean).length > 0);

  const feed = json<{ dateModified: string; dataFeedElement: unknown[] }>((await checked("/export/claimreviews.datafeed.json", "/export/claimreviews.datafeed.json", 200)).body);
  const feedGz = (await checked("/export/claimreviews.datafeed.json.gz", "/export/claimreviews.datafeed.json.gz", 200)).body;
  assert.ok(feedGz instanceof Uint8Array);
  const unzipped = JSON.parse(gunzipSync(feedGz).toString("utf8")) as typeof feed;
  // Generated when requested: only its dateModified differs.
  assert.deepEqual({ ...unzipped, dateModified: "" }, { ...feed, dateModified: "" });
  assert.ok(feed.dataFeedElement.length > 0);
});

// Last: node:test runs a file's tests in order, and the ones above fill `requested`.
test("every described path was requested above", () => {
  assert.deepEqual([...requested].sort(), Object.keys(api.description.paths).sort());
});
