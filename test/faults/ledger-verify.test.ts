// The public log, end to end over HTTP: claims published, updated, corrected and retracted; the
// built app under `next start` (connected as the least-privileged claimdesk_app) serves the log, its
// signed head and every record; `npm run ledger:verify` passes. Then, as a superuser on this
// throwaway database, a published snapshot is changed (its in-database digest recomputed) and the
// verifier names exactly that claim; the last log entry is dropped and the verifier reports the
// truncation against a head it kept from an earlier run.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { appRoleUrl } from "../../lib/db/app-role";
import { withPostgres } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";
import { recreateDatabase } from "../../scripts/test-database";
import { startApp, type App } from "../support/app-server";
import { createClaim, createUser } from "../support/factories";
import { publishVerdict, retractPublishedClaim, type People } from "../integration/ledger-fixtures";

const PORT = Number(process.env.LEDGER_E2E_PORT ?? 3304);
const url = Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `${new URL(process.env.DATABASE_URL!).pathname}_ledger` }).toString();
const state = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-ledger-verify-")), "heads.jsonl");
let db: Db;
let app: App | undefined;

function verify() {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/ledger-verify.ts", app!.base, "--state", state], { encoding: "utf8", timeout: 120_000 });
  const problems = run.stderr.split("\n").filter((line) => line.startsWith("PROBLEM"));
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, problems };
}

async function asSuperuser(statements: string[]) {
  await withPostgres(url, async (sql) => {
    await sql.exec("BEGIN");
    await sql.exec("SET LOCAL session_replication_role = replica");
    for (const statement of statements) await sql.exec(statement);
    await sql.exec("COMMIT");
  });
}

before(async () => {
  await recreateDatabase(new URL(url));
  await withPostgres(url, (sql) => migrate(sql));
  db = await createPrismaClient({ kind: "postgres", url });
  const appUrl = await appRoleUrl(url);
  assert.ok(appUrl, "claimdesk_app can log in");
  app = await startApp({ port: PORT, databaseUrl: appUrl, secret: "ledger-verify-secret-0123456789-abcdef" });
});

after(async () => {
  await app?.kill();
  await db?.$disconnect();
});

test("publish, update, correct, retract: the verifier passes; a changed snapshot is named; a dropped entry is a truncation", async () => {
  const people: People = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
  const [plain, updated, corrected, retracted] = await Promise.all([0, 1, 2, 3].map(() => createClaim(db)));
  await publishVerdict(db, people, plain!.id, { rating: "TRUE" });
  const first = await publishVerdict(db, people, updated!.id, { rating: "FALSE" });
  await publishVerdict(db, people, updated!.id, { rating: "FALSE", reasoning: "A later count agrees.", supersedes: { id: first, note: "Added the later count.", kind: "UPDATE" } });
  const wrong = await publishVerdict(db, people, corrected!.id, { rating: "TRUE" });
  await publishVerdict(db, people, corrected!.id, { rating: "MISLEADING", supersedes: { id: wrong, note: "The figure was for another city." } });
  await publishVerdict(db, people, retracted!.id, { rating: "MIXED" });
  await retractPublishedClaim(db, retracted!.id, { note: "Retracted: misattributed.", by: people.reviewer });

  const log = (await (await fetch(`${app!.base}/api/v1/log`)).json()) as { data: Array<{ seq: number; slug: string; version: number; kind: string }> };
  assert.deepEqual(log.data.map((e) => `${e.slug}@${e.version}:${e.kind}`), [
    `${plain!.slug}@1:ORIGINAL`, `${updated!.slug}@1:ORIGINAL`, `${updated!.slug}@2:UPDATE`,
    `${corrected!.slug}@1:ORIGINAL`, `${corrected!.slug}@2:CORRECTION`, `${retracted!.slug}@1:ORIGINAL`, `${retracted!.slug}@2:RETRACTION`,
  ]);
  // Connected as claimdesk_app, the production server has nothing to warn about its role.
  assert.ok(!app!.lines.some((line) => line.includes("startup.privileged_database_role")), app!.lines.join("\n"));
  const passed = verify();
  assert.equal(passed.status, 0, passed.stderr);
  assert.match(passed.stdout, /Ledger verified: 7 log entries, 7 public records recomputed/);

  // A superuser rewrites the corrected claim's published reasoning and recomputes its digest column.
  await asSuperuser([
    `UPDATE publications p SET snapshot = jsonb_set(p.snapshot, '{verdict,reasoning}', '"Quietly rewritten."'),
                               digest = publication_digest(jsonb_set(p.snapshot, '{verdict,reasoning}', '"Quietly rewritten."'))
     FROM claims c WHERE c.id = p.claim_id AND c.slug = '${corrected!.slug}' AND p.version = 2`,
  ]);
  const tampered = verify();
  assert.equal(tampered.status, 1);
  assert.deepEqual(tampered.problems, [
    `PROBLEM digest [${corrected!.slug}]: ${corrected!.slug} version 2: the public record no longer matches the digest logged in entry 5`,
  ]);

  // The last entry (the retraction) disappears from the log.
  await asSuperuser([`DELETE FROM publication_log WHERE seq = (SELECT max(seq) FROM publication_log)`]);
  const truncated = verify();
  assert.equal(truncated.status, 1);
  assert.ok(truncated.problems.some((line) => /^PROBLEM truncated: the log has 6 entries, but a head signed at .* had 7: entries were removed$/.test(line)), truncated.stderr);
});
