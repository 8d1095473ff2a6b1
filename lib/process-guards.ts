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
