import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { Redis } from "ioredis";
import { startApp, type App } from "../support/app-server";
import { loadDescription } from "./support/openapi";
import { listAllClaims } from "../../examples/list-claims";

/*
 * The fair-use limits (docs/api.md#fair-use) with real requests on loopback against a server of
 * their own, with small quotas and its counters in Redis (as several instances would share them).
 * Each client is its own loopback address (127.0.0.x: the socket's address is the client's, as
 * with no proxy in front), so the cases do not share a quota.
 */

const PORT = Number(process.env.SECURITY_PORT ?? 3220) + 5;
const API_LIMIT = 4;
const WINDOW_SECONDS = 3;
const EXPORT_LIMIT = 2;
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/2";
const PREFIX = `${process.env.TEST_REDIS_KEY_PREFIX ?? "claimdesk:test:"}fair-use:${process.pid}:`;

let app: App;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** GET over a socket bound to `from` (a loopback address), so the server sees that client. */
function getFrom(from: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: PORT, path, localAddress: from, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The remaining quota in a `RateLimit: "api";r=3;t=2` field. */
const remaining = (answer: Answer) => Number(/;r=(\d+)/.exec(String(answer.headers.ratelimit))?.[1]);

before(async () => {
  app = await startApp({
    port: PORT,
    databaseUrl: process.env.TEST_DATABASE_URL!,
    secret: "fair-use-secret-0123456789-abcdefghijkl",
    timeoutMs: 120_000,
    env: {
      CLAIMDESK_DEMO: "1",
      RATE_LIMIT_API_REQUESTS: String(API_LIMIT),
      RATE_LIMIT_API_WINDOW_SECONDS: String(WINDOW_SECONDS),
      RATE_LIMIT_EXPORT_REQUESTS: String(EXPORT_LIMIT),
      RATE_LIMIT_EXPORT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
    },
  });
  // The counters connect to Redis in the background (requests are not counted until they do): wait for that state.
  for (let i = 0; ; i++) {
    const answer = await getFrom("127.0.0.10", "/.well-known/claimdesk-ledger-key");
    if (answer.headers.ratelimit) break;
    assert.ok(i < 200, "the server never started counting");
    await new Promise((r) => setImmediate(r));
  }
});

after(async () => {
  await app?.kill();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

/**
 * Sends requests from `from` until one is refused; answers the refusal and how many were served
 * in the window it fell in (read from the RateLimit field of the last one served, so a window that
 * ends midway, or requests sent before, do not confuse the count).
 */
async function exceed(from: string, path: string, limit: number, headers: Record<string, string> = {}) {
  let servedInWindow = 0;
  for (let i = 0; i < limit * 4; i++) {
    const answer = await getFrom(from, path, headers);
    if (answer.status === 429) return { refused: answer, servedInWindow };
    assert.equal(answer.status, 200, answer.body.slice(0, 200));
    // The window's count as the server reports it, so earlier requests in the same window count too.
    servedInWindow = limit - remaining(answer);
  }
  assert.fail(`${limit * 4} requests from ${from} and none was refused`);
}

test("a client over the limit is slowed: 429, Retry-After and the RateLimit fields, as described", async () => {
  const first = await getFrom("127.0.0.11", "/api/v1/stories");
  assert.equal(first.status, 200);
  assert.equal(first.headers["ratelimit-policy"], `"api";q=${API_LIMIT};w=${WINDOW_SECONDS}`);
  assert.match(String(first.headers.ratelimit), /^"api";r=\d+;t=\d+$/);

  const { refused, servedInWindow } = await exceed("127.0.0.11", "/api/v1/stories", API_LIMIT);
  assert.equal(servedInWindow, API_LIMIT, "exactly the quota was served in the window");
  const wait = Number(refused.headers["retry-after"]);
  assert.ok(wait >= 1 && wait <= WINDOW_SECONDS, `Retry-After ${wait}`);
  assert.match(String(refused.headers.ratelimit), /^"api";r=0;t=\d+$/);
  assert.equal(JSON.parse(refused.body).error.code, "RATE_LIMITED");

  // The refusal is one the description lists: its status, headers and body.
  const description = await loadDescription(app.base);
  const headers = new Headers(Object.entries(refused.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
  await description.check("/api/v1/stories", new Response(refused.body, { status: 429, headers }));
});

test("a forged X-Forwarded-For does not buy a new quota (no proxy is trusted by default)", async () => {
  const { refused } = await exceed("127.0.0.12", "/api/v1/log/head", API_LIMIT);
  assert.equal(refused.status, 429);
  const forged = await getFrom("127.0.0.12", "/api/v1/log/head", { "X-Forwarded-For": "198.51.100.23" });
  assert.equal(forged.status, 429);
  // Another client is not affected.
  assert.equal((await getFrom("127.0.0.13", "/api/v1/log/head")).status, 200);
});

test("the exports have their own quota", async () => {
  const { servedInWindow } = await exceed("127.0.0.14", "/export/claimreviews.jsonl.gz", EXPORT_LIMIT);
  assert.equal(servedInWindow, EXPORT_LIMIT);
  // Its API quota is untouched.
  const api = await getFrom("127.0.0.14", "/api/v1/stories");
  assert.equal(api.status, 200);
  assert.equal(api.headers["ratelimit-policy"], `"api";q=${API_LIMIT};w=${WINDOW_SECONDS}`);
});

test("a 304 answer to a conditional request does not count", async () => {
  const first = await getFrom("127.0.0.15", "/api/v1/stories");
  const etag = String(first.headers.etag);
  for (let i = 0; i < API_LIMIT * 3; i++) {
    const answer = await getFrom("127.0.0.15", "/api/v1/stories", { "If-None-Match": etag });
    assert.equal(answer.status, 304);
    // Only the first request counted (or none, when a new window began).
    assert.ok(remaining(answer) >= API_LIMIT - 1, `RateLimit ${answer.headers.ratelimit}`);
  }
});

test("a client that honours Retry-After gets every claim (the typed example client)", async () => {
  const everything = await getFrom("127.0.0.16", "/api/v1/claims?limit=100");
  const expected = (JSON.parse(everything.body) as { data: Array<{ slug: string }>; nextCursor: string | null });
  assert.equal(expected.nextCursor, null, "the demo ledger fits one page of 100");
  const waits: number[] = [];
  const slugs = await listAllClaims({ base: app.base, pageSize: 1, onWait: (seconds) => waits.push(seconds) });
  assert.deepEqual(slugs.map((c) => c.slug), expected.data.map((c) => c.slug));
  assert.ok(expected.data.length > API_LIMIT, "more pages than one window's quota");
  assert.ok(waits.length > 0, "it was slowed at least once and waited as told");
});

test("the counters are in Redis, under the configured prefix", async () => {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${PREFIX}ratelimit:*`);
    assert.ok(keys.some((k) => k.startsWith(`${PREFIX}ratelimit:api:127.0.0.`)), keys.join(", "));
  } finally {
    await redis.quit();
  }
});
