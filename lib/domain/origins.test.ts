import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { countIndependentOrigins, resolveOrigins } from "./origins";

describe("independent origins", () => {
  test("sources citing nothing are their own origins", () => {
    assert.equal(countIndependentOrigins([]), 0);
    assert.equal(countIndependentOrigins([{ sourceId: "nyt", citesSourceId: null }, { sourceId: "bbc", citesSourceId: null }]), 2);
  });

  test("sources citing the same origin count once", () => {
    const links = [
      { sourceId: "nyt", citesSourceId: "police" },
      { sourceId: "guardian", citesSourceId: "police" },
      { sourceId: "video", citesSourceId: null },
    ];
    assert.equal(countIndependentOrigins(links), 2);
    assert.equal(resolveOrigins(links).get("nyt"), "police");
  });

  test("a source and the origin it cites, both attached, count once", () => {
    assert.equal(countIndependentOrigins([{ sourceId: "nyt", citesSourceId: "police" }, { sourceId: "police", citesSourceId: null }]), 1);
  });

  test("chains are followed to the end", () => {
    const links = [
      { sourceId: "paper", citesSourceId: "wire" },
      { sourceId: "wire", citesSourceId: "police" },
    ];
    assert.equal(resolveOrigins(links).get("paper"), "police");
    assert.equal(countIndependentOrigins(links), 1);
  });

  test("cycles end without looping forever", () => {
    const links = [
      { sourceId: "a", citesSourceId: "b" },
      { sourceId: "b", citesSourceId: "a" },
    ];
    assert.equal(resolveOrigins(links).get("a"), "b");
    assert.ok(countIndependentOrigins(links) >= 1);
  });
});
