import { after, test } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { memoryCounterStore, redisCounterStore, type CounterStore } from "./rate-limit";

const WINDOW = 10_000;
const START = 1_700_000_000_000; // a window boundary (a multiple of 10 s)

async function behavesAsFixedWindows(store: CounterStore, key: string) {
  assert.deepEqual(await store.hit(key, WINDOW, START + 1000), { count: 1, resetMs: 9000 });
  assert.deepEqual(await store.hit(key, WINDOW, START + 2000), { count: 2, resetMs: 8000 });
  await store.refund(key, WINDOW, START + 2000);
  assert.equal((await store.hit(key, WINDOW, START + 3000)).count, 2, "a refund takes one back");
  assert.equal((await store.hit(`${key}:other`, WINDOW, START + 3000)).count, 1, "keys count apart");
  assert.deepEqual(await store.hit(key, WINDOW, START + WINDOW), { count: 1, resetMs: WINDOW }, "a new window starts at zero");
}

test("in memory: fixed windows, per key, with refunds", async () => {
  await behavesAsFixedWindows(memoryCounterStore(), "api:192.0.2.1");
});

const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/2", { lazyConnect: true });
const prefix = `${process.env.TEST_REDIS_KEY_PREFIX ?? "claimdesk:test:"}rate-limit:${process.pid}:`;
after(async () => {
  if (redis.status !== "ready") return;
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

test("in Redis (shared by instances): the same behaviour, and each key expires with its window", async () => {
  await redis.connect();
  const store = redisCounterStore(redis, prefix);
  await behavesAsFixedWindows(store, "api:192.0.2.1");
  const keys = await redis.keys(`${prefix}api:192.0.2.1:[0-9]*`);
  assert.equal(keys.length, 2, keys.join(", "));
  for (const key of keys) {
    const ttl = await redis.pttl(key);
    assert.ok(ttl > 0 && ttl <= WINDOW + 1000, `${key} expires (${ttl} ms)`);
  }
  // A second store over the same Redis (another instance) sees the same count.
  const other = redisCounterStore(redis, prefix);
  assert.equal((await other.hit("api:192.0.2.1", WINDOW, START + 3000)).count, 3);
});
