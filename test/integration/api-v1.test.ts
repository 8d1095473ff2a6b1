import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createStory, createUser } from "../support/factories";
import { GET as listClaims, OPTIONS as claimsPreflight } from "../../app/api/v1/claims/route";
import { GET as getClaim } from "../../app/api/v1/claims/[slug]/route";
import { GET as listStories } from "../../app/api/v1/stories/route";
import { createPublishedClaim, publishVerdict } from "./ledger-fixtures";
import type { Db } from "../../lib/db/client";

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost:3000${path}`, { headers });
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
type ListBody = { data: Array<{ slug: string; claimant: string; verdict: { rating: string; publishedAt: string } }>; nextCursor: string | null };

async function people(db: Db) {
  return { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
}

describe("GET /api/v1/claims", () => {
  test("walks every page once: no duplicates, no gaps, newest verdict first, ties broken by id", async () => {
    const db = await testDb();
    const p = await people(db);
    const story = await createStory(db);
    const tie = new Date("2031-03-01T10:00:00.000Z");
    const created = [];
    for (let i = 0; i < 7; i++) {
      const publishedAt = i < 3 ? tie : new Date(Date.UTC(2031, 2, 2 + i));
      created.push((await createPublishedClaim(db, p, { storyId: story.id, publishedAt })).claim.slug);
    }
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await listClaims(get(`/api/v1/claims?story=${story.slug}&limit=2${cursor ? `&cursor=${cursor}` : ""}`));
      assert.equal(response.status, 200);
      const body = (await response.json()) as ListBody;
      seen.push(...body.data.map((c) => c.slug));
      times.push(...body.data.map((c) => c.verdict.publishedAt));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 4);
    assert.equal(seen.length, 7);
    assert.deepEqual([...seen].sort(), [...created].sort());
    assert.deepEqual(times, [...times].sort().reverse());

    // The same walk again gives the same order.
    const again = (await (await listClaims(get(`/api/v1/claims?story=${story.slug}&limit=100`))).json()) as ListBody;
    assert.deepEqual(again.data.map((c) => c.slug), seen);
    assert.equal(again.nextCursor, null);
  });

  test("filters by story, rating, claimant, date range and full-text search (with a typo fallback)", async () => {
    const db = await testDb();
    const p = await people(db);
    const story = await createStory(db);
    const word = `zephyrine${Math.random().toString(36).slice(2, 8)}`;
    const a = await createPublishedClaim(db, p, { storyId: story.id, rating: "TRUE", claimant: "Astana city council", text: `Fuel prices ${word} doubled overnight`, publishedAt: new Date("2030-01-05T12:00:00Z") });
    const b = await createPublishedClaim(db, p, { storyId: story.id, rating: "FALSE", claimant: "Minister Bektenov", text: "Protesters seized the airport", publishedAt: new Date("2030-01-07T12:00:00Z") });
    const slugs = async (qs: string) => ((await (await listClaims(get(`/api/v1/claims?story=${story.slug}&${qs}`))).json()) as ListBody).data.map((c) => c.slug);

    assert.deepEqual(await slugs(""), [b.claim.slug, a.claim.slug]);
    assert.deepEqual(await slugs("rating=TRUE"), [a.claim.slug]);
    assert.deepEqual(await slugs("rating=false"), [b.claim.slug]);
    assert.deepEqual(await slugs("claimant=bektenov"), [b.claim.slug]);
    assert.deepEqual(await slugs("from=2030-01-06"), [b.claim.slug]);
    assert.deepEqual(await slugs("to=2030-01-05"), [a.claim.slug]);
    assert.deepEqual(await slugs(`q=${encodeURIComponent(`${word} prices`)}`), [a.claim.slug]);
    assert.deepEqual(await slugs("q=airport"), [b.claim.slug]);
    assert.deepEqual(await slugs("q=airprot%20seized%20protesterz"), [b.claim.slug], "trigram fallback");
    assert.deepEqual(await slugs("q=nothing-like-this-anywhere-xq"), []);
    const other = ((await (await listClaims(get(`/api/v1/claims?q=${word}`))).json()) as ListBody).data.map((c) => c.slug);
    assert.deepEqual(other, [a.claim.slug]);
  });

  test("400 with field errors for bad parameters and a forged cursor", async () => {
    for (const qs of ["limit=0", "limit=101", "limit=abc", "rating=AWESOME", "from=2020-13-45", "from=2022-02-02&to=2022-01-01", "story=Not%20A%20Slug"]) {
      const response = await listClaims(get(`/api/v1/claims?${qs}`));
      assert.equal(response.status, 400, qs);
      const body = (await response.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
      assert.equal(body.error.code, "VALIDATION");
      assert.ok(Object.keys(body.error.fieldErrors).length > 0, qs);
    }
    const forged = await listClaims(get("/api/v1/claims?cursor=bm9wZQ"));
    assert.equal(forged.status, 400);
    assert.ok(((await forged.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.cursor);
  });

  test("strong ETag, If-None-Match gives 304, cache and CORS headers, OPTIONS preflight", async () => {
    const db = await testDb();
    const story = await createStory(db);
    await createPublishedClaim(db, await people(db), { storyId: story.id });
    const path = `/api/v1/claims?story=${story.slug}`;
    const first = await listClaims(get(path));
    const etag = first.headers.get("etag");
    assert.match(etag ?? "", /^"[A-Za-z0-9_-]{43}"$/);
    assert.equal(first.headers.get("cache-control"), "public, max-age=0, s-maxage=1");
    assert.equal(first.headers.get("access-control-allow-origin"), "*");
    assert.equal((await listClaims(get(path))).headers.get("etag"), etag, "same body, same tag");
    const notModified = await listClaims(get(path, { "If-None-Match": etag ?? "" }));
    assert.equal(notModified.status, 304);
    assert.equal(await notModified.text(), "");
    assert.equal((await listClaims(get(path, { "If-None-Match": '"stale"' }))).status, 200);

    const preflight = claimsPreflight();
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /GET/);
  });
});

describe("GET /api/v1/claims/:slug and /api/v1/stories", () => {
  test("a claim with verdict, sources, figures, origins, conflicts and versions; 404 JSON otherwise", async () => {
    const db = await testDb();
    const p = await people(db);
    const { claim, verdictId, sources } = await createPublishedClaim(db, p, {
      rating: "MOSTLY_FALSE",
      evidence: [
        { stance: "SUPPORTS", figure: { low: 12, high: 12, counted: "police killed" } },
        { stance: "CONTRADICTS", figure: { low: 18, high: 18, counted: "police killed" } },
      ],
    });
    // A third source citing the first: still two independent origins.
    await db.evidence.create({ data: { claimId: claim.id, sourceId: (await db.source.create({ data: { url: `https://example.org/${unique("c")}`, normalizedUrl: `https://example.org/${unique("c")}`, outlet: "Wire", type: "WIRE" } })).id, stance: "SUPPORTS", excerpt: "Citing.", citesSourceId: sources[0]!.id } });
    await publishVerdict(db, p, claim.id, { rating: "FALSE", supersedes: { id: verdictId, note: "New police figures." } });

    const response = await getClaim(get(`/api/v1/claims/${claim.slug}`), params(claim.slug));
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as { data: Record<string, unknown> & { status: string; version: number; verdict: { rating: string }; versions: Array<{ version: number; kind: string; note: string | null; content: { verdict: { rating: string } } }>; sources: Array<{ figure: unknown; cites: unknown }>; independentOrigins: number; conflicts: Array<{ kind: string }>; url: string } };
    assert.equal(data.verdict.rating, "FALSE");
    assert.deepEqual([data.status, data.version], ["published", 2]);
    assert.deepEqual(
      data.versions.map((v) => [v.version, v.kind, v.content.verdict.rating, v.note]),
      [
        [1, "original", "MOSTLY_FALSE", null],
        [2, "correction", "FALSE", "New police figures."],
      ],
    );
    assert.equal(data.sources.length, 3);
    assert.equal(data.sources.filter((s) => s.figure).length, 2);
    assert.equal(data.sources.filter((s) => s.cites).length, 1);
    assert.equal(data.independentOrigins, 2);
    assert.deepEqual(data.conflicts.map((c) => c.kind).sort(), ["figures", "stance"]);
    assert.equal(data.url, `http://localhost:3000/claims/${claim.slug}`);

    const missing = await getClaim(get("/api/v1/claims/no-such-claim"), params("no-such-claim"));
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("content-type"), "application/json; charset=utf-8");
    const body = (await missing.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "NOT_FOUND");
    assert.ok(body.error.message.length > 0);
  });

  test("stories list only stories with published claims, with their counts", async () => {
    const db = await testDb();
    const withClaims = await createStory(db);
    const empty = await createStory(db);
    await createPublishedClaim(db, await people(db), { storyId: withClaims.id });
    const response = await listStories(get("/api/v1/stories"));
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as { data: Array<{ slug: string; publishedClaims: number; url: string }> };
    assert.equal(data.find((s) => s.slug === withClaims.slug)?.publishedClaims, 1);
    assert.equal(data.some((s) => s.slug === empty.slug), false);
  });
});
