import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { stanceSides, type StanceAccount } from "../../components/conflicts/stance-sides";

const STANCES = ["SUPPORTS", "CONTRADICTS", "MIXED", "CONTEXT"] as const;
const accounts = fc.array(fc.constantFrom(...STANCES), { maxLength: 120 }).map((stances) =>
  stances.map((stance, i): StanceAccount => ({ key: String(i), source: `Outlet ${i}`, stance })),
);

test("a stance conflict's table keeps both sides within its limit, in the sources' order", () => {
  fc.assert(
    fc.property(accounts, fc.integer({ min: 2, max: 40 }), (list, limit) => {
      const { rows, shown } = stanceSides(list, limit);
      const saying = list.filter((a) => a.stance === "SUPPORTS" || a.stance === "CONTRADICTS");
      const of = (stance: string, from: StanceAccount[]) => from.filter((a) => a.stance === stance).length;
      assert.deepEqual(rows.map((a) => a.key), saying.filter((a) => rows.includes(a as never)).map((a) => a.key), "kept in order");
      if (saying.length <= limit) {
        assert.equal(rows.length, saying.length);
        assert.equal(shown, null);
        return;
      }
      assert.equal(rows.length, limit, "the limit is filled");
      for (const stance of ["SUPPORTS", "CONTRADICTS"]) {
        assert.ok(of(stance, rows) >= Math.min(of(stance, saying), Math.floor(limit / 2)), `${stance} keeps its share`);
      }
      assert.equal(shown, `${of("SUPPORTS", rows)} of ${of("SUPPORTS", saying)} supporting and ${of("CONTRADICTS", rows)} of ${of("CONTRADICTS", saying)} contradicting sources listed`);
    }),
  );
});

test("without a limit every supporting and contradicting account is listed", () => {
  const list: StanceAccount[] = STANCES.map((stance, i) => ({ key: String(i), source: `Outlet ${i}`, stance }));
  assert.deepEqual(stanceSides(list, null), { rows: list.slice(0, 2), shown: null });
});
