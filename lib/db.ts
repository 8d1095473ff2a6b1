import "server-only";
import { createPrismaClient, type Db } from "./db/client";

// One client per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForDb = globalThis as unknown as { claimdeskDb?: Promise<Db> };

/** The one Prisma client: PostgreSQL when DATABASE_URL is set, the embedded database otherwise. */
export function getDb(): Promise<Db> {
  globalForDb.claimdeskDb ??= createPrismaClient();
  return globalForDb.claimdeskDb;
}
