import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { createStory, createUser } from "../support/factories";
import { GET as verdictsFeed } from "../../app/feeds/verdicts.atom/route";
import { GET as correctionsFeed } from "../../app/feeds/corrections.atom/route";
import { GET as exportRoute } from "../../app/export/claimreviews.jsonl/route";
import { createPublishedClaim, publishVerdict, retractPublishedClaim } from "./ledger-fixtures";
import { iteratePublishedClaims } from "../../lib/public/ledger";

const get = (path: string) => new Request(`http://localhost:3000${path}`);

type Entry = { id: string; title: string; link: string; updated: string; summary: string };

/** A small well-formedness check (no XML parser is installed): balanced tags, escaped text, Atom entries. */
function parseAtom(xml: string): { title: string; entries: Entry[] } {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  const stack: string[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match as unknown as [string, string, string, string, string];
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `unbalanced </${name}>`);
    else stack.push(name);
  }
  assert.deepEqual(stack, [], "every element is closed");
  const text = body.replace(/<[^>]+>/g, "");
  assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(text), "only XML entities");
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const field = (block: string, tag: string) => decode(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(block)?.[1] ?? "");
  const entries = [...body.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, block = ""]) => ({
    id: field(block, "id"),
    title: field(block, "title"),
    link: decode(/<link rel="alternate"[^>]*href="([^"]*)"/.exec(block)?.[1] ?? ""),
    updated: field(block, "updated"),
    summary: field(block, "summary"),
  }));
  return { title: field(body.split("<entry>")[0] ?? "", "title"), entries };
}

describe("feeds and export", () => {
  test("verdicts and corrections feeds are well-formed Atom with the newest entries", async () => {
    const db = await testDb();
    const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
    const story = await createStory(db);
    // Later than anything other tests publish, and later on every run.
    const future = new Date(Date.UTC(2090, 0, 1) + Date.now());
    const { claim, verdictId } = await createPublishedClaim(db, people, { storyId: story.id, text: "Fuel costs < 60 tenge & rising", rating: "MOSTLY_TRUE", publishedAt: future });
    const correctedAt = new Date(future.getTime() + 1000);
    await publishVerdict(db, people, claim.id, { rating: "FALSE", publishedAt: correctedAt, supersedes: { id: verdictId, note: "The ministry's <new> figures" } });

    const response = await verdictsFeed(get("/feeds/verdicts.atom"));
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/atom\+xml/);
    assert.ok(response.headers.get("etag"));
    const feed = parseAtom(await response.text());
    assert.equal(feed.title, "claimdesk: new verdicts");
    const entry = feed.entries[0];
    assert.equal(entry?.title, "False: Fuel costs < 60 tenge & rising");
    assert.equal(entry?.link, `http://localhost:3000/claims/${claim.slug}`);
    assert.equal(entry?.updated, correctedAt.toISOString());
    assert.ok(feed.entries.every((e) => e.id.startsWith("tag:claimdesk,2026:") && !Number.isNaN(Date.parse(e.updated))));

    const corrections = parseAtom(await (await correctionsFeed(get("/feeds/corrections.atom"))).text());
    const correction = corrections.entries[0];
    assert.equal(correction?.title, "Corrected: Mostly true → False: Fuel costs < 60 tenge & rising");
    assert.equal(correction?.summary, "The ministry's <new> figures");
  });

  test("the JSON Lines export is one ClaimReview per published claim and a retraction record per retracted one", async () => {
    const db = await testDb();
    const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
    const { claim } = await createPublishedClaim(db, people, { claimedAt: new Date("2022-01-04T00:00:00Z"), rating: "UNPROVEN" });
    const response = await exportRoute(get("/export/claimreviews.jsonl"));
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/x-ndjson/);
    const text = await response.text();
    assert.ok(text.endsWith("\n"));
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown> & { url: string; reviewRating: Record<string, unknown>; itemReviewed: Record<string, unknown> });
    assert.equal(new Set(lines.map((r) => r.url)).size, lines.length, "no claim twice");
    const reviews = lines.filter((line) => line.status !== "retracted");
    for (const line of lines.filter((l) => l.status === "retracted")) {
      assert.equal(line["@type"], undefined, "a retracted claim's ClaimReview is withdrawn");
      for (const key of ["url", "claimReviewed", "datePublished", "dateRetracted", "note"]) assert.ok(line[key], `${key} missing`);
    }
    for (const review of reviews) {
      assert.equal(review["@type"], "ClaimReview");
      for (const key of ["url", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed"]) assert.ok(review[key], `${key} missing`);
      if (review.reviewRating.ratingValue !== undefined) {
        assert.equal(review.reviewRating.bestRating, 5);
        assert.equal(review.reviewRating.worstRating, 1);
      }
      assert.equal(review.itemReviewed["@type"], "Claim");
    }
    const mine = reviews.find((r) => r.url.endsWith(`/claims/${claim.slug}`));
    assert.deepEqual(mine?.reviewRating, { "@type": "Rating", alternateName: "Unproven" }, "unproven is off the true/false axis: its label only");
    assert.equal(mine?.itemReviewed.datePublished, "2022-01-04T00:00:00.000Z");

    await retractPublishedClaim(db, claim.id, { note: "The quote was misattributed.", by: people.reviewer });
    const after = (await (await exportRoute(get("/export/claimreviews.jsonl"))).text()).trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const record = after.find((r) => String(r.url).endsWith(`/claims/${claim.slug}`));
    assert.deepEqual([record?.status, record?.note, record?.["@type"]], ["retracted", "The quote was misattributed.", undefined], "listed as retracted, no ClaimReview");
  });

  test("the export reads in batches and streams: any batch size gives the same claims, once each, in order", async () => {
    const db = await testDb();
    const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
    const mine = new Set<string>();
    for (let i = 0; i < 5; i++) mine.add((await createPublishedClaim(db, people, { rating: "FALSE" })).claim.slug);
    const read = async (batchSize: number) => {
      const slugs: string[] = [];
      for await (const claim of iteratePublishedClaims(batchSize)) if (mine.has(claim.slug)) slugs.push(claim.slug);
      return slugs;
    };
    const whole = await read(10_000);
    assert.equal(whole.length, 5);
    assert.deepEqual(await read(2), whole);
    assert.deepEqual(await read(1), whole);
    // The route streams: the body arrives as a stream, not one string built in memory.
    const response = await exportRoute(get("/export/claimreviews.jsonl"));
    assert.ok(response.body instanceof ReadableStream);
    const text = await response.text();
    for (const slug of mine) assert.ok(text.includes(`/claims/${slug}"`), slug);
  });
});
