import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { getEnv, type Env } from "../env";
import { systemLog } from "../log";
import { poolRegistry } from "./capacity";
import type { DbTarget } from "./connect";
import { connectEmbedded } from "./embedded/connect";

// Never hand a password hash to anything by accident: it must be asked for explicitly.
const omit = { user: { passwordHash: true } } as const;

type Adapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>;

/**
 * An interactive transaction waits for its connection as long as any request waits for one, and
 * may run as long as one statement may: Prisma's own defaults (2 s and 5 s) were shorter than the
 * pool's, so under load a transaction failed where a plain query would have waited its turn.
 */
function makeClient(adapter: Adapter, env: Env = getEnv()) {
  return new PrismaClient({
    adapter,
    omit,
    transactionOptions: { maxWait: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS, timeout: env.DATABASE_STATEMENT_TIMEOUT_MS },
  });
}

export type Db = ReturnType<typeof makeClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function resolveTarget(env = getEnv()): DbTarget {
  if (!env.DATABASE_URL) return { kind: "pglite", dir: env.PGLITE_DIR };
  return { kind: "postgres", url: env.DATABASE_URL, ...(env.DATABASE_MIGRATION_URL ? { migrationUrl: env.DATABASE_MIGRATION_URL } : {}) };
}

/**
 * Pool settings: every wait is bounded. A request waits at most the acquire timeout for a
 * connection, a statement at most the statement timeout (server side) and the query timeout
 * (client side, for a server that stopped answering); an abandoned transaction is ended by the
 * server. Keep-alive notices a dead peer on an idle connection. Idle connections do not keep a
 * process alive: a script or a test file exits when its work is done, not 30 s later.
 */
export function poolConfig(url: string, env: Env = getEnv()): pg.PoolConfig {
  return {
    connectionString: url,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
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

/**
 * One driver path: the `pg` pool and Prisma's adapter-pg, for PostgreSQL and the embedded database
 * alike. Without DATABASE_URL (`next dev`, `next start` on their own) the app goes through the
 * embedded database's owner, or becomes its owner when no process is (lib/db/embedded/).
 */
export async function createPrismaClient(target: DbTarget = resolveTarget()): Promise<Db> {
  const url = target.kind === "postgres" ? target.url : (await connectEmbedded(target.dir)).url;
  return makeClient(new PrismaPg(createPool(url), { disposeExternalPool: true }));
}
