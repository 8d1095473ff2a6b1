// Pool exhaustion and dropped connections, against the built app on a private PostgreSQL.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type pg from "pg";
import { APP_DB_NAME, connect, jsonLines, startFaultApp, waitUntil, startCluster, type Cluster } from "./support";
import type { App } from "../support/app-server";
import { recordFigures } from "../support/figures";

const POOL_MAX = 2;
const QUEUE_MAX = 2;
const ACQUIRE_TIMEOUT_MS = 1000;

let cluster: Cluster;
let app: App;
let url: string;

before(async () => {
  cluster = startCluster(5541);
  url = await cluster.createDatabase("claimdesk_faults_pool");
  app = await startFaultApp({
    port: 3302,
    databaseUrl: url,
    env: {
      DATABASE_POOL_MAX: String(POOL_MAX),
      DATABASE_POOL_QUEUE_MAX: String(QUEUE_MAX),
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_TIMEOUT_MS),
      DATABASE_STATEMENT_TIMEOUT_MS: "30000",
      DATABASE_QUERY_TIMEOUT_MS: "35000",
    },
  });
});

after(async () => {
  await app?.kill("SIGKILL");
  cluster?.destroy();
});

type Outcome = { status: number; retryAfter: string | null; code?: string; ms: number };

async function timedGet(path: string): Promise<Outcome> {
  const started = performance.now();
  // A hang would hit this abort and fail the test.
  const response = await fetch(`${app.base}${path}`, { signal: AbortSignal.timeout(45_000) });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, retryAfter: response.headers.get("retry-after"), code, ms: Math.round(performance.now() - started) };
}

