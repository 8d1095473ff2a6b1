import assert from "node:assert/strict";
import type { Fail, Result } from "../../lib/errors";

/** The data of a successful result; otherwise the test fails with the code, message and field errors. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(`expected ok, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** The refusal of a failed result, which must carry `code`. */
export function expectFail<T>(result: Result<T>, code: Fail["code"]): Fail {
  if (result.ok) assert.fail(`expected ${code}, got ok`);
  assert.equal(result.code, code, result.message);
  return result;
}
