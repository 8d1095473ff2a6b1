// Every CLI run beside a running server on the embedded database goes through the server (the
// directory's owner) and the server keeps serving throughout.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { readLiveOwner } from "../../lib/db/embedded/owner";
import { spawnTs, tempDataDir, type Child } from "./support";
import { freePort } from "../support/ports";

let port = 0;
const dir = tempDataDir();
const backups = path.join(path.dirname(dir), "backups");
const env = { DATABASE_URL: "", PGLITE_DIR: dir };
let server: Child;
let expectedClaims = 0;
let polls = 0;
const pollFailures: string[] = [];
let poller: NodeJS.Timeout | undefined;

async function health(): Promise<{ claims: number }> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`);
  return (await response.json()) as { claims: number };
}


before(async () => {
  port = await freePort();
  // The property is that the server keeps answering, not how fast: a CLI's transaction holds the
  // embedded database's one session, for seconds on a saturated machine, so the server may wait for
  // a connection longer than its default acquire timeout.
  server = spawnTs("test/embedded/fixtures/server.ts", [dir, String(port)], { ...env, DATABASE_POOL_ACQUIRE_TIMEOUT_MS: "120000" });
  await server.waitFor((e) => e.event === "ready");
  expectedClaims = (await health()).claims;
  assert.ok(expectedClaims > 0);
  startPolling();
});

// The server is asked all along, not only between commands.
function startPolling() {
  poller = setInterval(() => {
    polls += 1;
    health().then(
      (h) => h.claims === expectedClaims || pollFailures.push(`claims ${h.claims}`),
      (error: unknown) => pollFailures.push(String(error)),
    );
  }, 250);
}

after(async () => {
  clearInterval(poller);
  server?.process.kill("SIGTERM");
  await server?.exited;
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

/** Runs a CLI the way npm does (tsx), without blocking this process: the poller keeps asking. */
async function run(script: string, args: string[] = []): Promise<{ code: number | null; out: string }> {
  const child = spawnTs(script, args, env);
  const code = await child.exited;
  return { code, out: `${child.stdout()}${child.stderr()}` };
}

async function assertServing() {
  assert.equal((await health()).claims, expectedClaims);
  assert.equal(readLiveOwner(dir)?.pid, server.process.pid, "the server still owns the directory");
}

const through = () => new RegExp(`through its owner \\(process ${server.process.pid}`);

test("db:migrate goes through the server", async () => {
  const result = await run("scripts/db-migrate.ts");
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, through());
  assert.match(result.out, /0 applied/);
  await assertServing();
});

test("db:seed goes through the server and finds the demo already there", async () => {
  const result = await run("prisma/seed.ts");
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, through());
  assert.match(result.out, /nothing new \(already seeded\)/);
  await assertServing();
});

test("the set-up step of npm run dev goes through the server", async () => {
  const result = await run("scripts/setup.ts");
  assert.equal(result.code, 0, result.out);
  await assertServing();
});

test("audit:verify goes through the server", async () => {
  const result = await run("scripts/audit-verify.ts");
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /Audit chain intact: \d+ rows/);
  await assertServing();
});

test("psql reaches the server's socket with the address and password in the owner record", async () => {
  const url = readLiveOwner(dir)?.url;
  assert.ok(url);
  const { stdout } = await promisify(execFile)("psql", [url, "-tAc", "SELECT count(*) FROM claims"], { encoding: "utf8" });
  assert.equal(Number(stdout.trim()), expectedClaims);
  const wrong = new URL(url);
  wrong.password = "not-the-password";
  await assert.rejects(promisify(execFile)("psql", [wrong.toString(), "-tAc", "SELECT 1"]), /password authentication failed/);
  await assertServing();
});

test("db:backup and db:restore work on the embedded database through the server", async () => {
  const backup = await run("scripts/db-backup.ts", ["--dir", backups]);
  assert.equal(backup.code, 0, backup.out);
  const file = path.join(backups, readdirSync(backups).find((f) => f.endsWith(".claimdesk.gz")) ?? "");
  await assertServing();

  // The running database has tables: refused without --force, nothing touched.
  const refused = await run("scripts/db-restore.ts", [file]);
  assert.equal(refused.code, 1);
  assert.match(refused.out, /already has \d+ tables; refusing to overwrite it/);
  await assertServing();

  // --force replaces its contents with the backup's (the same rows) and the server serves on. (In
  // between it sees an emptied database, as on PostgreSQL: the poller looks away meanwhile.)
  clearInterval(poller);
  const forced = await run("scripts/db-restore.ts", [file, "--force"]);
  assert.equal(forced.code, 0, forced.out);
  await assertServing();
  startPolling();
  const verify = await run("scripts/audit-verify.ts");
  assert.equal(verify.code, 0, verify.out);
});

test("the server answered every request while the commands ran", () => {
  assert.ok(polls > 10, `${polls} polls`);
  assert.deepEqual(pollFailures, []);
});
