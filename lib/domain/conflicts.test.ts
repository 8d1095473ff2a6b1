import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { explainFigureConflict, findConflicts, hasConflict, type EvidenceForConflict, type FigureForConflict } from "./conflicts";
import type { FigureBound } from "./figures";

const JAN = (day: number) => `2022-01-${String(day).padStart(2, "0")}T00:00:00.000Z`;
const exact = (value: number, asOf: string | null = null, counted = "deaths"): FigureForConflict => ({ bound: "EXACT", low: value, high: value, counted, asOf });
const range = (low: number, high: number, asOf: string | null = null): FigureForConflict => ({ bound: "RANGE", low, high, counted: "deaths", asOf });
const open = (bound: FigureBound, value: number, asOf: string | null = null): FigureForConflict =>
  ["AT_LEAST", "MORE_THAN", "OVER"].includes(bound) ? { bound, low: value, high: null, counted: "deaths", asOf } : { bound, low: null, high: value, counted: "deaths", asOf };
const span = (f: FigureForConflict, asOfEnd: string): FigureForConflict => ({ ...f, asOfEnd });
const asEvidence = (figures: FigureForConflict[]): EvidenceForConflict[] => figures.map((figure) => ({ stance: "CONTEXT", figure }));

describe("stance conflicts", () => {
  test("no evidence, one source, or agreeing sources: no conflict", () => {
    assert.equal(hasConflict([]), false);
    assert.equal(hasConflict([{ stance: "SUPPORTS" }]), false);
    assert.equal(hasConflict([{ stance: "SUPPORTS" }, { stance: "SUPPORTS" }, { stance: "CONTEXT" }, { stance: "MIXED" }]), false);
  });

  test("a supporting and a contradicting source conflict; mixed and context never do by stance alone", () => {
    assert.deepEqual(findConflicts([{ stance: "SUPPORTS" }, { stance: "CONTRADICTS" }, { stance: "CONTRADICTS" }]), [{ kind: "stance", supports: 1, contradicts: 2 }]);
    assert.equal(hasConflict([{ stance: "MIXED" }, { stance: "CONTRADICTS" }, { stance: "CONTEXT" }]), false);
  });
});

