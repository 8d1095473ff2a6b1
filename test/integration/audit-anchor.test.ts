// The outside review's attack: with superuser rights, change the audit log and recompute every
// later prev_hash/hash with the database's own audit_log_hash(). The unkeyed chain alone then
// verifies (the "before"); a checkpoint signed with the key outside the database does not (the
// "after"). Each case on a throwaway database of its own.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeAudit } from "../../lib/audit";
import { appendCheckpoint, readCheckpoints, verifyAuditCheckpoints } from "../../lib/audit-checkpoints";
import { verifyAuditChain } from "../../lib/audit-verify";
import type { Db } from "../../lib/db/client";
import { signedHead } from "../../lib/ledger/head";
import { signingKeys } from "../../lib/ledger/signing-key";
import { throwawayDatabase } from "../support/db";

const folder = mkdtempSync(path.join(tmpdir(), "claimdesk-audit-anchor-"));
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A migrated throwaway database with six audit rows and a signed checkpoint after the sixth. */
async function anchoredLog(): Promise<{ db: Db; url: string; ids: bigint[]; checkpoints: string }> {
  const { db, url, drop } = await throwawayDatabase("claimdesk_anchor");
  cleanups.push(drop);
  for (let n = 1; n <= 6; n += 1) {
    await db.$transaction((tx) => writeAudit(tx, { actorId: null, action: "test.write", entityType: "test", entityId: `row-${n}`, after: { n } }));
  }
  const checkpoints = path.join(folder, `${new URL(url).pathname.slice(1)}.jsonl`);
  appendCheckpoint(checkpoints, await signedHead(db));
  const ids = (await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
  return { db, url, ids, checkpoints };
}

/** As a superuser: triggers off for this session, the change, then every link and hash recomputed. */
async function tamperAndRechain(db: Db, statements: string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    for (const statement of statements) await tx.$executeRawUnsafe(statement);
    await tx.$executeRawUnsafe(`DO $$ DECLARE r audit_log; prev text := repeat('0', 64); BEGIN
      FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        r.prev_hash := prev; r.hash := audit_log_hash(r);
        UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        prev := r.hash;
      END LOOP; END $$`);
  });
}

async function check(db: Db, checkpoints: string) {
  return verifyAuditCheckpoints(db, readCheckpoints(checkpoints), signingKeys().publicKey);
}

describe("a signed checkpoint anchors the audit chain", () => {
  test("an intact log matches its checkpoint", async () => {
    const { db, checkpoints } = await anchoredLog();
    assert.deepEqual(await check(db, checkpoints), { checked: 1, problems: [] });
  });

  test("an edited row with every later hash recomputed: the chain passes, the checkpoint does not, nor does npm run audit:verify", async () => {
    const { db, url, ids, checkpoints } = await anchoredLog();
    await tamperAndRechain(db, [`UPDATE audit_log SET "after" = '{"n": 200}' WHERE id = ${ids[1]}`]);
    assert.deepEqual(await verifyAuditChain(db), { ok: true, rows: 6 }, "before: the recomputed chain looks intact");
    const report = await check(db, checkpoints);
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0]!, new RegExp(`row ${ids[5]} no longer has the hash`));
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--checkpoints", checkpoints], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, /Audit log does not match a checkpoint: row \d+ no longer has the hash/);
  });

  test("a row deleted in the middle, the chain recomputed", async () => {
    const { db, ids, checkpoints } = await anchoredLog();
    await tamperAndRechain(db, [`DELETE FROM audit_log WHERE id = ${ids[2]}`]);
    assert.deepEqual(await verifyAuditChain(db), { ok: true, rows: 5 }, "before: the recomputed chain looks intact");
    const report = await check(db, checkpoints);
    assert.match(report.problems.join("\n"), new RegExp(`row ${ids[5]} no longer has the hash`));
  });

  test("a truncated tail, against the last checkpoint", async () => {
    const { db, ids, checkpoints } = await anchoredLog();
    await tamperAndRechain(db, [`DELETE FROM audit_log WHERE id >= ${ids[4]}`]);
    assert.deepEqual(await verifyAuditChain(db), { ok: true, rows: 4 }, "before: a shorter chain looks intact");
    const report = await check(db, checkpoints);
    assert.deepEqual(report.problems, [`truncated: the checkpoint signed at ${readCheckpoints(checkpoints)[0]!.head.signedAt} names row ${ids[5]}, but the log ends at row ${ids[3]}`]);
  });

  test("two rows swapped (reordered), the chain recomputed", async () => {
    const { db, ids, checkpoints } = await anchoredLog();
    const [a, b] = [ids[1]!, ids[2]!];
    await tamperAndRechain(db, [
      `UPDATE audit_log x SET "entity_id" = y."entity_id", "after" = y."after", "created_at" = y."created_at"
       FROM audit_log y WHERE (x.id, y.id) IN ((${a}, ${b}), (${b}, ${a}))`,
    ]);
    const moved = await db.auditLog.findUniqueOrThrow({ where: { id: a } });
    assert.equal(moved.entityId, "row-3", "the rows traded places");
    assert.deepEqual(await verifyAuditChain(db), { ok: true, rows: 6 }, "before: the recomputed chain looks intact");
    const report = await check(db, checkpoints);
    assert.match(report.problems.join("\n"), new RegExp(`row ${ids[5]} no longer has the hash`));
  });

  test("a checkpoint signed with another key is not trusted", async () => {
    const { db, checkpoints } = await anchoredLog();
    const [checkpoint] = readCheckpoints(checkpoints);
    const forged = { ...checkpoint!, head: { ...checkpoint!.head, audit: { id: "1", hash: "f".repeat(64) } } };
    const report = await verifyAuditCheckpoints(db, [forged], signingKeys().publicKey);
    assert.equal(report.checked, 0);
    assert.match(report.problems[0]!, /signature does not verify/);
  });
});
