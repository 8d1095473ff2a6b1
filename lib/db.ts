import "server-only";
import { createPrismaClient, type Db } from "./db/client";
import { admitDatabaseWork } from "./db/availability";

// One client per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForDb = globalThis as unknown as { claimdeskDb?: Promise<Db> };

/**
 * The one Prisma client: PostgreSQL when DATABASE_URL is set, the embedded database otherwise.
 * Refuses new work at once (DatabaseBusyError) when the pool and its queue are full.
 */
export async function getDb(): Promise<Db> {
  globalForDb.claimdeskDb ??= createPrismaClient();
  const db = await globalForDb.claimdeskDb;
  admitDatabaseWork();
  return db;
}
