import { test } from "node:test";
import assert from "node:assert/strict";
import { figureOf, toPublicContent, toStoryFigures, toTimeline } from "./mappers";

const source = { id: "s1", url: "https://moh.example/a", outlet: "Health ministry", type: "OFFICIAL", title: null, publishedAt: null, archiveUrl: null, reliabilityNote: null };
const snapshot = (figure: unknown) => ({
  claim: { slug: "toll", text: "t", claimant: "c", claimedAt: null, kind: "STATISTIC" },
  story: null,
  appearance: { sentence: null, document: null },
  evidence: [{ stance: "SUPPORTS", excerpt: "e", location: null, attribution: null, source, cites: null, figure }],
  verdict: { rating: "TRUE", ratingValue: 5, reasoning: "r", evidenceGap: null, asOf: null },
});

test("snapshots written before figures had bounds stay readable: the bound is inferred", () => {
  const base = { words: null, unit: "people", counted: "deaths", asOf: null };
  assert.equal(figureOf({ ...base, low: 12, high: 12 }).bound, "EXACT");
  assert.equal(figureOf({ ...base, low: "12.00", high: "18.00" }).bound, "RANGE");
  // Written before the vocabulary too: an instant of a running total, no synonyms.
  const vocabulary = { cumulative: true, alsoCalled: [], asOfEnd: null, explanation: null };
  assert.deepEqual(figureOf({ ...base, low: 24, high: 99, words: "dozens" }), { ...base, ...vocabulary, bound: "ESTIMATE", low: 24, high: 99, words: "dozens" });
});

test("a snapshot's vocabulary facts: a span, a count that may fall and synonyms are read from it, not from today's vocabulary", () => {
  const figure = { bound: "EXACT", low: 120, high: 120, words: null, unit: "people", counted: "people in hospital", asOf: "2022-01-06T00:00:00.000Z", asOfEnd: "2022-01-09T00:00:00.000Z", cumulative: false, alsoCalled: ["hospitalised"], explanation: null };
  assert.deepEqual(figureOf(figure as never), figure);
  assert.equal(toTimeline([snapshot(figure)])[0]?.label, "120 people in hospital (6 – 9 Jan 2022)");
  // Two snapshot figures of a count that may fall: a lower later one is no conflict on the public page.
  const later = { ...figure, low: 80, high: 80, asOf: "2022-01-10T00:00:00.000Z", asOfEnd: undefined };
  const both = { ...snapshot(figure), evidence: [...snapshot(figure).evidence, ...snapshot(later).evidence] };
  assert.deepEqual(toPublicContent(both).conflicts.filter((c) => c.kind === "figures"), []);
  const cumulative = { ...both, evidence: both.evidence.map((e) => ({ ...e, figure: { ...(e.figure as object), cumulative: undefined } })) };
  assert.equal(toPublicContent(cumulative).conflicts.filter((c) => c.kind === "figures").length, 1);
});

test("a snapshot's open bound keeps its null end and reads naturally on the timeline", () => {
  const figure = { bound: "AT_LEAST", low: 164, high: null, words: "at least 164 people", unit: "people", counted: "deaths", asOf: "2022-01-09T00:00:00.000Z" };
  assert.deepEqual(figureOf(figure as never), { ...figure, cumulative: true, alsoCalled: [], asOfEnd: null, explanation: null });
  const [entry] = toTimeline([snapshot(figure)]);
  assert.equal(entry?.label, "at least 164 deaths");
  assert.deepEqual(entry?.claims, [{ slug: "toll", text: "t" }]);
});

test("a story's figures: one mark per source and figure, even when two claims carry it; timeline rows name every claim they belong to", () => {
  const figure = { bound: "EXACT", low: 225, high: 225, words: null, unit: "people", counted: "deaths", asOf: "2022-01-15T00:00:00.000Z" };
  const a = snapshot(figure);
  const b = { ...snapshot(figure), claim: { ...a.claim, slug: "other", text: "Another claim" } };
  assert.equal(toStoryFigures([a, b]).length, 1);
  const rows = toTimeline([a, b]);
  // One row for the figure, naming both claims that carry it.
  assert.deepEqual(rows.map((r) => [r.label, r.claims]), [["225 deaths", [{ slug: "other", text: "Another claim" }, { slug: "toll", text: "t" }]]]);
  assert.equal(toTimeline([a, a]).length, 1);
});
