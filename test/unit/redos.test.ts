import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { proposeCandidates } from "../../lib/extraction/candidates";
import { splitSentences } from "../../lib/extraction/sentences";
import { MAX_DOCUMENT_CHARS } from "../../lib/validations/document";
import { MAX_IMPORT_CHARS } from "../../lib/validations/claim-review-import";
import { parseClaimReviews } from "../../lib/claim-review/parse-import";

/*
 * Class: work that grows faster than the input (regular expressions that backtrack, searches
 * repeated per match). Pasted text of the maximum allowed size, built from the shapes that make
 * such code quadratic (long runs of spaces, repeated auxiliaries, commas, quotes, figures, no
 * sentence end, repeated `<script `), must be processed within a bound of CPU time that a linear version meets
 * with a wide margin and a quadratic one misses by orders of magnitude (at these sizes a quadratic
 * pass costs minutes). Speed itself is measured in the benchmark (bench/redos.ts), not here.
 */

const BOUND_MS = 4000;
// The import reads microdata and RDFa with an HTML parser library (lib/claim-review/parse-import.ts):
// linear, but about 3 s for 2 MB of nested itemscope elements on an idle machine, so its bound is
// wider; a quadratic pass at this size would still take minutes.
const IMPORT_BOUND_MS = 20_000;

// Units repeated up to the size limit. Each one stays inside one sentence (no terminal punctuation)
// unless it says otherwise, so a single "sentence" is the whole text.
const EXTRACTION_UNITS = [
  " ", // one huge run of spaces
  "police had ", // auxiliaries before a verb that never comes
  " was", // auxiliaries at the end of the subject
  "a, ", // commas whose next word starts an appositive
  "Police Police, police ", // name runs between commas
  '"a" ', // many short quotes: each masked out of the sentence
  "“", // opening quotes that never close
  '"', // straight quotes that never pair on the line
  "January 5 12 ", // context figures and quantities interleaved
  "1,000,000,000 ", // digit groups
  "Mr. ", // an abbreviation before every word
  "U.S. A. ", // initialisms: boundary checks
  '"Yes." He said. ', // quotes and sentence ends on one line
  "x. ", // many sentences on one line, no newline
  "\n", // many empty lines
  "said ", // attribution verbs with nothing before them
  "according to ",
  "5 people and 6 were ", // coordinated figures: a clause split checked at every "and"
  "2,401 had, ", // a figure with its own verb after every comma
  "fifty-two hundred and ", // numbers in words that never end
  "more than at least ", // qualifiers with no number
  ", who 5 ", // relative clauses holding figures
  "but it was ", // contrasts in the article's own voice
  "and police said ", // a new speaker after every "and"
  "Gudina said. ", // later mentions resolved against every earlier claimant
  "人在冲突中丧生", // one run of Chinese letters with no stop: split into words by ICU's segmenter
  "ประชาชนเสียชีวิต", // the same in Thai
  "至少150人", // figures between runs of Chinese letters
  "。", // sentence stops with no space after them
  "قالت الوزارة ", // Arabic verbs of saying with no "that" after them
  "١٥٠ ", // digits of another script
];

const IMPORT_UNITS = ["<div itemscope itemtype=https://schema.org/ClaimReview>", "<span typeof=ClaimReview property=x>", "<script ", "<script>", "<script type=application/ld+json>", "</script", "<scriptx", "<", '<script type="application/ld+json">{"a":', " ",
  "<!--", "<!--<script>", "<!-- <script>-->", '<p itemScope itemType=x/ClaimReview A="', " b='c' d=\"e\" f=g", "<a x"];

/** `unit` repeated (with an optional prefix and suffix) to exactly `size` characters. */
function fill(unit: string, size: number, prefix: string, suffix: string): string {
  const body = unit.repeat(Math.ceil((size - prefix.length - suffix.length) / unit.length));
  return (prefix + body).slice(0, size - suffix.length) + suffix;
}

/**
 * The CPU time this process spent on `work`, in ms: unlike the wall clock, it does not grow when
 * other processes share the cores (the test run's other suites do).
 */
function timed(work: () => unknown): number {
  const started = process.cpuUsage();
  work();
  const spent = process.cpuUsage(started);
  return (spent.user + spent.system) / 1000;
}

const affix = fc.constantFrom("", "Almaty police said ", "“", "<html>", "The ministry ");

test("extraction: adversarial pasted text of the maximum size finishes in linear time", () => {
  fc.assert(
    fc.property(fc.constantFrom(...EXTRACTION_UNITS), affix, fc.constantFrom("", ".", " said Tokayev.", "\n"), (unit, prefix, suffix) => {
      const text = fill(unit, MAX_DOCUMENT_CHARS, prefix, suffix);
      const ms = timed(() => proposeCandidates(text));
      assert.ok(ms < BOUND_MS, `${JSON.stringify(unit)} x ${text.length}: ${Math.round(ms)} ms`);
    }),
    { numRuns: 30 },
  );
});

test("extraction: every adversarial unit, alone, at the maximum size", () => {
  for (const unit of EXTRACTION_UNITS) {
    const text = fill(unit, MAX_DOCUMENT_CHARS, "", "");
    const ms = timed(() => {
      splitSentences(text);
      proposeCandidates(text);
    });
    assert.ok(ms < BOUND_MS, `${JSON.stringify(unit)}: ${Math.round(ms)} ms`);
  }
});

test("ClaimReview import: adversarial HTML of the maximum size finishes in linear time", () => {
  fc.assert(
    fc.property(fc.constantFrom(...IMPORT_UNITS), fc.constantFrom("<html>", "<", "<script type=\"application/ld+json\">"), (unit, prefix) => {
      const text = fill(unit, MAX_IMPORT_CHARS, prefix, "");
      const ms = timed(() => parseClaimReviews(text));
      assert.ok(ms < IMPORT_BOUND_MS, `${JSON.stringify(unit)} x ${text.length}: ${Math.round(ms)} ms`);
    }),
    { numRuns: 20 },
  );
});

test("ClaimReview import: the scan still finds real blocks (and only those) around junk", () => {
  const review = { "@type": "ClaimReview", claimReviewed: "x" };
  const html = `<html><scripting><script src=a.js></script><SCRIPT TYPE='application/ld+json'>${JSON.stringify(review)}</SCRIPT ><script>var a;</script><script type="application/ld+json"`;
  const parsed = parseClaimReviews(html);
  assert.ok("items" in parsed);
  assert.equal(parsed.items.length, 1);
});
