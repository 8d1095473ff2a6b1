import { getEnv } from "../env";
import { activePools } from "./client";

/*
 * "The database cannot take this request now": the pool is saturated, a connection could not be
 * had within the acquire timeout, or the server is restarting. Callers answer 503 with
 * Retry-After (route handlers) or a typed UNAVAILABLE result (actions) instead of hanging.
 */

/** Seconds a client should wait before retrying (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 2;

export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
  readonly code = "DB_BUSY";
}

/**
 * Admission control: when every connection is in use and the queue for one is already full, a
 * new request is refused at once rather than queued (it would only wait out the acquire timeout).
 */
export function admitDatabaseWork(): void {
  const { DATABASE_POOL_QUEUE_MAX } = getEnv();
  for (const pool of activePools()) {
    if (pool.waitingCount >= DATABASE_POOL_QUEUE_MAX && pool.idleCount === 0) {
      throw new DatabaseBusyError(`database busy: ${pool.totalCount} connections in use, ${pool.waitingCount} requests queued`);
    }
  }
}

const globalForAdmission = globalThis as unknown as { claimdeskInFlight?: number };

/**
 * Admission for a whole request (route handlers): at most pool size + queue size requests are in
 * flight; the next one is refused at once, before it touches the pool. Returns the release.
 */
export function enterDatabaseWork(): () => void {
  const { DATABASE_POOL_MAX, DATABASE_POOL_QUEUE_MAX } = getEnv();
  const inFlight = globalForAdmission.claimdeskInFlight ?? 0;
  if (inFlight >= DATABASE_POOL_MAX + DATABASE_POOL_QUEUE_MAX) {
    throw new DatabaseBusyError(`database busy: ${inFlight} requests in flight`);
  }
  globalForAdmission.claimdeskInFlight = inFlight + 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    globalForAdmission.claimdeskInFlight = (globalForAdmission.claimdeskInFlight ?? 1) - 1;
  };
}

// PostgreSQL SQLSTATEs: 08* connection exceptions, 57P01-57P03 shutdown / restart / not yet up,
// 53300 too many connections, 57014 query cancelled by statement_timeout.
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300|57014)$/;
// Prisma: P1001 unreachable, P1002 timed out, P1008 operation timeout, P1017 connection closed,
// P2024 pool timeout, P2028 transaction could not start / expired.
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGES = [
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "connection terminated",
  "Query read timeout",
  "ECONNREFUSED",
  "ECONNRESET",
  "the database system is",
  "terminating connection",
  "Client has encountered a connection error",
  "Client was closed and is not queryable",
  "Transaction already closed",
  "Unable to start a transaction in the given time",
  "canceling statement due to statement timeout",
  "Can't reach database server",
  "Server has closed the connection",
  "Timed out fetching a new connection",
];

/** True for errors that mean "the database is unreachable, restarting or saturated". */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  if (error instanceof DatabaseBusyError) return true;
  const record = error as { code?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; meta?: unknown };
  for (const code of [record.code, record.originalCode]) {
    if (typeof code === "string" && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_PRISMA.has(code))) return true;
  }
  if (typeof record.kind === "string" && UNAVAILABLE_KINDS.has(record.kind)) return true;
  const message = typeof record.message === "string" ? record.message : "";
  if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  return isDatabaseUnavailable(record.cause, depth + 1) || isDatabaseUnavailable(record.meta, depth + 1);
}