describe("figure conflicts: the table of cases", () => {
  // [what the case shows, figures, counted thing cumulative?, expected: null | "same-time" | "went-down"]
  const cases: Array<[string, FigureForConflict[], boolean, null | "same-time" | "went-down"]> = [
    ["Kazakhstan: at least 164 on 9 Jan, then 225 on 15 Jan is an evolution", [open("AT_LEAST", 164, JAN(9)), exact(225, JAN(15))], true, null],
    ["8 then 12 a day later: a rising toll", [exact(8, JAN(5)), exact(12, JAN(6))], true, null],
    ["12 and 18 at the same time cannot both be true", [exact(12, JAN(6)), exact(18, JAN(6))], true, "same-time"],
    ["12 and 18 with no as-of time are compared as if at once", [exact(12), exact(18)], true, "same-time"],
    ["one dated, one undated: compared as if at once", [exact(12, JAN(6)), exact(18)], true, "same-time"],
    ["225 on 15 Jan, then 200 on 16 Jan: a running total went down", [exact(225, JAN(15)), exact(200, JAN(16))], true, "went-down"],
    ["a lower later count of something that is not a running total", [exact(225, JAN(15)), exact(200, JAN(16))], false, null],
    ["at least 164, then 164: the same count", [open("AT_LEAST", 164, JAN(9)), exact(164, JAN(15))], true, null],
    ["more than 164, then exactly 164: went down", [open("MORE_THAN", 164, JAN(9)), exact(164, JAN(15))], true, "went-down"],
    ["at least 164 and 150 at the same time", [open("AT_LEAST", 164, JAN(9)), exact(150, JAN(9))], true, "same-time"],
    ["up to 30, then at least 50: rises", [open("UP_TO", 30, JAN(1)), open("AT_LEAST", 50, JAN(2))], true, null],
    ["at least 50, then up to 30: went down", [open("AT_LEAST", 50, JAN(1)), open("UP_TO", 30, JAN(2))], true, "went-down"],
    ["fewer than 10 and at least 10 at once", [open("FEWER_THAN", 10, JAN(1)), open("AT_LEAST", 10, JAN(1))], true, "same-time"],
    ["up to 10 and at least 10 at once: 10 fits both", [open("UP_TO", 10, JAN(1)), open("AT_LEAST", 10, JAN(1))], true, null],
    ["nearly 30 and 30 at once", [open("NEARLY", 30, JAN(1)), exact(30, JAN(1))], true, "same-time"],
    ["overlapping ranges at once", [range(24, 60, JAN(6)), exact(40, JAN(6))], true, null],
    ["ranges touching at one end", [range(10, 20, JAN(6)), range(20, 30, JAN(6))], true, null],
    ["ranges reported later that overlap the earlier one", [range(10, 20, JAN(6)), range(15, 18, JAN(7))], true, null],
    ["a later range wholly below the earlier one", [range(30, 40, JAN(6)), range(10, 20, JAN(7))], true, "went-down"],
    ["three ranges that overlap pairwise but not all at once", [range(0, 2), range(1, 3), range(2.5, 4)], true, "same-time"],
    ["225 on 15 Jan, then 200 on 16 Jan with the desk's explanation (a recount): no conflict", [exact(225, JAN(15)), { ...exact(200, JAN(16)), explanation: "Recount of hospital records." }], true, null],
    ["an explanation on the earlier figure does not explain a later fall", [{ ...exact(225, JAN(15)), explanation: "Recount." }, exact(200, JAN(16))], true, "went-down"],
    ["an explanation does not reconcile two counts at the same moment", [exact(12, JAN(6)), { ...exact(18, JAN(6)), explanation: "Different scope." }], true, "same-time"],
    ["injured in hospital now: 300 on 6 Jan, 120 on 9 Jan is not a conflict", [exact(300, JAN(6)), exact(120, JAN(9))], false, null],
    ["injured in hospital now: 300 and 120 at the same moment still conflict", [exact(300, JAN(6)), exact(120, JAN(6))], false, "same-time"],
    ["a span 6–9 Jan overlapping an instant on 8 Jan is compared as at once", [span(exact(12, JAN(6)), JAN(9)), exact(18, JAN(8))], true, "same-time"],
    ["a span 6–9 Jan, then a lower count on 10 Jan: went down", [span(exact(30, JAN(6)), JAN(9)), exact(18, JAN(10))], true, "went-down"],
    ["a span 6–9 Jan, then a higher count on 10 Jan: an evolution", [span(exact(30, JAN(6)), JAN(9)), exact(40, JAN(10))], true, null],
    ["two spans that share a day, at least 50 and up to 30", [span(open("AT_LEAST", 50, JAN(1)), JAN(5)), span(open("UP_TO", 30, JAN(5)), JAN(8))], true, "same-time"],
  ];
  for (const [name, figures, cumulative, expected] of cases) {
    test(name, () => {
      const reasons = findConflicts(asEvidence(figures.map((f) => ({ ...f, cumulative }))));
      assert.deepEqual(reasons.map((r) => (r.kind === "figures" ? r.why : r.kind)), expected ? [expected] : []);
    });
  }

  test("different counted things and different units are never compared", () => {
    assert.equal(hasConflict(asEvidence([exact(1, JAN(1), "deaths"), exact(99, JAN(1), "injured")])), false);
    assert.equal(hasConflict(asEvidence([{ ...exact(1, JAN(1)), unit: "people" }, { ...exact(99, JAN(1)), unit: "percent" }])), false);
    assert.equal(hasConflict(asEvidence([exact(12, JAN(1), "Police Killed"), exact(18, JAN(1), " police killed ")])), true);
  });

  test("the reason names both figures, earliest first, and reads as a sentence", () => {
    const [reason] = findConflicts(asEvidence([exact(200, JAN(16)), exact(225, JAN(15))]));
    assert.ok(reason?.kind === "figures");
    assert.deepEqual(reason.figures.map((f) => f.low), [225, 200]);
    assert.equal(explainFigureConflict(reason), "The count of deaths is a running total, but it went down: 225 (as of 15 Jan 2022), then 200 (as of 16 Jan 2022).");
    const [same] = findConflicts(asEvidence([open("AT_LEAST", 164, JAN(9)), exact(150, JAN(9))]));
    assert.ok(same?.kind === "figures");
    assert.equal(explainFigureConflict(same), "at least 164 (as of 9 Jan 2022) and 150 (as of 9 Jan 2022) deaths cannot both be true.");
    const [spanned] = findConflicts(asEvidence([span(exact(12, JAN(6)), JAN(9)), exact(18, JAN(8))]));
    assert.ok(spanned?.kind === "figures");
    assert.equal(explainFigureConflict(spanned), "12 (as of 6 – 9 Jan 2022) and 18 (as of 8 Jan 2022) deaths cannot both be true.");
  });
});

