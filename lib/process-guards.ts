import { rmSync } from "node:fs";
import path from "node:path";
import { isDatabaseUnavailable } from "./db/availability";
import { systemLog } from "./log";

const globalForGuards = globalThis as unknown as { claimdeskGuards?: boolean };

/**
 * Logs what would otherwise vanish or kill the server. A stray rejection (e.g. a database error
 * no one awaited) is logged and the server keeps serving; an uncaught exception from the database
 * driver (a connection dropped by a restart) is logged and survived; any other uncaught exception
 * is logged and ends the process, as Node would, because its state can no longer be trusted.
 */
export function installProcessGuards(): void {
  if (globalForGuards.claimdeskGuards) return;
  globalForGuards.claimdeskGuards = true;
  process.on("unhandledRejection", (reason) => {
    systemLog().error({ event: "process.unhandled_rejection", err: reason }, "unhandled promise rejection");
  });
  process.on("uncaughtException", (error) => {
    if (isDatabaseUnavailable(error)) {
      systemLog().error({ event: "process.database_exception", err: error }, "uncaught database error (survived)");
      return;
    }
    systemLog().fatal({ event: "process.uncaught_exception", err: error }, "uncaught exception");
    process.exit(1);
  });
}

/**
 * The data cache (.next/cache/fetch-cache) outlives the process. A server killed between a
 * publish's commit and its cache revalidation would otherwise serve the old ledger until the
 * entries expire; starting from an empty cache makes the ledger reflect the database at once.
 */
export function clearDataCacheOnStart(): void {
  if (process.env.NODE_ENV !== "production") return;
  const dir = path.join(process.cwd(), ".next", "cache", "fetch-cache");
  rmSync(dir, { recursive: true, force: true });
  systemLog().info({ event: "cache.cleared", dir }, "data cache cleared on start");
}
