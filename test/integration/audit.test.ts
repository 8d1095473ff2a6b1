import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { testDb } from "../support/db";
import { createUser } from "../support/factories";
import { writeAudit } from "../../lib/audit";
import { verifyAuditChain } from "../../lib/audit-verify";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { withPostgres } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";

describe("the audit log is append-only", () => {
  test("the app cannot update, delete or truncate audit rows", async () => {
    const db = await testDb();
    const user = await createUser(db, "ADMIN");
    await db.$transaction((tx) => writeAudit(tx, { actorId: user.id, action: "test.append", entityType: "test", entityId: user.id, after: { n: 1 } }));
    const row = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id } });
    assert.equal(row.hash.length, 64);

    await assert.rejects(db.auditLog.update({ where: { id: row.id }, data: { action: "test.tampered" } }), /append-only/);
    await assert.rejects(db.auditLog.delete({ where: { id: row.id } }), /append-only/);
    await assert.rejects(db.auditLog.deleteMany({ where: { entityId: user.id } }), /append-only/);
    await assert.rejects(db.$executeRaw`DELETE FROM audit_log WHERE id = ${row.id}`, /append-only/);
    await assert.rejects(db.$executeRawUnsafe(`TRUNCATE audit_log`), /append-only/);
    assert.deepEqual(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } }), row);
  });

  test("the shared test database's chain verifies", async () => {
    const db = await testDb();
    const status = await verifyAuditChain(db);
    assert.equal(status.ok, true, JSON.stringify(status, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
  });
});

// Tampering needs the triggers switched off, so it happens in a throwaway database of its own.
describe("tampering is detected", () => {
  const name = `claimdesk_audit_${randomBytes(6).toString("hex")}`;
  const base = process.env.DATABASE_URL!;
  const url = (() => {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  let db: Db;

  before(async () => {
    await withPostgres(base, (sql) => sql.exec(`CREATE DATABASE "${name}"`));
    await withPostgres(url, (sql) => migrate(sql));
    db = await createPrismaClient({ kind: "postgres", url });
    for (let n = 1; n <= 4; n += 1) {
      await db.$transaction((tx) => writeAudit(tx, { actorId: null, action: "test.write", entityType: "test", entityId: `row-${n}`, after: { n } }));
    }
  });

  after(async () => {
    await db?.$disconnect();
    await withPostgres(base, (sql) => sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  const ids = async () => (await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
  const withTriggersOff = async (statement: string) => {
    await db.$executeRawUnsafe(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    try {
      await db.$executeRawUnsafe(statement);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    }
  };
  const cli = () =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });

  test("an intact chain verifies and the command says so", async () => {
    assert.deepEqual(await verifyAuditChain(db), { ok: true, rows: 4 });
    const run = cli();
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Audit chain intact: 4 rows/);
  });

  test("an edited row is reported by id, by the function and by `npm run audit:verify`", async () => {
    const [, second] = await ids();
    await withTriggersOff(`UPDATE audit_log SET "after" = '{"n": 200}' WHERE id = ${second}`);
    const status = await verifyAuditChain(db);
    assert.equal(status.ok, false);
    assert.ok(!status.ok && status.brokenAt === second && /modified/.test(status.reason));
    const run = cli();
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`Audit chain broken at row ${second}: `));

    await withTriggersOff(`UPDATE audit_log SET "after" = '{"n": 2}' WHERE id = ${second}`);
    assert.deepEqual(await verifyAuditChain(db), { ok: true, rows: 4 });
  });

  test("a deleted row breaks the link of the row after it", async () => {
    const [, , third, fourth] = await ids();
    await withTriggersOff(`DELETE FROM audit_log WHERE id = ${third}`);
    const status = await verifyAuditChain(db);
    assert.ok(!status.ok && status.brokenAt === fourth && /link/.test(status.reason), JSON.stringify(status, (_, v: unknown) => String(v)));
  });
});
