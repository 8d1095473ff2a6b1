// The app process killed (SIGKILL) during a publish: afterwards the verdict is either fully
// published (state, time, audit row) or not at all, and a restarted app shows the database's
// state on the public ledger even when the kill came between the commit and the cache refresh.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type pg from "pg";
import { verifyAuditChain } from "../../lib/audit-verify";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { publishVerdict, reviewVerdict } from "../../lib/services/verdict-review";
import { draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { createClaim, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { actionId, APP_DB_NAME, AUTH_SECRET, connect, postAction, sleep, startFaultApp, startCluster, type Cluster } from "./support";
import type { App } from "../support/app-server";
import { signInOrThrow } from "../http/support/client";
import { recordFigures } from "../support/figures";
import { expectOk } from "../support/results";

const PORT = 3303;
let cluster: Cluster;
let url: string;
let app: App | undefined;
let db: Db;
let check: pg.Client;
let editor: TestUser;
let author: TestUser;
let approver: TestUser;
let cookie: string;
let publishId: string;

before(async () => {
  cluster = startCluster(5542);
  url = await cluster.createDatabase("claimdesk_faults_publish");
  // This test file runs in its own process: point the services (getDb) at the private cluster.
  process.env.DATABASE_URL = url;
  db = await createPrismaClient({ kind: "postgres", url });
  check = await connect(url);
  [editor, author, approver] = await Promise.all([createUser(db, "EDITOR"), createUser(db, "FACT_CHECKER"), createUser(db, "EDITOR")]);
  app = await startFaultApp({ port: PORT, databaseUrl: url });
  cookie = await signInOrThrow(app.base, editor.email, TEST_PASSWORD);
  publishId = actionId("publishVerdictAction", "lib/actions/verdicts.ts");
});

after(async () => {
  await app?.kill("SIGKILL");
  await check?.end().catch(() => {});
  await db?.$disconnect();
  cluster?.destroy();
});

/** A claim with a verdict written by one person and approved by another editor (and the app up). */
async function approvedVerdict() {
  if (!app?.isAlive()) app = await startFaultApp({ port: PORT, databaseUrl: url });
  const claim = await createClaim(db);
  const verdict = expectOk(await draftVerdict(author.session, { claimId: claim.id, rating: "FALSE", reasoning: "No source reports it.", evidenceIds: [] }));
  expectOk(await submitVerdict(author.session, { verdictId: verdict.id }));
  expectOk(await reviewVerdict(approver.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
  return { claim, verdict };
}

type State = "published" | "not published";

/** The invariant: all of a publish, or none of it. Fails on anything in between. */
async function publishState(verdictId: string, claimId: string): Promise<State> {
  const verdict = await check.query<{ state: string; published_at: Date | null }>("SELECT state, published_at FROM verdicts WHERE id = $1", [verdictId]);
  const audits = await check.query("SELECT id FROM audit_log WHERE action = 'verdict.publish' AND entity_id = $1", [verdictId]);
  const claim = await check.query<{ status: string }>("SELECT status FROM claims WHERE id = $1", [claimId]);
  const row = verdict.rows[0]!;
  const status = claim.rows[0]!.status;
  if (row.state === "PUBLISHED") {
    assert.ok(row.published_at, "a published verdict has its publication time");
    assert.equal(audits.rowCount, 1, "a published verdict has exactly one publish audit row");
    assert.equal(status, "PUBLISHED", "its claim is published");
    return "published";
  }
  assert.equal(row.state, "APPROVED", "an unpublished verdict is still approved");
  assert.equal(row.published_at, null, "no publication time without the publish");
  assert.equal(audits.rowCount, 0, "no publish audit row without the publish");
  assert.notEqual(status, "PUBLISHED", "its claim is not published");
  return "not published";
}

/** Waits until the killed app's backends are gone (their transactions rolled back or committed). */
async function waitForAppBackendsGone() {
  for (let i = 0; i < 200; i += 1) {
    const rows = await check.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = '${APP_DB_NAME}'`);
    if (rows.rowCount === 0) return;
    await sleep(100);
  }
  throw new Error("the killed app's database sessions did not end");
}

async function waitForAppWaitingOnLock() {
  for (let i = 0; i < 200; i += 1) {
    const rows = await check.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = '${APP_DB_NAME}' AND wait_event_type = 'Lock'`);
    if (rows.rowCount) return;
    await sleep(50);
  }
  throw new Error("the publish never reached the lock");
}

function firePublish(verdictId: string): Promise<Response | Error> {
  return postAction({ base: app!.base, cookie, id: publishId, page: "/desk/review", fields: { verdictId } }).catch((error: unknown) => error as Error);
}

async function killAndRestart() {
  await app!.kill("SIGKILL");
  await waitForAppBackendsGone();
  app = await startFaultApp({ port: PORT, databaseUrl: url });
}

async function killWhileLocked(lockSql: (verdictId: string) => [string, unknown[]], extra?: (verdictId: string) => Promise<void>) {
  const { claim, verdict } = await approvedVerdict();
  const locker = await connect(url);
  try {
    await locker.query("BEGIN");
    const [sql, params] = lockSql(verdict.id);
    await locker.query(sql, params);
    const pending = firePublish(verdict.id);
    await waitForAppWaitingOnLock();
    await extra?.(verdict.id);
    await app!.kill("SIGKILL");
    await locker.query("ROLLBACK");
    await pending;
  } finally {
    await locker.end();
  }
  await waitForAppBackendsGone();
  const state = await publishState(verdict.id, claim.id);
  app = await startFaultApp({ port: PORT, databaseUrl: url });
  return state;
}

describe("app killed during a publish", () => {
  test("killed while the publish waits for the verdict row: not published at all", async () => {
    const state = await killWhileLocked((id) => ["SELECT 1 FROM verdicts WHERE id = $1 FOR UPDATE", [id]]);
    assert.equal(state, "not published");
  });

  test("killed after the verdict row changed but before its audit row: the change is rolled back with it", async () => {
    const state = await killWhileLocked(
      () => ["LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE", []],
      async (verdictId) => {
        // The in-flight transaction has already written the verdict (it holds its row lock).
        const rows = await check.query(
          `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE a.application_name = '${APP_DB_NAME}' AND l.relation = 'verdicts'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted`,
        );
        assert.ok(rows.rowCount, `the publish of ${verdictId} had updated the verdict when the process died`);
      },
    );
    assert.equal(state, "not published");
  });

  test("killed at moments spread over the publish: always all or nothing, and retrying publishes once", async () => {
    const delays = [0, 50, 150, 400];
    const outcomes: { delayMs: number; state: State; retried: State }[] = [];
    for (const delayMs of delays) {
      const { claim, verdict } = await approvedVerdict();
      const pending = firePublish(verdict.id);
      await sleep(delayMs);
      await app!.kill("SIGKILL");
      await pending;
      await waitForAppBackendsGone();
      const state = await publishState(verdict.id, claim.id);
      app = await startFaultApp({ port: PORT, databaseUrl: url });
      // The editor retries (the verdict may or may not be published): it ends published once.
      const retry = await firePublish(verdict.id);
      assert.ok(retry instanceof Response && retry.status === 200, "the retry is answered");
      assert.match(await retry.text(), /"ok":true/);
      const retried = await publishState(verdict.id, claim.id);
      assert.equal(retried, "published");
      outcomes.push({ delayMs, state, retried });
    }
    const chain = await verifyAuditChain(db);
    assert.ok(chain.ok, "the audit chain verifies after the kills");
    recordFigures("publish-kill", { kills: outcomes.length + 2, outcomes });
  });

  test("a restarted app shows the database's state even if the kill came between the commit and the cache refresh", async () => {
    const { claim, verdict } = await approvedVerdict();
    const path = `/api/v1/claims/${claim.slug}`;
    assert.equal((await fetch(`${app!.base}${path}`)).status, 404, "not published yet");
    // Commit the publish without the app's cache refresh, as if the process died right after it.
    expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));
    assert.equal((await fetch(`${app!.base}${path}`)).status, 404, "the running app still serves its cached answer");
    await killAndRestart();
    const fresh = await fetch(`${app!.base}${path}`);
    assert.equal(fresh.status, 200, "after the restart the ledger reflects the database");
    const body = (await fresh.json()) as { data: { slug: string } };
    assert.equal(body.data.slug, claim.slug);
    const page = await fetch(`${app!.base}/claims/${claim.slug}`);
    assert.equal(page.status, 200, "the public claim page is there too");
    assert.ok(!app!.lines.join("\n").includes(AUTH_SECRET));
  });
});
