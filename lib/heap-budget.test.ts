import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { APP_HEAP_MIB, appNodeOptions } from "./heap-budget";

const MiB = 1024 * 1024;
const PRINT_LIMIT = `node -e "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit))"`;

/** The heap limit, in MiB, of a Node process started by `sh -c command` with NODE_OPTIONS as given (unset when undefined). */
function heapLimitMiB(command: string, nodeOptions: string | undefined): number {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  if (nodeOptions !== undefined) env.NODE_OPTIONS = nodeOptions;
  return Number(execFileSync("sh", ["-c", command], { env, encoding: "utf8" })) / MiB;
}

/** The old generation's budget plus V8's young generation (under 64 MiB): what the limit reads with the budget in force. */
function assertBudget(limit: number, budget: number) {
  assert.ok(limit >= budget && limit < budget + 64, `heap limit ${limit.toFixed(0)} MiB for a ${budget} MiB budget`);
}

describe("the app server's heap budget", () => {
  test("a process started with appNodeOptions() gets the budget, and keeps the operator's other options", () => {
    assertBudget(heapLimitMiB(PRINT_LIMIT, appNodeOptions(undefined)), APP_HEAP_MIB);
    assertBudget(heapLimitMiB(PRINT_LIMIT, appNodeOptions("--no-warnings")), APP_HEAP_MIB);
    assert.match(appNodeOptions("--no-warnings"), /--no-warnings$/);
  });

  test("an operator's own --max-old-space-size wins over the budget", () => {
    assertBudget(heapLimitMiB(PRINT_LIMIT, appNodeOptions("--max-old-space-size=1024")), 1024);
  });

  test("`npm run start:prod` starts next with the same budget, and an operator's NODE_OPTIONS still wins", () => {
    const script = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts["start:prod"]!;
    assert.ok(script.includes("next start"), script);
    // The script as npm's shell runs it, with `node` printing its heap limit in place of `next start`.
    const command = script.replace(/next start.*$/, PRINT_LIMIT);
    assertBudget(heapLimitMiB(command, undefined), APP_HEAP_MIB);
    assertBudget(heapLimitMiB(command, "--max-old-space-size=1024"), 1024);
  });
});
