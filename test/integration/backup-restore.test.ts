// `npm run db:backup` / `npm run db:restore`: a backup restored into a fresh database gives the
// same public ledger and the same audit chain (and `audit:verify` passes on it); a damaged dump
// is refused by its checksum, and a restore never overwrites a database that has tables. (The
// embedded database's backups are tested in test/embedded/cli-beside-server.test.ts.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withPostgres } from "../../lib/db/connect";
import { openDatabase } from "../../lib/db/open";
import { seedDemo } from "../../lib/seed/demo";
import { publishVerdict, reviewVerdict } from "../../lib/services/verdict-review";
import { correctVerdict, draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { createClaim, createUser } from "../support/factories";
import { recordFigures } from "../support/figures";
import { expectOk } from "../support/results";

const base = new URL(process.env.DATABASE_URL!);
const suffix = `${process.pid}`;
const dbUrl = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const source = dbUrl(`claimdesk_faults_backup_src_${suffix}`);
const target = dbUrl(`claimdesk_faults_backup_dst_${suffix}`);
const damagedTarget = dbUrl(`claimdesk_faults_backup_bad_${suffix}`);
const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-backup-"));

async function dropDatabases() {
  await withPostgres(dbUrl("postgres"), async (sql) => {
    for (const url of [source, target, damagedTarget]) await sql.exec(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  });
}

function tsx(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const snapshot = (url: string) => {
  const out = tsx("test/integration/ledger-snapshot.ts", [], { DATABASE_URL: url });
  assert.equal(out.code, 0, out.stderr);
  return JSON.parse(out.stdout) as { claims: { items: unknown[] }; full: unknown[] };
};

const auditRows = (url: string) =>
  withPostgres(url, (sql) =>
    sql.query<Record<string, unknown>>("SELECT id::text, prev_hash, hash, actor_id, action, entity_type, entity_id, before, after, created_at FROM audit_log ORDER BY id"),
  );

before(async () => {
  await dropDatabases();
  await withPostgres(dbUrl("postgres"), (sql) => sql.exec(`CREATE DATABASE "${new URL(source).pathname.slice(1)}"`));
  // This file runs in its own process: the services (getDb) write to the source database.
  process.env.DATABASE_URL = source;
  const handle = await openDatabase({ kind: "postgres", url: source }, { migrate: true });
  try {
    const db = handle.db;
    await seedDemo(db);
    const [author, editor, approver] = await Promise.all([createUser(db, "FACT_CHECKER"), createUser(db, "EDITOR"), createUser(db, "EDITOR")]);
    for (let i = 0; i < 3; i += 1) {
      const claim = await createClaim(db);
      const verdict = expectOk(await draftVerdict(author.session, { claimId: claim.id, rating: "FALSE", reasoning: `Reason ${i}`, evidenceIds: [] }));
      expectOk(await submitVerdict(author.session, { verdictId: verdict.id }));
      expectOk(await reviewVerdict(approver.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
      expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));
      if (i === 0) {
        // A published correction, so the ledger has a superseded verdict and a correction note.
        const correction = expectOk(await correctVerdict(author.session, { verdictId: verdict.id, rating: "MOSTLY_FALSE", reasoning: "Corrected.", correctionNote: "A figure was wrong.", evidenceIds: [] }));
        expectOk(await submitVerdict(author.session, { verdictId: correction.id }));
        expectOk(await reviewVerdict(approver.session, { verdictId: correction.id, revision: 1, outcome: "APPROVED" }));
        expectOk(await publishVerdict(editor.session, { verdictId: correction.id }));
      }
    }
  } finally {
    await handle.close();
  }
});

after(async () => {
  await dropDatabases();
  rmSync(dir, { recursive: true, force: true });
});

test("a backup restored into a fresh database has the same ledger and audit chain, and audit:verify passes", async () => {
  const backup = tsx("scripts/db-backup.ts", ["--dir", dir], { DATABASE_URL: source });
  assert.equal(backup.code, 0, backup.stderr);
  const file = /Backup written: (\S+)/.exec(backup.stdout)?.[1];
  assert.ok(file, backup.stdout);
  const [hash, name] = readFileSync(`${file}.sha256`, "utf8").trim().split(/\s+/);
  assert.match(hash!, /^[0-9a-f]{64}$/);
  assert.equal(name, path.basename(file));

  const restore = tsx("scripts/db-restore.ts", [file, "--target", target], {});
  assert.equal(restore.code, 0, restore.stderr);
  assert.match(restore.stdout, /Checksum verified/);

  const [before, afterRestore] = [snapshot(source), snapshot(target)];
  assert.ok(before.claims.items.length >= 3, "the source ledger has published claims");
  assert.deepEqual(afterRestore, before, "the restored ledger is identical");

  const [sourceAudit, targetAudit] = await Promise.all([auditRows(source), auditRows(target)]);
  assert.ok(sourceAudit.length > 10);
  assert.deepEqual(targetAudit, sourceAudit, "the audit rows and their hashes are identical");

  const verify = tsx("scripts/audit-verify.ts", [], { DATABASE_URL: target });
  assert.equal(verify.code, 0, verify.stderr);
  assert.match(verify.stdout, new RegExp(`Audit chain intact: ${sourceAudit.length} rows`));

  // The app's role gets its grants back (pg_restore --no-privileges dropped them): append-only stays append-only.
  const [grants] = await withPostgres(target, (sql) =>
    sql.query<{ claims: boolean; auditAppend: boolean; auditUpdate: boolean; log: boolean }>(
      `SELECT has_table_privilege('claimdesk_app', 'claims', 'UPDATE') AS claims, has_table_privilege('claimdesk_app', 'audit_log', 'INSERT') AS "auditAppend",
              has_table_privilege('claimdesk_app', 'audit_log', 'UPDATE') AS "auditUpdate", has_table_privilege('claimdesk_app', 'publication_log', 'SELECT') AS log`,
    ),
  );
  assert.deepEqual(grants, { claims: true, auditAppend: true, auditUpdate: false, log: true });

  // The restored database keeps working: its audit chain continues from the restored rows.
  const again = tsx("scripts/db-restore.ts", [file, "--target", target], {});
  assert.notEqual(again.code, 0, "a restore into a database that has tables is refused without --force");
  assert.match(again.stderr, /refusing to overwrite/);
  const forced = tsx("scripts/db-restore.ts", [file, "--target", target, "--force"], {});
  assert.equal(forced.code, 0, forced.stderr);
  assert.deepEqual(await auditRows(target), sourceAudit, "--force replaces the contents with the backup's");

  recordFigures("backup-restore", {
    dumpBytes: readFileSync(file).length,
    auditRows: sourceAudit.length,
    publishedClaims: before.claims.items.length,
  });
});

test("a damaged backup is refused by its checksum and nothing is restored", async () => {
  const backup = tsx("scripts/db-backup.ts", ["--dir", dir], { DATABASE_URL: source });
  assert.equal(backup.code, 0, backup.stderr);
  const file = /Backup written: (\S+)/.exec(backup.stdout)![1]!;
  const damaged = path.join(dir, "damaged.dump");
  copyFileSync(file, damaged);
  const bytes = readFileSync(damaged);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  writeFileSync(damaged, bytes);
  writeFileSync(`${damaged}.sha256`, readFileSync(`${file}.sha256`, "utf8").replace(path.basename(file), "damaged.dump"));

  const refused = tsx("scripts/db-restore.ts", [damaged, "--target", damagedTarget], {});
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /Checksum mismatch/);
  const exists = await withPostgres(dbUrl("postgres"), (sql) => sql.query("SELECT 1 FROM pg_database WHERE datname = $1", [new URL(damagedTarget).pathname.slice(1)]));
  assert.equal(exists.length, 0, "the target was not even created");

  const unverified = path.join(dir, "unverified.dump");
  copyFileSync(file, unverified);
  const missing = tsx("scripts/db-restore.ts", [unverified, "--target", damagedTarget], {});
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /No checksum file/);
});

test("a pg_dump backup is not restored into the embedded database: the message says where it goes", () => {
  const backup = tsx("scripts/db-backup.ts", ["--dir", dir], { DATABASE_URL: source });
  assert.equal(backup.code, 0, backup.stderr);
  const file = /Backup written: (\S+)/.exec(backup.stdout)?.[1] ?? "";
  // No target and no DATABASE_URL: refused before anything is opened (embedded backups: test/embedded).
  const out = tsx("scripts/db-restore.ts", [file], { DATABASE_URL: "", PGLITE_DIR: path.join(dir, "never-created") });
  assert.notEqual(out.code, 0);
  assert.match(out.stderr, /This is a pg_dump backup of PostgreSQL: restore it into PostgreSQL with --target/);
  assert.throws(() => readFileSync(path.join(dir, "never-created.owner.json")));
});
