import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlRunner } from "./migrate";

/**
 * Which database this process uses: PostgreSQL when DATABASE_URL is set, else the embedded PGlite
 * in `dir` (reached through its owner's socket, see lib/db/embedded/).
 */
/** `migrationUrl`: the owner's connection for migrations, when it is not the app's (`url`). */
export type DbTarget = { kind: "postgres"; url: string; migrationUrl?: string } | { kind: "pglite"; dir: string };

export function describeTarget(target: DbTarget): string {
  if (target.kind === "pglite") return `embedded PostgreSQL (PGlite) in ${target.dir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/**
 * Opens PGlite with the extensions the migrations need. Only the directory's owner calls this
 * (lib/db/embedded/connect.ts); everything else connects to the owner's socket.
 */
export async function openPglite(dir: string): Promise<PGlite> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  mkdirSync(path.resolve(dir), { recursive: true });
  const db = new PGlite(path.resolve(dir), { extensions: { pg_trgm } });
  await db.waitReady;
  return db;
}

/** A short-lived `pg` connection for set-up work (migrations, drift checks). */
export async function withPostgres<T>(url: string, fn: (db: SqlRunner) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach the database (${describeTarget({ kind: "postgres", url })}): ${reason}`, {
      cause: error,
    });
  }
  try {
    return await fn({
      async query<R>(sql: string, params: unknown[] = []) {
        return (await client.query(sql, params)).rows as R[];
      },
      async exec(sql: string) {
        await client.query(sql);
      },
    });
  } finally {
    await client.end();
  }
}
