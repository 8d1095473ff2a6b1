import { test } from "node:test";
import assert from "node:assert/strict";
import { CLAIM_REVIEW_FIELDS, dictionaryPathOf, RETRACTION_FIELDS } from "../../lib/public/data-dictionary";
import { fullServer } from "./support/client";

/*
 * The open-data page (/data) through the real server: its schema.org Dataset names every download,
 * each of which answers with the format it claims; and the data dictionary names every field the
 * real JSON Lines export holds.
 */

const base = fullServer().url;

type Dataset = {
  "@type": string;
  name: string;
  description: string;
  url: string;
  license: string;
  creator: { "@type": string; name: string };
  temporalCoverage?: string;
  distribution: Array<{ "@type": string; contentUrl: string; encodingFormat: string }>;
};

function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

/** The leaf paths of a JSON value: ["itemReviewed", "appearance", "0", "url"], … */
function leafPaths(value: unknown, at: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...at, String(i)]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  return [at];
}

test("/data describes the dataset for dataset search engines, and every download answers as described", async () => {
  const response = await fetch(`${base}/data`);
  assert.equal(response.status, 200);
  const html = await response.text();
  const [dataset] = jsonLdOf(html) as Dataset[];
  assert.ok(dataset);
  assert.equal(dataset["@type"], "Dataset");
  assert.ok(dataset.description.length >= 50, "Google's Dataset markup wants 50 to 5000 characters");
  assert.equal(dataset.url, `${base}/data`);
  assert.equal(dataset.license, "https://creativecommons.org/licenses/by/4.0/", "the default licence");
  assert.equal(dataset.creator["@type"], "Organization");
  assert.match(dataset.temporalCoverage ?? "", /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
  assert.equal(dataset.distribution.length, 4);
  for (const d of dataset.distribution) {
    assert.equal(d["@type"], "DataDownload");
    assert.ok(d.contentUrl.startsWith(`${base}/export/`));
    const file = await fetch(d.contentUrl);
    assert.equal(file.status, 200, d.contentUrl);
    assert.equal(file.headers.get("content-type")?.split(";")[0], d.encodingFormat, d.contentUrl);
    await file.arrayBuffer();
    assert.ok(html.includes(`href="${new URL(d.contentUrl).pathname}"`), `the page links ${d.contentUrl}`);
  }
  assert.ok(html.includes('href="https://creativecommons.org/licenses/by/4.0/"'), "the page states the licence");
  assert.ok(html.includes('href="/api/v1/openapi.json"'), "the page links the API description");
});

test("every public page links /data (footer and navigation)", async () => {
  const html = await (await fetch(`${base}/methodology`)).text();
  assert.match(html, /<a[^>]*href="\/data"[^>]*>Open data<\/a>/);
  assert.match(html, /<footer[\s\S]*href="\/data"[\s\S]*<\/footer>/);
});

test("the data dictionary names every field of the real export", async () => {
  const lines = (await (await fetch(`${base}/export/claimreviews.jsonl`)).text()).split("\n").filter(Boolean);
  assert.ok(lines.length > 0);
  const reviewFields = new Set(CLAIM_REVIEW_FIELDS.map((f) => f.path));
  const retractionFields = new Set(RETRACTION_FIELDS.map((f) => f.path));
  const seen = new Set<string>();
  for (const line of lines) {
    const record = JSON.parse(line) as { status?: string };
    const known = record.status === "retracted" ? retractionFields : reviewFields;
    for (const leaf of leafPaths(record)) {
      const field = dictionaryPathOf(leaf);
      assert.ok(known.has(field), `${leaf.join(".")} (${field}) is not in the data dictionary`);
      seen.add(field);
    }
  }
  assert.ok(seen.has("reviewRating.alternateName") && seen.has("itemReviewed.author.name"));
});
