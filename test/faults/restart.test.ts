// PostgreSQL restarted (fast restart, then a crash) under a load of reads and writes through the
// built app. Proves: the app recovers by itself, no request hangs, every write the client saw
// succeed is in the database exactly once, and no claim exists without its audit row.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { verifyAuditChain } from "../../lib/audit-verify";
import { createPrismaClient } from "../../lib/db/client";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { actionId, connect, jsonLines, postAction, sleep, startFaultApp, startCluster, type Cluster } from "./support";
import type { App } from "../support/app-server";
import { signInOrThrow } from "../http/support/client";
import { recordFigures } from "../support/figures";

let cluster: Cluster;
let app: App;
let url: string;

const WRITERS = 4;
const READERS = 2;
const REQUEST_LIMIT_MS = 60_000; // a request still open after this counts as hung (the app's own limits end any request within seconds)

before(async () => {
  cluster = startCluster(5540);
  url = await cluster.createDatabase("claimdesk_faults_restart");
  app = await startFaultApp({
    port: 3301,
    databaseUrl: url,
    env: {
      DATABASE_POOL_MAX: "6",
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: "2000",
      DATABASE_STATEMENT_TIMEOUT_MS: "5000",
      DATABASE_QUERY_TIMEOUT_MS: "8000",
    },
  });
});

after(async () => {
  await app?.kill("SIGKILL");
  cluster?.destroy();
});

type Write = { text: string; ok: boolean; outcome: string; at: number; ms: number };
type Read = { status: number | "error"; ms: number };