describe("figure conflicts: properties", () => {
  const day = fc.integer({ min: 1, max: 20 });
  const figure: fc.Arbitrary<FigureForConflict> = fc
    .tuple(fc.constantFrom<FigureBound>("EXACT", "RANGE", "AT_LEAST", "MORE_THAN", "UP_TO", "NEARLY", "FEWER_THAN"), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 50 }), day)
    .map(([bound, value, width, d]) => (bound === "EXACT" ? exact(value, JAN(d)) : bound === "RANGE" ? range(value, value + width, JAN(d)) : open(bound, value, JAN(d))));
  const highest = (figures: FigureForConflict[]) => Math.max(0, ...figures.flatMap((f) => [f.low ?? 0, f.high ?? 0]));

  test("adding a later, higher running total never creates a conflict", () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 6 }), fc.integer({ min: 1, max: 100 }), (figures, extra) => {
        const before = hasConflict(asEvidence(figures));
        const later = exact(highest(figures) + extra, JAN(25));
        assert.equal(hasConflict(asEvidence([...figures, later])), before);
      }),
      { numRuns: 300 },
    );
  });

  test("adding a lower figure at the same time as a disjoint exact figure always does", () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 6 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 50 }), day, fc.boolean(), fc.integer({ min: 0, max: 2 }), (figures, value, gap, d, cumulative, kind) => {
        const anchor = exact(value + gap, JAN(d));
        const lower = [exact(value, JAN(d)), range(Math.max(0, value - 5), value, JAN(d)), open("UP_TO", value, JAN(d))][kind]!;
        assert.equal(hasConflict(asEvidence([...figures, anchor, lower].map((f) => ({ ...f, cumulative })))), true);
      }),
      { numRuns: 300 },
    );
  });

  test("a count that is not a running total never conflicts across non-overlapping times", () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 6 }), (figures) => {
        // One figure per day: no two share a time, so only a running total could contradict itself.
        const spread = figures.map((f, i) => ({ ...f, asOf: JAN(i + 1), cumulative: false }));
        assert.equal(hasConflict(asEvidence(spread)), false);
        assert.equal(findConflicts(asEvidence(spread.map((f) => ({ ...f, cumulative: true })))).every((r) => r.kind === "figures" && r.why === "went-down"), true);
      }),
      { numRuns: 300 },
    );
  });

  test("a span conflicts with a figure it overlaps exactly when an instant inside it would", () => {
    fc.assert(
      fc.property(figure, figure, day, fc.integer({ min: 0, max: 5 }), (a, b, start, length) => {
        const spanned = { ...a, asOf: JAN(start), asOfEnd: JAN(start + length + 1) };
        const inside = { ...b, asOf: JAN(start + length) };
        assert.equal(hasConflict(asEvidence([spanned, inside])), hasConflict(asEvidence([{ ...a, asOf: inside.asOf }, inside])));
      }),
      { numRuns: 300 },
    );
  });

  test("the order the sources were attached in does not matter", () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 6 }).chain((figures) => fc.tuple(fc.constant(figures), fc.shuffledSubarray(figures, { minLength: figures.length }))), ([figures, shuffled]) => {
        assert.equal(hasConflict(asEvidence(shuffled)), hasConflict(asEvidence(figures)));
      }),
      { numRuns: 300 },
    );
  });

  test("figures at one moment conflict exactly when two of them share no value", () => {
    const atOnce = fc.array(figure.map((f) => ({ ...f, asOf: JAN(1) })), { maxLength: 6 });
    fc.assert(
      fc.property(atOnce, (figures) => {
        const values = Array.from({ length: 800 }, (_, i) => i / 2);
        const allows = (f: FigureForConflict, v: number) =>
          (f.low === null || v > f.low || (v === f.low && f.bound !== "MORE_THAN")) && (f.high === null || v < f.high || (v === f.high && f.bound !== "NEARLY" && f.bound !== "FEWER_THAN"));
        const disjointPair = figures.some((a, i) => figures.some((b, j) => i < j && !values.some((v) => allows(a, v) && allows(b, v))));
        assert.equal(hasConflict(asEvidence(figures)), disjointPair);
      }),
      { numRuns: 200 },
    );
  });
});
