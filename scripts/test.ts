// `npm test`: lint, type-check, unit + integration tests on PostgreSQL, the embedded-database
// suite, the browser tests, then the fault tests (private PostgreSQL clusters, killed processes).
// Ends with one line: "Summary: N passed, N failed".
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { withPostgres } from "../lib/db/connect";

type Step = { name: string; command: string[]; counts?: "node" | "playwright"; env?: Record<string, string> };

const TEST_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_test";

const steps: Step[] = [
  { name: "lint", command: ["npm", "run", "--silent", "lint"] },
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  { name: "unit + integration (PostgreSQL)", command: ["node", "scripts/node-tests.mjs", "lib", "test/unit", "test/integration", "--", "--test-concurrency=1"], counts: "node" },
  { name: "embedded database (PGlite)", command: ["node", "scripts/node-tests.mjs", "test/embedded"], counts: "node" },
  { name: "end-to-end (Playwright, chromium)", command: ["npm", "run", "--silent", "test:e2e"], counts: "playwright" },
  // next start twice (proxy.ts active / its redirect off): role x action matrix, replay, fuzzing.
  { name: "security over HTTP (test/http)", command: ["npm", "run", "--silent", "test:security"], counts: "node" },
  // After the browser tests: reuses their `next build` (the suite rebuilds only if sources changed).
  { name: "faults (restarts, kills, pool exhaustion, backups, logs)", command: ["npm", "run", "--silent", "test:faults"], counts: "node" },
];

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withPostgres(admin.toString(), async (sql) => {
    const rows = await sql.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rows.length === 0) await sql.exec(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  });
}

function run(step: Step): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(step.command[0]!, step.command.slice(1), {
      env: { ...process.env, TEST_DATABASE_URL: TEST_URL, ...step.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function countNode(output: string) {
  const pick = (label: string) => [...output.matchAll(new RegExp(`^# ${label} (\\d+)$`, "gm"))].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: pick("pass"), failed: pick("fail") + pick("cancelled") };
}

function countPlaywright() {
  try {
    const report = JSON.parse(readFileSync("test-results/e2e.json", "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
await ensureDatabase(TEST_URL);
for (const step of steps.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)))) {
  console.log(`\n=== ${step.name} ===`);
  const { code, output } = await run(step);
  const counts = step.counts === "node" ? countNode(output) : step.counts === "playwright" ? countPlaywright() : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (code !== 0) {
    failedSteps.push(step.name);
    if (!counts || counts.failed === 0) failed += 1; // a step that failed without failing a test (lint, crash)
  }
}
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\nSummary: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
