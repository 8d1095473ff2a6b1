import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { describeEvolution, describeFigure, FIGURE_BOUNDS, inferBound, intervalOf, intervalsOverlap, type Figure } from "./figures";

const figure = (bound: Figure["bound"], low: number | null, high: number | null, extra: Partial<Figure> = {}): Figure => ({
  bound,
  low,
  high,
  words: null,
  unit: "people",
  counted: "deaths",
  ...extra,
});

test("labels read naturally: no repeated unit, open bounds in words, vague words kept", () => {
  assert.equal(describeFigure(figure("EXACT", 225, 225, { counted: "people killed" })), "225 people killed");
  assert.equal(describeFigure(figure("AT_LEAST", 164, null)), "at least 164 deaths");
  assert.equal(describeFigure(figure("MORE_THAN", 1000, null, { counted: "people injured" })), "more than 1,000 people injured");
  assert.equal(describeFigure(figure("OVER", 20, null)), "over 20 deaths");
  assert.equal(describeFigure(figure("UP_TO", null, 30)), "up to 30 deaths");
  assert.equal(describeFigure(figure("NEARLY", null, 30)), "nearly 30 deaths");
  assert.equal(describeFigure(figure("FEWER_THAN", null, 10)), "fewer than 10 deaths");
  assert.equal(describeFigure(figure("RANGE", 24, 60)), "24–60 deaths");
  assert.equal(describeFigure(figure("ESTIMATE", 24, 99, { words: "dozens" })), "deaths: “dozens” (read as 24–99)");
  assert.equal(describeFigure(figure("EXACT", 180, 180, { unit: "days", counted: "price cap duration" })), "price cap duration: 180 days");
});

test("snapshots without a bound are read as before: exact, range, or the desk's estimate for words", () => {
  assert.equal(inferBound({ low: 12, high: 12, words: null }), "EXACT");
  assert.equal(inferBound({ low: 12, high: 18, words: null }), "RANGE");
  assert.equal(inferBound({ low: 24, high: 99, words: "dozens" }), "ESTIMATE");
  assert.equal(inferBound({ bound: "AT_LEAST", low: 164, high: null, words: null }), "AT_LEAST");
});

test("intervals: open bounds reach to infinity, strict bounds exclude their end", () => {
  const at = (f: Figure) => intervalOf(f);
  assert.equal(intervalsOverlap(at(figure("AT_LEAST", 164, null)), at(figure("EXACT", 225, 225))), true);
  assert.equal(intervalsOverlap(at(figure("AT_LEAST", 164, null)), at(figure("EXACT", 164, 164))), true);
  assert.equal(intervalsOverlap(at(figure("MORE_THAN", 164, null)), at(figure("EXACT", 164, 164))), false);
  assert.equal(intervalsOverlap(at(figure("FEWER_THAN", null, 10)), at(figure("AT_LEAST", 10, null))), false);
  assert.equal(intervalsOverlap(at(figure("UP_TO", null, 10)), at(figure("AT_LEAST", 10, null))), true);
  assert.equal(intervalsOverlap(at(figure("EXACT", 12, 12)), at(figure("EXACT", 18, 18))), false);
});

test("overlap is symmetric and every figure overlaps itself (property)", () => {
  const arb = fc
    .tuple(fc.constantFrom(...FIGURE_BOUNDS), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 20 }))
    .map(([bound, a, w]): Figure => {
      if (bound === "EXACT") return figure(bound, a, a);
      if (bound === "RANGE" || bound === "ESTIMATE") return figure(bound, a, a + w, { words: "some" });
      return ["AT_LEAST", "MORE_THAN", "OVER"].includes(bound) ? figure(bound, a, null) : figure(bound, null, a + w);
    });
  fc.assert(
    fc.property(arb, arb, (a, b) => {
      assert.equal(intervalsOverlap(intervalOf(a), intervalOf(b)), intervalsOverlap(intervalOf(b), intervalOf(a)));
      assert.equal(intervalsOverlap(intervalOf(a), intervalOf(a)), true);
    }),
  );
});

test("an evolution in words: from the earliest to the latest as-of time", () => {
  const at = (f: Figure, asOf: string | null) => ({ ...f, asOf });
  assert.equal(
    describeEvolution([at(figure("EXACT", 225, 225), "2022-01-15T08:00:00.000Z"), at(figure("AT_LEAST", 164, null), "2022-01-09T09:00:00.000Z"), at(figure("EXACT", 1, 1), null)]),
    "Rose from at least 164 on 9 Jan 2022 to 225 on 15 Jan 2022.",
  );
  assert.equal(describeEvolution([at(figure("EXACT", 12, 12), "2022-01-06T00:00:00.000Z"), at(figure("EXACT", 8, 8), "2022-01-07T00:00:00.000Z")]), "Fell from 12 on 6 Jan 2022 to 8 on 7 Jan 2022.");
  assert.equal(describeEvolution([at(figure("EXACT", 12, 12), "2022-01-06T00:00:00.000Z")]), null);
  assert.equal(describeEvolution([at(figure("EXACT", 12, 12), "2022-01-06T00:00:00.000Z"), at(figure("EXACT", 18, 18), "2022-01-06T00:00:00.000Z")]), null);
});
