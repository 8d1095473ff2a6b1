import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { findConflicts, hasConflict, type EvidenceForConflict } from "./conflicts";

const figure = (low: number, high: number, counted = "police killed") => ({ low, high, counted });

describe("findConflicts", () => {
  test("no evidence, one source, or agreeing sources: no conflict", () => {
    assert.equal(hasConflict([]), false);
    assert.equal(hasConflict([{ stance: "SUPPORTS" }]), false);
    assert.equal(hasConflict([{ stance: "SUPPORTS" }, { stance: "SUPPORTS" }, { stance: "CONTEXT" }, { stance: "MIXED" }]), false);
  });

  test("a supporting and a contradicting source conflict", () => {
    assert.deepEqual(findConflicts([{ stance: "SUPPORTS" }, { stance: "CONTRADICTS" }, { stance: "CONTRADICTS" }]), [
      { kind: "stance", supports: 1, contradicts: 2 },
    ]);
  });

  test("mixed and context never conflict by stance alone", () => {
    assert.equal(hasConflict([{ stance: "MIXED" }, { stance: "CONTRADICTS" }, { stance: "CONTEXT" }]), false);
  });

  test("non-overlapping figures for the same counted thing conflict", () => {
    const reasons = findConflicts([
      { stance: "SUPPORTS", figure: figure(12, 12) },
      { stance: "SUPPORTS", figure: figure(18, 20, " Police Killed ") },
    ]);
    assert.deepEqual(reasons, [{ kind: "figures", counted: "police killed", ranges: [[12, 12], [18, 20]] }]);
  });

  test("overlapping ranges, touching ends and different counted things do not", () => {
    assert.equal(hasConflict([{ stance: "SUPPORTS", figure: figure(24, 60) }, { stance: "SUPPORTS", figure: figure(40, 40) }]), false);
    assert.equal(hasConflict([{ stance: "SUPPORTS", figure: figure(10, 20) }, { stance: "SUPPORTS", figure: figure(20, 30) }]), false);
    assert.equal(hasConflict([{ stance: "SUPPORTS", figure: figure(1, 1, "dead") }, { stance: "SUPPORTS", figure: figure(99, 99, "injured") }]), false);
  });

  test("three ranges that overlap pairwise but share no point conflict", () => {
    // [0,2] [1,3] [2.5,4]: the first and last do not overlap.
    assert.equal(hasConflict([0, 1, 2.5].map((low) => ({ stance: "CONTEXT" as const, figure: figure(low, low + (low === 2.5 ? 1.5 : 2)) }))), true);
  });

  test("property: figure conflict iff some pair of ranges is disjoint", () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 })).map(([low, width]) => [low, low + width] as const);
    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), (ranges) => {
        const evidence: EvidenceForConflict[] = ranges.map(([low, high]) => ({ stance: "SUPPORTS", figure: figure(low, high) }));
        const disjointPair = ranges.some(([aLow, aHigh], i) => ranges.some(([bLow, bHigh], j) => i !== j && (aHigh < bLow || bHigh < aLow)));
        assert.equal(hasConflict(evidence), disjointPair);
      }),
      { numRuns: 200 },
    );
  });
});
