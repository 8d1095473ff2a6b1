// `npm test`: every suite, started in this order as their prerequisites and the machine's cores allow.
// Each step says how many cores it keeps busy (`cores`: its CPU time over its wall time, as GNU time
// and vmstat measured them on this 2-core machine; the browser tests wait on their browser and server):
// a step starts while the running steps use fewer than STEP_CORES (default: the core count), so a
// suite that mostly waits on a browser or a server (security, faults) runs beside two that compute,
// and two that compute never run beside a third. First the one `next build` (scripts/build.ts,
// keyed on a content hash) and unit + integration (PostgreSQL); then the browser tests and security
// over HTTP, the two longest; then lint, the embedded-database suite, the type-check (its program
// includes the route types the build writes to .next/types, so it reads them whole and fresh, never
// mid-write) and faults, each on its own ports and databases, all serving that one build. Each
// step's CPU time is printed, and their sum over the cores is the floor under the total.
// Each step's output is kept in .test-logs/<step>.log and printed whole when it ends; the
// run ends with each step's duration, the total, the failed tests, and one line:
// "Summary: N passed, N failed".
// `npm test -- --quick` runs lint, type-check and unit + integration only; names run those steps.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { recreateDatabase } from "./test-database";
import { countNode, nodeFailures, playwrightReport, type Counts, type Failure } from "./test-report";

type Step = {
  name: string;
  command: string[];
  /** The cores it keeps busy while it runs (a browser suite waits on its server and browser much of the time). */
  cores: number;
  counts?: "node" | "playwright";
  /** Steps that must have finished (successfully) first. */
  after?: string[];
  /** Steps that must have finished first when they are part of this run. */
  afterIfRun?: string[];
};

const TEST_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_test";
// Measured on this 2-core machine (docs/performance.md, "The test run"): the files wait on
// PostgreSQL and scrypt more than on the CPU, so more run at once than there are cores.
const UNIT_CONCURRENCY = process.env.UNIT_CONCURRENCY ?? "4";
const STEP_CORES = Math.max(1, Number(process.env.STEP_CORES ?? availableParallelism()));

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.filter((a) => !a.startsWith("--"));

const STEPS: Step[] = [
  // tsc type-checks the same program after it, so the build skips its own type-check.
  { name: "build", cores: 1.5, command: ["npx", "tsx", "scripts/build.ts", "--skip-typecheck"] },
  {
    name: "unit + integration",
    cores: 1,
    command: ["node", "scripts/node-tests.mjs", "lib", "test/unit", "test/integration", "--", `--test-concurrency=${UNIT_CONCURRENCY}`],
    counts: "node",
  },
  // The two longest steps after the build start first, so the short ones fill in around them.
  { name: "end-to-end", cores: 0.5, command: ["npm", "run", "--silent", "test:e2e"], counts: "playwright", after: ["build"] },
  { name: "security over HTTP", cores: 0.5, command: ["npm", "run", "--silent", "test:security"], counts: "node", after: ["build"] },
  { name: "lint", cores: 1, command: ["npm", "run", "--silent", "lint"] },
  { name: "embedded database", cores: 1, command: ["node", "scripts/node-tests.mjs", "test/embedded"], counts: "node" },
  { name: "typecheck", cores: 1, command: ["npm", "run", "--silent", "typecheck"], afterIfRun: ["build"] },
  { name: "faults", cores: 1, command: ["npm", "run", "--silent", "test:faults"], counts: "node", after: ["build"] },
];
const QUICK = ["lint", "typecheck", "unit + integration"];

function selected(): Step[] {
  const names = quick ? QUICK : only.length ? STEPS.map((s) => s.name).filter((n) => only.some((o) => n.startsWith(o))) : STEPS.map((s) => s.name);
  // A chosen step brings the steps it needs (the browser tests need the build).
  const wanted = new Set(names);
  for (const step of STEPS) if (wanted.has(step.name)) for (const need of step.after ?? []) wanted.add(need);
  const steps = STEPS.filter((s) => wanted.has(s.name)).map((s) => ({ ...s, after: [...(s.after ?? []), ...(s.afterIfRun ?? []).filter((n) => wanted.has(n))] }));
  // The build's type-check is skipped only when tsc runs in the same run.
  return steps.map((s) => (s.name === "build" && !wanted.has("typecheck") ? { ...s, command: s.command.filter((c) => c !== "--skip-typecheck") } : s));
}

type Outcome = { step: Step; code: number; seconds: number; startedAt?: number; cpuSeconds?: number; counts: Counts | null; failures?: Failure[]; skipped?: string };
// Not under test-results/: Playwright empties its output folder when it starts.
const LOG_DIR = ".test-logs";
const runStarted = performance.now();
const logName = (step: Step) => `${LOG_DIR}/${step.name.replace(/[^a-z0-9]+/gi, "-")}.log`;
// GNU time, where the machine has it, reports the CPU each step used (itself and every process it
// waited for): with two cores, the sum of those is the floor under the run's total.
const TIME = "/usr/bin/time";
const cpuName = (step: Step) => logName(step).replace(/\.log$/, ".cpu");

