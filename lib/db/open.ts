import { migrate, type MigrateResult } from "./migrate";
import { createPrismaClient, type Db } from "./client";
import { openPglite, pgliteRunner, withPostgres, type DbTarget } from "./connect";

export type DbHandle = { db: Db; migrations: MigrateResult; close(): Promise<void> };

/**
 * Opens the database for a script or a test: applies pending migrations first when asked, then
 * returns a Prisma client. On PGlite both share one in-process instance.
 */
export async function openDatabase(target: DbTarget, options: { migrate: boolean }): Promise<DbHandle> {
  const none: MigrateResult = { applied: [], alreadyApplied: 0 };
  if (target.kind === "postgres") {
    const migrations = options.migrate ? await withPostgres(target.url, (sql) => migrate(sql)) : none;
    const db = await createPrismaClient(target);
    return { db, migrations, close: () => db.$disconnect() };
  }
  const pglite = await openPglite(target.dir);
  const migrations = options.migrate ? await migrate(pgliteRunner(pglite)) : none;
  const db = await createPrismaClient(target, pglite);
  return {
    db,
    migrations,
    async close() {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
