import type pg from "pg";

/*
 * Whether this process can give a page a database connection, asked by proxy.ts before a page
 * renders. A page cannot answer 503 itself (Next's error boundary always answers 500), so the
 * proxy refuses it up front, with Retry-After, when the pool is saturated.
 *
 * The pools are found on globalThis (lib/db/client.ts registers them there), so this module
 * imports neither pg nor Prisma and the proxy stays light.
 */

const registry = globalThis as unknown as { claimdeskPools?: Set<pg.Pool> };

/** The set lib/db/client.ts adds every pool to (one per process in the app). */
export function poolRegistry(): Set<pg.Pool> {
  registry.claimdeskPools ??= new Set();
  return registry.claimdeskPools;
}

export type Capacity = "available" | "busy";

/**
 * "available" at once when a pool has an idle connection or room to open one (or no pool is open
 * yet: the embedded database, or the first request). "busy" at once when its queue already holds
 * `queueMax` waiters. Otherwise it waits, like any query would, for a connection (bounded by the
 * pool's acquire timeout), hands it straight back, and answers by whether it got one.
 */
export async function probeDatabaseCapacity(queueMax: number): Promise<Capacity> {
  for (const pool of poolRegistry()) {
    if (pool.ended) continue;
    if (pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10)) continue;
    if (pool.waitingCount >= queueMax) return "busy";
    try {
      const client = await pool.connect();
      client.release();
    } catch {
      return "busy";
    }
  }
  return "available";
}
