import { getDb } from "../../lib/db";
import type { Db } from "../../lib/db/client";
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
