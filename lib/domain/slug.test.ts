import { test } from "node:test";
import assert from "node:assert/strict";
import { isSlugShaped, uniqueSlug } from "./slug";

test("a generated slug is slug-shaped; long, empty, upper-case and control-character strings are not", () => {
  assert.equal(isSlugShaped(uniqueSlug("12 police were killed, 353 injured")), true);
  for (const bad of ["", "a".repeat(201), "Police-killed", "police--killed", "-police", "police\u0000", "../etc", "a b"]) {
    assert.equal(isSlugShaped(bad), false, JSON.stringify(bad.slice(0, 20)));
  }
});
