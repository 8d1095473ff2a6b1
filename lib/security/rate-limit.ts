/*
 * Fixed-window request counters: a key's count in the current window of `windowMs` (windows start
 * at multiples of windowMs since the epoch, so every instance agrees on them). `hit` counts a
 * request and answers the count so far; `refund` takes one back (a request that should not have
 * counted). In this process by default, in Redis when several instances must share them.
 */

export type WindowCount = { count: number; resetMs: number };

export type CounterStore = {
  hit(key: string, windowMs: number, now: number): Promise<WindowCount>;
  refund(key: string, windowMs: number, now: number): Promise<void>;
};

const windowOf = (windowMs: number, now: number) => Math.floor(now / windowMs);
const resetOf = (windowMs: number, now: number) => (windowOf(windowMs, now) + 1) * windowMs - now;

/** Counters in this process's memory; entries of past windows are dropped as new ones arrive. */
export function memoryCounterStore(maxKeys = 100_000): CounterStore {
  const counts = new Map<string, { window: number; count: number }>();
  const sweep = (now: number, windowMs: number) => {
    for (const [key, entry] of counts) if (entry.window < windowOf(windowMs, now)) counts.delete(key);
  };
  return {
    async hit(key, windowMs, now) {
      const window = windowOf(windowMs, now);
      const entry = counts.get(key);
      const count = entry && entry.window === window ? entry.count + 1 : 1;
      if (!entry && counts.size >= maxKeys) sweep(now, windowMs);
      counts.set(key, { window, count });
      return { count, resetMs: resetOf(windowMs, now) };
    },
    async refund(key, windowMs, now) {
      const entry = counts.get(key);
      if (entry && entry.window === windowOf(windowMs, now) && entry.count > 0) entry.count -= 1;
    },
  };
}

/** The few Redis commands the counters need (an ioredis client has them). */
export type RedisCounterClient = {
  incr(key: string): Promise<number>;
  pexpire(key: string, ms: number): Promise<unknown>;
  decr(key: string): Promise<number>;
};

/** Counters in Redis, shared by every instance: one key per client and window, expiring with it. */
export function redisCounterStore(client: RedisCounterClient, prefix: string): CounterStore {
  const keyOf = (key: string, windowMs: number, now: number) => `${prefix}${key}:${windowOf(windowMs, now)}`;
  return {
    async hit(key, windowMs, now) {
      const full = keyOf(key, windowMs, now);
      const count = await client.incr(full);
      if (count === 1) await client.pexpire(full, windowMs + 1000);
      return { count, resetMs: resetOf(windowMs, now) };
    },
    async refund(key, windowMs, now) {
      await client.decr(keyOf(key, windowMs, now));
    },
  };
}