async function appBackends(admin: pg.Client): Promise<number[]> {
  const rows = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = '${APP_DB_NAME}' AND datname = current_database()`);
  return rows.rows.map((r) => r.pid);
}

/** The app's backends blocked on a lock (inside a query), not merely connected. */
async function lockWaiters(client: pg.Client): Promise<number[]> {
  // The locker reads inside its open transaction, where pg_stat_activity is a snapshot taken at
  // its first read: clear it, or backends that connected since are never seen.
  await client.query("SELECT pg_stat_clear_snapshot()");
  const rows = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE application_name = '${APP_DB_NAME}' AND datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows.rows.map((r) => r.pid);
}

describe("connection pool exhausted", () => {
  test("requests beyond capacity get 503 with Retry-After, not a hang; the app recovers when the pool frees", async () => {
    const locker = await connect(url);
    try {
      // Every public claims query (they read publications) now waits on this lock while holding a pooled connection.
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE publications IN ACCESS EXCLUSIVE MODE");
      // Distinct queries: the data cache cannot answer them, so each needs a connection.
      const holders = Array.from({ length: POOL_MAX }, (_, i) => timedGet(`/api/v1/claims?q=hold${i}`));
      // Polled: every holder's query is inside PostgreSQL, waiting on the lock with its pooled
      // connection, before the extra requests are sent (on a loaded machine a holder's request can
      // otherwise reach the app after them and be the one refused).
      await waitUntil("every holder's query waits on the lock", async () => (await lockWaiters(locker)).length === POOL_MAX);
      const extra = await Promise.all(Array.from({ length: 8 }, (_, i) => timedGet(`/api/v1/claims?q=extra${i}`)));
      const page = await timedGet("/?q=extra-page");
      for (const outcome of extra) {
        assert.equal(outcome.status, 503, `expected 503, got ${JSON.stringify(outcome)}`);
        assert.equal(outcome.retryAfter, "2");
        assert.equal(outcome.code, "UNAVAILABLE");
      }
      // Pages are refused by proxy.ts (a rendering page cannot answer 503 itself).
      assert.equal(page.status, 503, `the page is refused while the pool is exhausted (got ${page.status})`);
      assert.equal(page.retryAfter, "2");
      await locker.query("ROLLBACK");
      const held = await Promise.all(holders);
      for (const outcome of held) assert.equal(outcome.status, 200, "the requests that held a connection complete once the lock goes");
      const recovered = await timedGet("/api/v1/claims?q=after");
      assert.equal(recovered.status, 200);
      assert.ok(app.isAlive());

      const latencies = extra.map((o) => o.ms).sort((a, b) => a - b);
      recordFigures("pool-exhaustion", {
        poolMax: POOL_MAX,
        queueMax: QUEUE_MAX,
        acquireTimeoutMs: ACQUIRE_TIMEOUT_MS,
        extraRequests: extra.length,
        status503: extra.filter((o) => o.status === 503).length,
        latency503Ms: { min: latencies[0], median: latencies[Math.floor(latencies.length / 2)], max: latencies.at(-1) },
        pageDuringExhaustion: { status: page.status, ms: page.ms },
        heldRequestsMs: held.map((o) => o.ms),
        recoveredStatus: recovered.status,
        // Refused by the in-flight count before touching the pool, vs. after the acquire timeout.
        refusedAtOnce: jsonLines(app.lines).filter((l) => l.event === "http.unavailable" && JSON.stringify(l.err).includes("requests in flight")).length,
        refusedAfterAcquireTimeout: jsonLines(app.lines).filter((l) => l.event === "http.unavailable" && JSON.stringify(l.err).includes("timeout exceeded")).length,
      });
    } finally {
      await locker.end().catch(() => {});
    }
  });
});

describe("database client errors", () => {
  test("connections killed by the server (pg_terminate_backend) never crash the process; the next request is served", async () => {
    const admin = await connect(url);
    try {
      // Fill the pool with idle connections, then kill them all from the server side.
      await Promise.all([timedGet("/api/v1/claims?q=warm1"), timedGet("/api/v1/claims?q=warm2")]);
      const idle = await appBackends(admin);
      assert.ok(idle.length > 0, "the app holds pooled connections");
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${APP_DB_NAME}'`);
      await waitUntil("the killed backends are gone", async () => (await appBackends(admin)).length === 0);
      assert.ok(app.isAlive(), "the process survived idle connections being killed");
      assert.equal((await timedGet("/api/v1/claims?q=after-idle-kill")).status, 200);

      // A connection killed in the middle of a query: that request fails cleanly (503), nothing else.
      await admin.query("BEGIN");
      await admin.query("LOCK TABLE publications IN ACCESS EXCLUSIVE MODE");
      const victim = timedGet("/api/v1/claims?q=victim");
      // Its connection must be inside the query (waiting on the lock), not merely idle in the pool.
      await waitUntil("the victim's query waits on the lock", async () => (await lockWaiters(admin)).length > 0);
      const killer = await connect(url);
      await killer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${APP_DB_NAME}'`);
      await killer.end();
      const failed = await victim;
      await admin.query("ROLLBACK");
      assert.equal(failed.status, 503, `a request whose connection was killed gets 503, got ${JSON.stringify(failed)}`);
      assert.ok(app.isAlive(), "the process survived a connection killed mid-query");
      assert.equal((await timedGet("/api/v1/claims?q=after-active-kill")).status, 200);

      const logged = jsonLines(app.lines);
      assert.ok(
        logged.some((line) => line.event === "db.pool_error" || line.event === "http.unavailable"),
        "the dropped connections were logged",
      );
      recordFigures("client-errors", { idleConnectionsKilled: idle.length, activeKillStatus: failed.status, processAlive: app.isAlive() });
    } finally {
      await admin.end().catch(() => {});
    }
  });

  test("every line the app logged is JSON with a request id and holds no secret", () => {
    const logged = jsonLines(app.lines);
    assert.ok(logged.length > 0);
    for (const line of logged) assert.equal(typeof line.requestId, "string", JSON.stringify(line));
    const all = app.lines.join("\n");
    assert.ok(!all.includes("faults-secret-0123456789"), "the session secret is never logged");
  });
});
