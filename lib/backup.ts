import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { withPostgres } from "./db/connect";

/*
 * Backups are pg_dump's custom format (compressed, restorable table by table) plus a
 * `<file>.sha256` in sha256sum's format. A restore checks the checksum before touching anything.
 */

export type Backup = { file: string; checksumFile: string; sha256: string; bytes: number };

/** The URL without its password, and the password for PGPASSWORD (kept off the command line). */
function splitCredentials(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${command} could not start: ${error.message} (is the PostgreSQL client installed?)`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/** Dumps `url` to `<dir>/<database>-<timestamp>.dump` and writes its checksum beside it. */
export async function createBackup(options: { url: string; dir: string; name?: string }): Promise<Backup> {
  const database = new URL(options.url).pathname.slice(1) || "database";
  await mkdir(options.dir, { recursive: true });
  const file = path.resolve(options.dir, `${options.name ?? database}-${timestamp()}.dump`);
  const { url, env } = splitCredentials(options.url);
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`], env);
  const sha256 = await sha256File(file);
  const checksumFile = `${file}.sha256`;
  await writeFile(checksumFile, `${sha256}  ${path.basename(file)}\n`);
  return { file, checksumFile, sha256, bytes: (await stat(file)).size };
}

export class ChecksumMismatchError extends Error {
  override name = "ChecksumMismatchError";
}

/** Refuses a dump whose bytes do not match its .sha256 file (or that has none). */
export async function verifyBackup(file: string): Promise<string> {
  let expected: string | undefined;
  try {
    expected = (await readFile(`${file}.sha256`, "utf8")).trim().split(/\s+/)[0];
  } catch {
    throw new ChecksumMismatchError(`No checksum file ${file}.sha256: refusing to restore an unverified backup`);
  }
  const actual = await sha256File(file);
  if (!expected || expected.toLowerCase() !== actual) {
    throw new ChecksumMismatchError(`Checksum mismatch for ${path.basename(file)}: expected ${expected ?? "?"}, got ${actual}. The file is damaged or was changed; not restoring.`);
  }
  return actual;
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name "${name}" (letters, digits and _ only)`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withPostgres(admin.toString(), async (sql) => {
    const rows = await sql.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rows.length === 0) await sql.exec(`CREATE DATABASE "${name}"`);
  });
}

/** Tables in the target's user schemas: a restore into a database that has any needs --force. */
async function countTables(url: string): Promise<number> {
  return withPostgres(url, async (sql) => {
    const rows = await sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    return rows[0]?.n ?? 0;
  });
}

/**
 * Verifies the checksum, then restores into `targetUrl` (created when missing) in one transaction.
 * A database that already has tables is refused unless `force` (then its objects are replaced).
 */
export async function restoreBackup(options: { file: string; targetUrl: string; force?: boolean }): Promise<{ sha256: string }> {
  const sha256 = await verifyBackup(options.file);
  await ensureDatabase(options.targetUrl);
  const tables = await countTables(options.targetUrl);
  if (tables > 0 && !options.force) {
    throw new Error(`The target database already has ${tables} tables; refusing to overwrite it (pass --force to replace its contents)`);
  }
  const { url, env } = splitCredentials(options.targetUrl);
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`];
  if (tables > 0) args.push("--clean", "--if-exists");
  await run("pg_restore", [...args, options.file], env);
  // --no-privileges leaves the app's role without its grants: applied again as the migration does.
  await withPostgres(options.targetUrl, async (sql) => {
    const [found] = await sql.query<{ fn: string | null }>("SELECT to_regproc('claimdesk_grant_app_role')::text AS fn");
    if (found?.fn) await sql.query("SELECT claimdesk_grant_app_role()");
  });
  return { sha256 };
}
