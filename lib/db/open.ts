import { migrate, type MigrateResult } from "./migrate";
import { createPrismaClient, type Db } from "./client";
import { describeTarget, withPostgres, type DbTarget } from "./connect";
import { connectEmbedded, type ConnectOptions, type EmbeddedConnection } from "./embedded/connect";

export type DbHandle = {
  db: Db;
  migrations: MigrateResult;
  /** The postgresql:// URL the client uses (the owner's socket on the embedded database). */
  url: string;
  /** Set on the embedded database: whether this process owns it, and who does. */
  embedded?: EmbeddedConnection;
  close(): Promise<void>;
};

/**
 * Opens the database for a script or a test: applies pending migrations first when asked, then
 * returns a Prisma client. The embedded database is reached through its owner, or owned by this
 * process for as long as the handle is open (`embedded` says which).
 */
export async function openDatabase(target: DbTarget, options: { migrate: boolean } & ConnectOptions): Promise<DbHandle> {
  if (target.kind === "postgres") {
    const none: MigrateResult = { applied: [], alreadyApplied: 0 };
    // As the tables' owner when one is named (DATABASE_MIGRATION_URL); the app's role may not.
    const migrations = options.migrate ? await withPostgres(target.migrationUrl ?? target.url, (sql) => migrate(sql)) : none;
    const db = await createPrismaClient(target);
    return { db, migrations, url: target.url, close: () => db.$disconnect() };
  }
  const embedded = await connectEmbedded(target.dir, options);
  try {
    const handle = await openDatabase({ kind: "postgres", url: embedded.url }, options);
    return {
      ...handle,
      embedded,
      async close() {
        await handle.close();
        await embedded.close();
      },
    };
  } catch (error) {
    await embedded.close();
    throw error;
  }
}

/** "embedded PostgreSQL (PGlite) in .data/pglite, through its owner (process 123: npm run start …)" */
export function describeHandle(target: DbTarget, handle: DbHandle): string {
  const embedded = handle.embedded;
  if (!embedded || embedded.isOwner) return describeTarget(target);
  return `${describeTarget(target)}, through its owner (process ${embedded.owner.pid}: ${embedded.owner.command})`;
}
