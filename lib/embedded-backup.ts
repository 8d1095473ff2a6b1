import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sha256File, type Backup } from "./backup";
import { withPostgres } from "./db/connect";
import { loadMigrations, migrate, type SqlRunner } from "./db/migrate";

/*
 * Backups of the embedded database. PGlite is PostgreSQL 18 and Debian's pg_dump is older (it
 * refuses a newer server), so the backup is taken through the owner's socket with plain SQL:
 * gzip'd JSON lines holding the applied migrations, every table's rows (read in one
 * REPEATABLE READ transaction, so they are consistent) and the sequences. A restore replays those
 * migrations into an empty database and loads the rows with triggers and foreign keys held off,
 * so the audit chain comes back byte for byte. Any PostgreSQL target works, embedded or not.
 */

export const EMBEDDED_BACKUP_FORMAT = "claimdesk-embedded-backup";
const PAGE = 500;

type Header = { format: typeof EMBEDDED_BACKUP_FORMAT; version: 1; createdAt: string; migrations: Array<{ name: string; checksum: string }> };
type TableLine = { table: string; columns: string[]; rows: unknown[] };
type SequencesLine = { sequences: Array<{ name: string; value: string | null }> };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tables(sql: SqlRunner): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

// Generated columns are computed again on insert; they cannot be written.
async function writableColumns(sql: SqlRunner, table: string): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`public.${quote(table)}`],
  );
  return rows.map((r) => r.name);
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/** Writes `<dir>/<name>-<timestamp>.claimdesk.gz` from `url` and its checksum beside it. */
export async function createEmbeddedBackup(options: { url: string; dir: string; name?: string }): Promise<Backup> {
  await mkdir(options.dir, { recursive: true });
  const file = path.resolve(options.dir, `${options.name ?? "embedded"}-${timestamp()}.claimdesk.gz`);
  const gzip = createGzip();
  const output = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const line = (value: unknown) => new Promise<void>((resolve) => (gzip.write(`${JSON.stringify(value)}\n`) ? resolve() : gzip.once("drain", resolve)));
  await withPostgres(options.url, async (sql) => {
    await sql.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const migrations = await sql.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      const header: Header = { format: EMBEDDED_BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations };
      await line(header);
      for (const table of await tables(sql)) {
        const columns = await writableColumns(sql, table);
        const list = columns.map(quote).join(", ");
        for (let offset = 0; ; offset += PAGE) {
          const [page] = await sql.query<{ rows: unknown[] | null }>(
            `SELECT json_agg(t) AS rows FROM (SELECT ${list} FROM public.${quote(table)} ORDER BY ctid LIMIT ${PAGE} OFFSET ${offset}) t`,
          );
          const rows = page?.rows ?? [];
          if (rows.length > 0 || offset === 0) await line({ table, columns, rows } satisfies TableLine);
          if (rows.length < PAGE) break;
        }
      }
      const sequences = await sql.query<{ name: string; value: string | null }>(
        `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
      );
      await line({ sequences } satisfies SequencesLine);
    } finally {
      await sql.exec("COMMIT");
    }
  });
  gzip.end();
  await finished(output);
  const sha256 = await sha256File(file);
  const checksumFile = `${file}.sha256`;
  await writeFile(checksumFile, `${sha256}  ${path.basename(file)}\n`);
  return { file, checksumFile, sha256, bytes: (await stat(file)).size };
}

/** True for a file this module wrote (gzip), false for pg_dump's custom format. */
export async function isEmbeddedBackup(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Restores a (checksum-verified) embedded backup into `url`: refuses a database with tables
 * unless `force` (which empties its public schema first), applies the backup's migrations, then
 * loads every row in one transaction.
 */
export async function restoreEmbeddedBackup(options: { file: string; url: string; force?: boolean }): Promise<{ rows: number }> {
  const lines = createInterface({ input: createReadStream(options.file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done ? null : JSON.parse(first.value)) as Header | null;
  if (header?.format !== EMBEDDED_BACKUP_FORMAT) throw new Error(`${path.basename(options.file)} is not a claimdesk embedded backup`);
  const local = new Map((await loadMigrations()).map((m) => [m.name, m]));
  const migrations = header.migrations.map(({ name, checksum }) => {
    const migration = local.get(name);
    if (migration?.checksum !== checksum) {
      throw new Error(`The backup was made with migration ${name}, which this version of claimdesk does not have (or has changed); restore it with the version that made it`);
    }
    return migration;
  });
  return withPostgres(options.url, async (sql) => {
    const [{ n } = { n: 0 }] = await sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    if (n > 0 && !options.force) {
      throw new Error(`The target database already has ${n} tables; refusing to overwrite it (pass --force to replace its contents)`);
    }
    if (n > 0) await sql.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await migrate(sql, migrations);
    let rows = 0;
    await sql.exec("BEGIN");
    try {
      // Triggers (the audit log's append-only guard) and foreign keys are held off while rows
      // arrive in table order; the rows are exactly those that were consistent when backed up.
      await sql.exec("SET LOCAL session_replication_role = replica");
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const entry = JSON.parse(next.value) as TableLine | SequencesLine;
        if ("sequences" in entry) {
          for (const s of entry.sequences) {
            if (s.value !== null) await sql.query(`SELECT setval($1::regclass, $2::bigint)`, [`public.${quote(s.name)}`, s.value]);
          }
          continue;
        }
        if (entry.rows.length === 0) continue;
        const list = entry.columns.map(quote).join(", ");
        const table = `public.${quote(entry.table)}`;
        await sql.query(`INSERT INTO ${table} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`, [
          JSON.stringify(entry.rows),
        ]);
        rows += entry.rows.length;
      }
      await sql.exec("COMMIT");
    } catch (error) {
      await sql.exec("ROLLBACK");
      throw error;
    }
    return { rows };
  });
}
