import { getDb } from "../../lib/db";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { withPostgres } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";

let ready: Promise<Db> | undefined;

/** The migrated test database (PostgreSQL from DATABASE_URL, set by setup-env.ts). */
export function testDb(): Promise<Db> {
  ready ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run tests through npm test");
    await withPostgres(url, (sql) => migrate(sql));
    return getDb();
  })();
  return ready;
}

/** A short unique suffix so each test makes its own rows (emails, slugs) and needs no clean-up. */
export function unique(prefix = "t"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A migrated database of its own on the test server, for tests that tamper as a superuser
 * (triggers off, rows rewritten) where the shared test database must stay whole. `drop` removes it.
 */
export async function throwawayDatabase(prefix: string): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: run tests through npm test");
  const name = `${prefix}_${Math.random().toString(16).slice(2, 14)}`;
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  await withPostgres(base, (sql) => sql.exec(`CREATE DATABASE "${name}"`));
  await withPostgres(url, (sql) => migrate(sql));
  const db = await createPrismaClient({ kind: "postgres", url });
  return {
    db,
    url,
    async drop() {
      await db.$disconnect();
      await withPostgres(base, (sql) => sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
