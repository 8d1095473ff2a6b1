import { test } from "node:test";
import assert from "node:assert/strict";
import { diffVersions, diffWords } from "./diff";
import type { PublicClaimContent, PublicSource } from "./types";

test("a word diff keeps the common words and marks the changed ones", () => {
  assert.deepEqual(diffWords("12 police were killed", "18 police were killed"), [
    { op: "removed", text: "12" },
    { op: "added", text: "18" },
    { op: "same", text: " police were killed" },
  ]);
  assert.deepEqual(diffWords("same", "same"), [{ op: "same", text: "same" }]);
  // A run of changed words reads as one removed phrase and one added phrase.
  assert.deepEqual(diffWords("the count is confirmed by a wire report", "the count is now the official figure"), [
    { op: "same", text: "the count is " },
    { op: "removed", text: "confirmed by a wire report" },
    { op: "added", text: "now the official figure" },
  ]);
});

const source = (url: string, over: Partial<PublicSource> = {}): PublicSource => ({
  stance: "SUPPORTS",
  excerpt: "An excerpt.",
  location: null,
  attribution: null,
  source: { url, outlet: `Outlet ${url}`, type: "WIRE", title: null, publishedAt: null, archiveUrl: null, reliabilityNote: null },
  cites: null,
  origin: { url, outlet: "o" },
  figure: null,
  ...over,
});

const content = (over: Partial<PublicClaimContent> = {}): PublicClaimContent => ({
  text: "Twelve officers were killed",
  claimant: "Police",
  claimedAt: null,
  kind: "NUMERIC",
  story: null,
  appearance: { sentence: null, document: null },
  verdict: { rating: "TRUE", ratingLabel: "True", ratingValue: 5, reasoning: "Two reports agree.", evidenceGap: null, asOf: null },
  sources: [source("https://a.example/1"), source("https://b.example/2")],
  independentOrigins: 2,
  conflicts: [],
  ...over,
});

test("a version diff lists changed fields and added, removed and changed sources", () => {
  const before = content();
  const after = content({
    text: "Eighteen officers were killed",
    sources: [source("https://a.example/1", { stance: "CONTRADICTS" }), source("https://c.example/3")],
  });
  const diff = diffVersions(before, after);
  assert.deepEqual(diff.fields.map((f) => f.field), ["Claim"]);
  assert.deepEqual(
    diff.sources.map((s) => [s.change, s.url]),
    [["changed", "https://a.example/1"], ["added", "https://c.example/3"], ["removed", "https://b.example/2"]],
  );
  assert.match(diff.sources[0]!.details[0]!, /supports → contradicts/);
  assert.deepEqual(diffVersions(before, content()), { fields: [], sources: [] });
});