function cpuSeconds(step: Step): number | undefined {
  if (!existsSync(cpuName(step))) return undefined;
  const [user, system] = readFileSync(cpuName(step), "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return Number.isFinite(user) && Number.isFinite(system) ? user! + system! : undefined;
}

function run(step: Step): Promise<Outcome> {
  const started = performance.now();
  const startedAt = (started - runStarted) / 1000;
  console.log(`▶ ${step.name}: ${step.command.join(" ")}`);
  return new Promise((resolve) => {
    const log = createWriteStream(logName(step));
    const command = existsSync(TIME) ? [TIME, "-q", "-o", cpuName(step), "-f", "%U %S", ...step.command] : step.command;
    const child = spawn(command[0]!, command.slice(1), {
      // Steps after the build serve it as it is (scripts/build.ts).
      env: { ...process.env, TEST_DATABASE_URL: TEST_URL, ...(step.after?.includes("build") ? { CLAIMDESK_BUILT_BY_TEST_RUN: "1" } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      output.push(chunk);
      log.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output.push(chunk);
      log.write(chunk);
    });
    child.on("close", (exit) => {
      log.end(() => {
        const code = exit ?? 1;
        const seconds = (performance.now() - started) / 1000;
        const report = step.counts === "node" ? { counts: countNode(stdout), failures: nodeFailures(stdout) } : step.counts === "playwright" ? playwrightReport("test-results/e2e.json") : null;
        const counts = report?.counts ?? null;
        console.log(`\n=== ${step.name} (${seconds.toFixed(0)} s, exit ${code}) ===`);
        process.stdout.write(Buffer.concat(output));
        const cpu = cpuSeconds(step);
        console.log(`■ ${step.name}: ${code === 0 ? "ok" : "FAILED"} in ${seconds.toFixed(0)} s${counts ? ` (${counts.passed} passed, ${counts.failed} failed)` : ""}`);
        resolve({ step, code, seconds, startedAt, cpuSeconds: cpu, counts, failures: report?.failures });
      });
    });
  });
}

/**
 * Starts, in list order, each step whose prerequisites succeeded while the running steps use fewer
 * than STEP_CORES cores; a failed prerequisite skips its dependants.
 */
function busyCores(names: Iterable<string>): number {
  let cores = 0;
  for (const name of names) cores += STEPS.find((s) => s.name === name)!.cores;
  return cores;
}

async function schedule(steps: Step[]): Promise<Outcome[]> {
  const done = new Map<string, Outcome>();
  const running = new Map<string, Promise<Outcome>>();
  while (done.size < steps.length) {
    for (const step of steps) {
      if (done.has(step.name) || running.has(step.name)) continue;
      const needs = (step.after ?? []).map((n) => done.get(n));
      if (needs.some((n) => n === undefined)) continue;
      const failed = needs.find((n) => n!.code !== 0);
      if (failed) done.set(step.name, { step, code: 1, seconds: 0, counts: null, skipped: `${failed.step.name} failed` });
      else if (busyCores(running.keys()) < STEP_CORES) running.set(step.name, run(step));
    }
    if (running.size === 0) continue;
    const finished = await Promise.race(running.values());
    running.delete(finished.step.name);
    done.set(finished.step.name, finished);
  }
  return steps.map((s) => done.get(s.name)!);
}

rmSync(LOG_DIR, { recursive: true, force: true });
mkdirSync(LOG_DIR, { recursive: true });
// A fresh database each run: tests make their own rows and never clean up, so a database kept
// from earlier runs would make each run see more than the last.
if (selected().some((s) => s.name === "unit + integration")) await recreateDatabase(new URL(TEST_URL));
const outcomes = await schedule(selected());

let passed = 0;
let failed = 0;
console.log("\nStep durations (wall; CPU where measured; when each started):");
for (const { step, code, seconds, startedAt, cpuSeconds, counts, skipped } of outcomes) {
  passed += counts?.passed ?? 0;
  failed += counts?.failed ?? 0;
  // A step that failed without failing a test (lint, a crash, a skipped step) still counts once.
  if (code !== 0 && !counts?.failed) failed += 1;
  const result = skipped ? `not run: ${skipped}` : code === 0 ? "ok" : "FAILED";
  const cpu = cpuSeconds === undefined ? "" : `  cpu ${cpuSeconds.toFixed(0).padStart(4)} s`;
  const from = startedAt === undefined ? "" : `  from +${startedAt.toFixed(0)} s`;
  console.log(`  ${step.name.padEnd(22)} ${seconds.toFixed(0).padStart(5)} s${cpu}${from}  ${result}${counts ? `  ${counts.passed} passed, ${counts.failed} failed` : ""}`);
}
const cpuTotal = outcomes.reduce((sum, o) => sum + (o.cpuSeconds ?? 0), 0);
const failedSteps = outcomes.filter((o) => o.code !== 0).map((o) => o.step.name);
console.log(`  ${"total".padEnd(22)} ${((performance.now() - runStarted) / 1000).toFixed(0).padStart(5)} s${cpuTotal ? `  cpu ${cpuTotal.toFixed(0).padStart(4)} s` : ""}`);
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
// Named last, beside the summary, so a log cut to its tail still says what failed and why.
const failures = outcomes.flatMap((o) => (o.failures ?? []).map((f) => ({ ...f, step: o.step.name })));
if (failures.length) {
  console.log("\nFailed tests:");
  for (const f of failures) console.log(`  - [${f.step}] ${f.title}\n      at ${f.where}\n      ${f.why}`);
}
console.log(`\nSummary: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
