import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { countNode, nodeFailures, playwrightReport } from "../../scripts/test-report";

// Shaped as node's TAP reporter prints it: a suite whose subtest failed, a passing test, and a
// failing top-level test whose error spans lines.
const TAP = `# Subtest: assignClaim never crashes on random input
    # Subtest: fc.anything()
    ok 1 - fc.anything()
      ---
      duration_ms: 10
      ...
    # Subtest: records of random and near-valid fields
    not ok 2 - records of random and near-valid fields
      ---
      duration_ms: 16820.9
      location: '${process.cwd()}/test/integration/schemas-property.test.ts:1:2386'
      failureType: 'testCodeFailure'
      error: |-
        Property failed after 19 tests
        Counterexample: [{"id":"228d","assigneeId":null}]
      code: 'ERR_TEST_FAILURE'
      ...
    1..2
not ok 1 - assignClaim never crashes on random input
  ---
  duration_ms: 37419.0
  type: 'suite'
  failureType: 'subtestsFailed'
  error: '1 subtest failed'
  ...
# Subtest: a passing test
ok 2 - a passing test
  ---
  duration_ms: 1
  ...
# Subtest: an unreachable database stops start-up
not ok 3 - an unreachable database stops start-up
  ---
  duration_ms: 61850.9
  location: '/elsewhere/test/integration/startup-config.test.ts:1:997'
  failureType: 'testCodeFailure'
  error: 'null !== 1'
  ...
1..3
# pass 2
# fail 2
# cancelled 1
`;

test("node's output: the counts, and each failed test (never its suite) with where and why", () => {
  assert.deepEqual(countNode(TAP), { passed: 2, failed: 3 });
  assert.deepEqual(nodeFailures(TAP), [
    {
      title: "records of random and near-valid fields",
      where: "test/integration/schemas-property.test.ts:1:2386",
      why: 'Property failed after 19 tests | Counterexample: [{"id":"228d","assigneeId":null}]',
    },
    { title: "an unreachable database stops start-up", where: "/elsewhere/test/integration/startup-config.test.ts:1:997", why: "'null !== 1'" },
  ]);
  assert.deepEqual(nodeFailures("# Subtest: x\nok 1 - x\n  ---\n  ...\n# pass 1\n# fail 0\n"), []);
});

test("Playwright's JSON report: the counts (flaky passes count as passed), and each unexpected result with its spec and first error lines", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "test-report-"));
  const file = path.join(dir, "e2e.json");
  const spec = (title: string, line: number, status: string, message?: string) => ({
    title,
    file: "ledger.spec.ts",
    line,
    tests: [{ status, results: [{ error: message ? { message } : undefined }] }],
  });
  writeFileSync(
    file,
    JSON.stringify({
      stats: { expected: 3, unexpected: 1, flaky: 1 },
      suites: [{ specs: [spec("reads", 7, "expected")], suites: [{ specs: [spec("has no violations", 29, "unexpected", "\u001b[31mError: expect(received)\u001b[39m\n\n  Expected: 0\n  Received: 2\n  more\n  and more"), spec("retried", 40, "flaky")] }] }],
    }),
  );
  assert.deepEqual(playwrightReport(file), {
    counts: { passed: 4, failed: 1 },
    failures: [{ title: "has no violations", where: "ledger.spec.ts:29", why: "Error: expect(received) | Expected: 0 | Received: 2 | more" }],
  });
  assert.deepEqual(playwrightReport(path.join(dir, "missing.json")).counts, { passed: 0, failed: 1 });
});