test("PostgreSQL restarted twice under load: the app recovers alone, nothing hangs, no write lost or doubled, every change audited", async () => {
  const db = await createPrismaClient({ kind: "postgres", url });
  const checker = await createUser(db, "FACT_CHECKER");
  await db.$disconnect();
  const cookie = await signInOrThrow(app.base, checker.email, TEST_PASSWORD);
  const createId = actionId("createClaimAction", "lib/actions/claims.ts");
  const run = Date.now().toString(36);

  const writes: Write[] = [];
  const reads: Read[] = [];
  let hung = 0;
  let stop = false;
  let sequence = 0;
  const t0 = performance.now();

  async function writer() {
    while (!stop) {
      const text = `Restart load ${run} write ${(sequence += 1)}: 12 police officers were killed`;
      const started = performance.now();
      let ok = false;
      let outcome = "error";
      try {
        const response = await postAction({
          base: app.base,
          cookie,
          id: createId,
          page: "/desk/claims/new",
          fields: { text, claimant: "Almaty police", kind: "NUMERIC", confirmDuplicate: "on" },
          signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
        });
        const body = await response.text();
        ok = response.status === 200 && (response.headers.get("x-action-redirect") ?? "").startsWith("/desk/claims/");
        outcome = ok ? "ok" : `${response.status}:${/"code":"(\w+)"/.exec(body)?.[1] ?? "?"}`;
      } catch (error) {
        if ((error as Error).name === "TimeoutError") hung += 1;
        outcome = (error as Error).name;
      }
      writes.push({ text, ok, outcome, at: started - t0, ms: performance.now() - started });
      if (!ok) await sleep(100);
    }
  }

  async function reader(index: number) {
    let n = 0;
    while (!stop) {
      const started = performance.now();
      try {
        const response = await fetch(`${app.base}/api/v1/claims?q=r${index}x${(n += 1)}`, { signal: AbortSignal.timeout(REQUEST_LIMIT_MS) });
        await response.arrayBuffer();
        reads.push({ status: response.status, ms: performance.now() - started });
        if (response.status === 503) assert.ok(response.headers.get("retry-after"), "a 503 carries Retry-After");
      } catch (error) {
        if ((error as Error).name === "TimeoutError") hung += 1;
        reads.push({ status: "error", ms: performance.now() - started });
        await sleep(100);
      }
    }
  }

  /** Time from `since` until a write that started after it succeeded. */
  async function recovery(since: number): Promise<number> {
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      const first = writes.find((w) => w.ok && w.at >= since);
      if (first) return Math.round(first.at + first.ms - since);
      await sleep(100);
    }
    throw new Error("the app did not recover within 60 s");
  }

  const load = [...Array.from({ length: WRITERS }, () => writer()), ...Array.from({ length: READERS }, (_, i) => reader(i))];
  // Warm up: the first requests load the app's code; restart once writes flow.
  await recovery(0);
  await sleep(1500);
  const beforeRestart = writes.filter((w) => w.ok).length;

  const restartAt = performance.now() - t0;
  await cluster.restartFast();
  const restartDoneAt = performance.now() - t0;
  const recoveryAfterRestartMs = await recovery(restartDoneAt);
  await sleep(2000);

  const crashAt = performance.now() - t0;
  await cluster.crash();
  await sleep(1500); // the server is down: requests must fail fast, not pile up
  await cluster.start();
  const crashRecoveredFrom = performance.now() - t0;
  const downWrites = () => writes.filter((w) => w.at > crashAt && w.at < crashRecoveredFrom);
  const recoveryAfterCrashMs = await recovery(crashRecoveredFrom);
  await sleep(2000);
  stop = true;
  await Promise.all(load);

  assert.equal(hung, 0, "no request hung");
  const unexpected = reads.filter((r) => r.status !== 200 && r.status !== 503);
  assert.equal(unexpected.length, 0, `reads get 200, or 503 + Retry-After while the database is away: ${JSON.stringify(unexpected.slice(0, 5))}`);
  assert.ok(app.isAlive(), "the app process stayed up (recovered without a restart)");
  assert.ok(beforeRestart > 0, "writes succeeded before the restart");
  assert.ok(writes.some((w) => w.ok && w.at > crashRecoveredFrom), "writes succeed again after the crash");

  const check = await connect(url);
  try {
    const counts = new Map<string, number>();
    const rows = await check.query<{ text: string; n: number }>("SELECT text, count(*)::int AS n FROM claims WHERE text LIKE $1 GROUP BY text", [`Restart load ${run} %`]);
    for (const row of rows.rows) counts.set(row.text, row.n);
    for (const write of writes) {
      const n = counts.get(write.text) ?? 0;
      if (write.ok) assert.equal(n, 1, `a write the client saw succeed is stored exactly once: ${write.text}`);
      else assert.ok(n <= 1, `a failed write is stored at most once: ${write.text}`);
    }
    const unaudited = await check.query(
      `SELECT c.id FROM claims c
       WHERE (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'claim' AND a.entity_id = c.id::text AND a.action = 'claim.create') <> 1`,
    );
    assert.equal(unaudited.rowCount, 0, "every claim has exactly one creation audit row");
    const orphans = await check.query(
      `SELECT a.id FROM audit_log a WHERE a.action = 'claim.create' AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id::text = a.entity_id)`,
    );
    assert.equal(orphans.rowCount, 0, "no audit row for a claim that does not exist");
    const failedButStored = writes.filter((w) => !w.ok && counts.has(w.text)).length;

    const verify = await createPrismaClient({ kind: "postgres", url });
    const chain = await verifyAuditChain(verify);
    await verify.$disconnect();
    assert.ok(chain.ok, "the audit chain verifies after the crash");

    const outcomes: Record<string, number> = {};
    for (const w of writes) outcomes[w.outcome] = (outcomes[w.outcome] ?? 0) + 1;
    const readStatuses: Record<string, number> = {};
    for (const r of reads) readStatuses[String(r.status)] = (readStatuses[String(r.status)] ?? 0) + 1;
    recordFigures("pg-restart", {
      writers: WRITERS,
      readers: READERS,
      writesAttempted: writes.length,
      writesSucceeded: writes.filter((w) => w.ok).length,
      writeOutcomes: outcomes,
      failedWritesFoundStored: failedButStored,
      writesStartedWhileDown: downWrites().length,
      writesStartedWhileDownSucceeded: downWrites().filter((w) => w.ok).length,
      reads: reads.length,
      readStatuses,
      maxRequestMs: Math.round(Math.max(...writes.map((w) => w.ms), ...reads.map((r) => r.ms))),
      restartAtMs: Math.round(restartAt),
      restartTookMs: Math.round(restartDoneAt - restartAt),
      recoveryAfterFastRestartMs: recoveryAfterRestartMs,
      recoveryAfterCrashMs,
      hung,
      auditRows: chain.ok ? chain.rows : null,
      unexpectedErrors: [...new Set(jsonLines(app.lines).filter((l) => l.event === "http.error" || l.event === "process.unhandled_rejection").map((l) => (l.err as { message?: string } | undefined)?.message))],
      loggedUnavailable: jsonLines(app.lines).filter((l) => l.event === "http.unavailable" || l.outcome === "UNAVAILABLE").length,
    });
  } finally {
    await check.end();
  }
});
