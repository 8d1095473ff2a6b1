// The shared cache handler against the real Redis (REDIS_TEST_URL, default logical DB 1 on the local
// server), each test under its own key prefix. Two handler states stand for two app instances.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import RedisCacheHandler, { connectShared, deserialize, serialize, tagGeneration, type SharedCacheState } from "./redis-cache-handler";

const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379/1";
const states: SharedCacheState[] = [];
const quiet = () => {};

async function ready(state: SharedCacheState): Promise<SharedCacheState> {
  const deadline = Date.now() + 5_000;
  while (state.redis.status !== "ready") {
    if (Date.now() > deadline) throw new Error(`Redis at ${REDIS_URL} is not reachable (status ${state.redis.status})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return state;
}

/** Two "instances" on one Redis under a fresh prefix. */
async function twoInstances() {
  const prefix = `claimdesk:scale:test:${randomUUID()}:`;
  const a = await ready(connectShared({ url: REDIS_URL, prefix, log: quiet }));
  const b = await ready(connectShared({ url: REDIS_URL, prefix, log: quiet }));
  states.push(a, b);
  return { a: new RedisCacheHandler({ state: a }), b: new RedisCacheHandler({ state: b }), stateA: a, stateB: b, prefix };
}

const fetchValue = (data: string) => ({ kind: "FETCH", data: { headers: {}, body: data, status: 200, url: "" }, revalidate: 300 });
const ctx = (tags: string[]) => ({ kind: "FETCH", tags, softTags: [] });

after(async () => {
  for (const state of states) {
    const keys = await state.redis.keys(`${state.prefix}*`).catch(() => []);
    if (keys.length) await state.redis.del(...keys).catch(() => 0);
    state.redis.disconnect();
  }
});

describe("the Redis cache handler", () => {
  test("an entry written by one instance is read by the other", async () => {
    const { a, b, stateA, prefix } = await twoInstances();
    assert.equal(await a.get("k1", ctx(["ledger"])), null);
    await a.set("k1", fetchValue("v1"), ctx(["ledger"]));
    assert.match((await stateA.redis.hget(`${prefix}entry:k1`, "at")) ?? "", /^\d{16}$/, "stamped in whole microseconds");
    const hit = await b.get("k1", ctx(["ledger"]));
    assert.deepEqual(hit?.value, fetchValue("v1"));
  });

  test("a tag expired on one instance is expired on the other at once, whatever the profile", async () => {
    const { a, b } = await twoInstances();
    await a.get("k", ctx(["ledger", "claim:x"]));
    await a.set("k", fetchValue("old"), ctx(["ledger", "claim:x"]));
    await b.revalidateTag("claim:x", { expire: 300 });
    assert.equal(await a.get("k", ctx(["ledger", "claim:x"])), null, "no stale-while-revalidate after a publication event");
    await a.set("k", fetchValue("new"), ctx(["ledger", "claim:x"]));
    assert.deepEqual((await b.get("k", ctx(["ledger", "claim:x"])))?.value, fetchValue("new"));
  });

  test("a route's tags come from its own x-next-cache-tags header", async () => {
    const { a, b } = await twoInstances();
    const page = { kind: "APP_PAGE", html: "<p>old</p>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": "ledger,_N_T_/" }, status: 200, segmentData: new Map([["/a", Buffer.from("s")]]) };
    await a.get("/page", { kind: "APP_PAGE" });
    await a.set("/page", page, {});
    const hit = await b.get("/page", { kind: "APP_PAGE" });
    assert.deepEqual(hit?.value, page, "Buffers and Maps survive the round trip");
    await b.revalidateTag(["ledger"]);
    assert.equal(await a.get("/page", { kind: "APP_PAGE" }), null);
  });

  test("a read that started before a publication and is stored after it is not served", async () => {
    const { a, b } = await twoInstances();
    assert.equal(await a.get("slow", ctx(["ledger"])), null, "the miss starts the render (it reads the old rows)");
    await b.revalidateTag("ledger");
    await a.set("slow", fetchValue("read before the publish"), ctx(["ledger"]));
    assert.equal(await b.get("slow", ctx(["ledger"])), null);
    assert.equal(await a.get("slow", ctx(["ledger"])), null);
  });

  test("a write with no read on record is stamped in the past, so a recent publication expires it", async () => {
    const { a, b } = await twoInstances();
    await b.revalidateTag("ledger");
    await a.set("unasked", fetchValue("v"), ctx(["ledger"]));
    assert.equal(await b.get("unasked", ctx(["ledger"])), null);
  });

  test("Redis unreachable: reads miss, writes and invalidations do not throw", async () => {
    const state = connectShared({ url: "redis://127.0.0.1:1/1", prefix: "claimdesk:scale:test:down:", log: quiet });
    states.push(state);
    const handler = new RedisCacheHandler({ state });
    const started = performance.now();
    assert.equal(await handler.get("k", ctx(["ledger"])), null);
    await handler.set("k", fetchValue("v"), ctx(["ledger"]));
    await handler.revalidateTag("ledger");
    assert.ok(performance.now() - started < 1_000, "nothing waits for the missing server");
    assert.equal(state.flushPending, true, "the undelivered invalidation is remembered");
  });

  test("an instance that lost Redis flushes the shared cache when it is back", async () => {
    const { a, b, stateA } = await twoInstances();
    await b.get("k", ctx(["ledger"]));
    await b.set("k", fetchValue("before the outage"), ctx(["ledger"]));
    stateA.redis.disconnect(true);
    // Published while cut off: the invalidation cannot be delivered now.
    await a.revalidateTag("ledger");
    assert.equal(stateA.flushPending, true);
    await ready(stateA);
    const deadline = Date.now() + 5_000;
    while (stateA.lostContact) {
      if (Date.now() > deadline) assert.fail("the instance did not recover");
      await a.get("probe", ctx([]));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(await b.get("k", ctx(["ledger"])), null, "the entry filled before the outage is gone for every instance");
  });

  test("a tag's generation is the same on every instance and changes with each expiry of the tag and each flush", async () => {
    const { a, b, stateA, stateB } = await twoInstances();
    const first = await tagGeneration("ledger", stateA);
    assert.ok(first, "known while Redis answers");
    assert.equal(await tagGeneration("ledger", stateB), first);
    await a.revalidateTag("story:other");
    assert.equal(await tagGeneration("ledger", stateB), first, "another tag's expiry leaves it");
    await a.revalidateTag("ledger");
    const second = await tagGeneration("ledger", stateB);
    assert.notEqual(second, first, "the other instance sees the expiry at once");
    assert.equal(await tagGeneration("ledger", stateA), second);
    stateB.redis.disconnect(true);
    assert.equal(await tagGeneration("ledger", stateB), null, "unknown while Redis is away");
    await b.revalidateTag("ledger");
    assert.equal(stateB.flushPending, true);
    assert.equal(await tagGeneration("ledger", stateB), null, "unknown while an expiry is undelivered");
    await ready(stateB);
    const deadline = Date.now() + 5_000;
    while (stateB.flushPending) {
      if (Date.now() > deadline) assert.fail("the instance did not deliver its expiry");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const third = await tagGeneration("ledger", stateA);
    assert.ok(third && third !== second, "the flush that delivered it changed the generation");
    assert.equal(await tagGeneration("ledger", stateB), third);
  });

  test("serialize keeps plain JSON as it is", () => {
    const value = { a: 1, b: ["x", null], c: { d: true } };
    assert.equal(serialize(value), JSON.stringify(value));
    assert.deepEqual(deserialize(serialize(value)), value);
  });
});
