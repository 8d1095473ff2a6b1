import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { getEnv, type Env } from "../env";
import { systemLog } from "../log";
import { poolRegistry } from "./capacity";
import { openPglite, type DbTarget } from "./connect";

// Never hand a password hash to anything by accident: it must be asked for explicitly.
const omit = { user: { passwordHash: true } } as const;

type Adapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>;

function makeClient(adapter: Adapter) {
  return new PrismaClient({ adapter, omit });
}

export type Db = ReturnType<typeof makeClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function resolveTarget(env = getEnv()): DbTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dir: env.PGLITE_DIR };
}

/**
 * Pool settings: every wait is bounded. A request waits at most the acquire timeout for a
 * connection, a statement at most the statement timeout (server side) and the query timeout
 * (client side, for a server that stopped answering); an abandoned transaction is ended by the
 * server. Keep-alive notices a dead peer on an idle connection.
 */
export function poolConfig(url: string, env: Env = getEnv()): pg.PoolConfig {
  return {
    connectionString: url,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
    query_timeout: env.DATABASE_QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: env.DATABASE_APPLICATION_NAME,
  };
}

// On globalThis: proxy.ts asks the same pools for capacity (lib/db/capacity.ts).
const pools = poolRegistry();

/** The open pools of this process (admission control looks at their queues). */
export function activePools(): pg.Pool[] {
  for (const pool of pools) if (pool.ended) pools.delete(pool);
  return [...pools];
}

/**
 * A pg Pool whose errors are logged, never thrown: an idle connection dropped by a server restart
 * or `pg_terminate_backend` emits 'error' on the pool; without a listener that would crash the
 * process. (Errors of a connection in use reach the query that is running on it.)
 */
export function createPool(url: string, env: Env = getEnv()): pg.Pool {
  const pool = new pg.Pool(poolConfig(url, env));
  pool.on("error", (error) => systemLog().warn({ err: error, event: "db.pool_error" }, "idle database connection lost"));
  pools.add(pool);
  return pool;
}

/** Pass `pglite` to share an instance that is already open (scripts that migrate first). */
export async function createPrismaClient(target: DbTarget = resolveTarget(), pglite?: PGlite): Promise<Db> {
  if (target.kind === "postgres") {
    const pool = createPool(target.url);
    return makeClient(new PrismaPg(pool, { disposeExternalPool: true }));
  }
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  return makeClient(new PrismaPGlite(pglite ?? (await openPglite(target.dir))));
}
