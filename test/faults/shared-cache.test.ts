// Two app instances on one database and one Redis (Next's cache handler on Redis,
// lib/cache/redis-cache-handler.js): a publish on one is served by the other within a second, and a
// Redis that dies degrades both to uncached reads (never an error, never the old ledger) until it
// is back. The Redis here is this test's own server, so it can be killed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { expectOk } from "../support/results";
import { reviewVerdict } from "../../lib/services/verdict-review";
import { draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { createClaim, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { actionId, frontPageKeptFor, ledgerGenerationOf, postAction, startCluster, startFaultApp, waitUntil, type Cluster } from "./support";
import type { App } from "../support/app-server";
import { signInOrThrow } from "../http/support/client";

// Beside the other fault tests' 3301-3304 (3306 is MySQL's port).
const PORTS = [3305, 3308] as const;
const REDIS_PORT = 6386;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}/1`;
const PREFIX = "claimdesk:faults:";
let cluster: Cluster;
let db: Db;
let redisServer: ChildProcess | undefined;
let probe: Redis;
const apps: App[] = [];
let editor: TestUser;
let author: TestUser;
let approver: TestUser;
let cookie: string;
let publishId: string;

function startRedis(): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  return waitUntil("the test's Redis answers", () => probe.ping().then(() => true, () => false), 10_000).then(() => child);
}

function stopRedis(): Promise<void> {
  const child = redisServer;
  redisServer = undefined;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

before(async () => {
  probe = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
  probe.on("error", () => {});
  await probe.connect().catch(() => {});
  redisServer = await startRedis();
  cluster = startCluster(5546);
  const url = await cluster.createDatabase("claimdesk_faults_shared_cache");
  process.env.DATABASE_URL = url;
  db = await createPrismaClient({ kind: "postgres", url });
  [editor, author, approver] = await Promise.all([createUser(db, "EDITOR"), createUser(db, "FACT_CHECKER"), createUser(db, "EDITOR")]);
  for (const port of PORTS) apps.push(await startFaultApp({ port, databaseUrl: url, env: { REDIS_URL, REDIS_KEY_PREFIX: PREFIX } }));
  cookie = await signInOrThrow(apps[0]!.base, editor.email, TEST_PASSWORD);
  publishId = actionId("publishVerdictAction", "lib/actions/verdicts.ts");
});

after(async () => {
  await Promise.all(apps.map((app) => app.kill("SIGKILL")));
  await db?.$disconnect();
  cluster?.destroy();
  probe?.disconnect();
  await stopRedis();
});

/** A claim whose verdict is approved and waits for its publish. */
async function approvedVerdict() {
  const claim = await createClaim(db);
  const verdict = expectOk(await draftVerdict(author.session, { claimId: claim.id, rating: "FALSE", reasoning: "No source reports it.", evidenceIds: [] }));
  expectOk(await submitVerdict(author.session, { verdictId: verdict.id }));
  expectOk(await reviewVerdict(approver.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
  return { claim, verdict };
}

async function publishOnFirst(verdictId: string): Promise<void> {
  const response = await postAction({ base: apps[0]!.base, cookie, id: publishId, page: "/desk/review", fields: { verdictId } });
  const body = await response.text();
  assert.equal(response.status, 200, body.slice(0, 300));
  assert.ok(body.includes("ublished"), `the publish answered: ${body.slice(0, 300)}`);
}

/**
 * What an instance's public reads say about `slug` (every status seen is an answer, 5xx included):
 * the API, the claim's page, and the ledger's home page, which comes from the page cache.
 */
async function publicView(app: App, slug: string) {
  const [list, claim, page, home] = await Promise.all(
    [`/api/v1/claims`, `/api/v1/claims/${slug}`, `/claims/${slug}`, "/"].map((path) => fetch(app.base + path)),
  );
  const [listBody, homeBody] = await Promise.all([list!.text(), home!.text(), claim!.arrayBuffer(), page!.arrayBuffer()]);
  return {
    statuses: [list!.status, claim!.status, page!.status, home!.status],
    listed: listBody.includes(`"slug":"${slug}"`) && homeBody.includes(`href="/claims/${slug}"`),
    claimStatus: claim!.status,
    pageStatus: page!.status,
  };
}

/**
 * Polls every instance until it shows `slug` published; no answer on the way may be an error.
 * Returns when (after the call) the round of requests that first saw it everywhere was sent: the
 * time a reader had to wait, not the time this machine takes to render the answers.
 */
async function visibleEverywhere(slug: string): Promise<number> {
  const started = performance.now();
  let sentAt = started;
  await waitUntil(`${slug} is published on every instance`, async () => {
    sentAt = performance.now();
    const views = await Promise.all(apps.map((app) => publicView(app, slug)));
    for (const view of views) assert.ok(view.statuses.every((s) => s === 200 || s === 404), `only 200s and 404s while waiting: ${view.statuses.join(", ")}`);
    return views.every((view) => view.listed && view.claimStatus === 200 && view.pageStatus === 200);
  }, 10_000);
  return sentAt - started;
}

const cachedEntries = async () => (await probe.keys(`${PREFIX}entry:*`)).length;

/** Whether Redis holds a stored public page (its policy of script hashes is in the entry) that mentions `slug`. */
async function storedPageLinking(slug: string): Promise<boolean> {
  for (const key of await probe.keys(`${PREFIX}entry:*`)) {
    const value = (await probe.hget(key, "v")) ?? "";
    if (value.includes(`/claims/${slug}`) && value.includes("script-src 'self' 'sha256-")) return true;
  }
  return false;
}

describe("two instances, one database, one Redis", () => {
  test("a publish on one instance is served by the other within one second", async () => {
    const { claim, verdict } = await approvedVerdict();
    // Both instances have read (and cached) the ledger and the claim while it was unpublished.
    for (const app of apps) {
      const view = await publicView(app, claim.slug);
      assert.deepEqual([view.listed, view.claimStatus, view.pageStatus], [false, 404, 404]);
    }
    assert.ok((await cachedEntries()) > 0, "the public reads are cached in Redis");
    await publishOnFirst(verdict.id);
    const elapsed = await visibleEverywhere(claim.slug);
    assert.ok(elapsed < 1_000, `visible on every instance after ${Math.round(elapsed)} ms`);
  });

  test("after a publish, the ledger's front page is stored again before any reader asks for it", async () => {
    const { claim, verdict } = await approvedVerdict();
    for (const app of apps) assert.equal((await publicView(app, claim.slug)).listed, false);
    assert.equal(await storedPageLinking(claim.slug), false);
    await publishOnFirst(verdict.id);
    // No request to either instance from here on: only the publishing instance's own refill can store it.
    await waitUntil("the front page listing the claim is stored", () => storedPageLinking(claim.slug), 10_000);
  });

  test("the ledger's generation is one on both instances and changes with a publish on either; a page is kept long only under it; unknown while Redis is down", async () => {
    await waitUntil("both instances know the generation", async () => {
      for (const app of apps) await (await fetch(`${app.base}/api/v1/claims`)).arrayBuffer();
      const [first, second] = await Promise.all(apps.map((app) => ledgerGenerationOf(app.base)));
      return first !== "unknown" && first === second;
    }, 10_000);
    const previous = await ledgerGenerationOf(apps[1]!.base);
    for (const app of apps) assert.equal(await frontPageKeptFor(app.base, previous), "300");
    const { verdict } = await approvedVerdict();
    await publishOnFirst(verdict.id);
    await waitUntil("the other instance sees the new generation", async () => (await ledgerGenerationOf(apps[1]!.base)) !== previous, 5_000);
    const current = await ledgerGenerationOf(apps[1]!.base);
    assert.equal(await ledgerGenerationOf(apps[0]!.base), current);
    for (const app of apps) {
      assert.equal(await frontPageKeptFor(app.base, previous), null, "a page asked for under the generation before the publish may not be kept");
      assert.equal(await frontPageKeptFor(app.base, current), "300");
    }

    await stopRedis();
    await waitUntil("both instances say the generation is unknown", async () => (await Promise.all(apps.map((app) => ledgerGenerationOf(app.base)))).every((g) => g === "unknown"), 10_000);
    for (const app of apps) assert.equal(await frontPageKeptFor(app.base, current), null, "nothing is kept long while Redis is away");
    redisServer = await startRedis();
    await waitUntil("a new generation once Redis is back (the flush)", async () => {
      const [first, second] = await Promise.all(apps.map((app) => ledgerGenerationOf(app.base)));
      return first !== "unknown" && first === second && first !== current;
    }, 15_000);
  });

  test("Redis down: both instances answer from the database, the new publication included; back up: cached again", async () => {
    const { claim, verdict } = await approvedVerdict();
    for (const app of apps) assert.equal((await publicView(app, claim.slug)).listed, false);
    await stopRedis();
    await publishOnFirst(verdict.id);
    const elapsed = await visibleEverywhere(claim.slug);
    assert.ok(elapsed < 1_000, `visible on every instance after ${Math.round(elapsed)} ms without Redis`);

    redisServer = await startRedis();
    await waitUntil("the instances cache in Redis again", async () => {
      for (const app of apps) assert.equal((await publicView(app, claim.slug)).listed, true, "still the published ledger");
      return (await cachedEntries()) > 0;
    }, 15_000);
  });
});
