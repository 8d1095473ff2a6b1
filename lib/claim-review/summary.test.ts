import { test } from "node:test";
import assert from "node:assert/strict";
import { CLAIM_SUMMARY_MAX, claimSummary } from "./summary";

test("a claim summary is the claim when it fits, else its first words with an ellipsis, never over 75 characters", () => {
  assert.equal(claimSummary("12 police officers were killed"), "12 police officers were killed");
  const long = "NetBlocks (as reported by Demo news digest (publisher unidentified)) said the internet was cut nationwide on 5 January";
  const summary = claimSummary(long);
  assert.ok([...summary].length <= CLAIM_SUMMARY_MAX, summary);
  assert.ok(summary.endsWith("…"));
  assert.ok(long.startsWith(summary.slice(0, -1)), "a prefix of the claim, cut between words");
  assert.equal(claimSummary("x".repeat(200)).length, CLAIM_SUMMARY_MAX);
  assert.ok([...claimSummary("Токаев ".repeat(30))].length <= CLAIM_SUMMARY_MAX);
});
