import { test } from "node:test";
import assert from "node:assert/strict";
import { checkFormToken, issueFormToken, MAX_AGE_SECONDS, MIN_FILL_SECONDS } from "./form-token";

const secret = "a-secret-of-enough-length-for-the-tests";
const t0 = Date.UTC(2026, 10, 30, 12, 0, 0);

test("a token is valid from the minimum fill time to the maximum age, for its secret only", () => {
  const token = issueFormToken(secret, t0);
  assert.equal(checkFormToken(secret, token, t0), "too_fast");
  assert.equal(checkFormToken(secret, token, t0 + (MIN_FILL_SECONDS - 1) * 1000), "too_fast");
  assert.equal(checkFormToken(secret, token, t0 + MIN_FILL_SECONDS * 1000), "ok");
  assert.equal(checkFormToken(secret, token, t0 + MAX_AGE_SECONDS * 1000), "ok");
  assert.equal(checkFormToken(secret, token, t0 + (MAX_AGE_SECONDS + 1) * 1000), "expired");
  assert.equal(checkFormToken("another-secret-of-enough-length-here", token, t0 + 10_000), "invalid");
});

test("anything but a well-formed, signed token is invalid, never an exception", () => {
  const [issued, signature] = issueFormToken(secret, t0).split(".");
  for (const forged of [undefined, null, 42, {}, "", ".", `${issued}.`, `${Number(issued) - 60}.${signature}`, `${issued}.${signature}x`, "x".repeat(500), `${issued}.${"A".repeat(43)}`]) {
    assert.equal(checkFormToken(secret, forged, t0 + 10_000), "invalid", String(forged).slice(0, 40));
  }
});
