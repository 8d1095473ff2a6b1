import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DbHandle } from "../../lib/db/open";
import { withPostgres } from "../../lib/db/connect";
import { seedDemo } from "../../lib/seed/demo";
import { demoClaims } from "../../prisma/seed-data";
import { diffShapes, shapeFromDatabase, shapeFromSchema } from "../support/schema-drift";

// The same migrations and seed on the embedded database a newcomer gets with no DATABASE_URL.
let dir: string;
let handle: DbHandle;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "claimdesk-pglite-"));
  handle = await openDatabase({ kind: "pglite", dir }, { migrate: true });
});

after(async () => {
  await handle?.close();
  await rm(dir, { recursive: true, force: true });
});

test("migrations apply on PGlite and are recorded in _prisma_migrations", async () => {
  assert.ok(handle.migrations.applied.length >= 2);
  const rows = await handle.db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
  assert.equal(Number(rows[0]?.n), handle.migrations.applied.length);
});

test("the demo seed loads, and a second run changes nothing", async () => {
  const first = await seedDemo(handle.db);
  assert.equal(first.created.claims, demoClaims.length);
  const counts = async () => ({
    claims: await handle.db.claim.count(),
    evidence: await handle.db.evidence.count(),
    sources: await handle.db.source.count(),
    users: await handle.db.user.count(),
    audit: await handle.db.auditLog.count(),
  });
  const before = await counts();
  const second = await seedDemo(handle.db);
  assert.deepEqual(second.created, {});
  assert.deepEqual(await counts(), before);
  assert.ok((await handle.db.claim.count({ where: { hasConflict: true } })) >= 3);
});

test("full-text search and trigram similarity work on the embedded database", async () => {
  const hits = await handle.db.$queryRaw<Array<{ slug: string }>>`
    SELECT slug FROM claims WHERE to_tsvector('english', text || ' ' || claimant) @@ websearch_to_tsquery('english', 'airport cleared')`;
  assert.ok(hits.some((h) => h.slug.includes("airport")));
  const similar = await handle.db.$queryRaw<Array<{ score: number }>>`
    SELECT similarity(text, 'the airport in Almaty was cleared') AS score FROM claims ORDER BY 1 DESC LIMIT 1`;
  assert.ok((similar[0]?.score ?? 0) > 0.2);
});

test("the audit log is append-only on the embedded database too", async () => {
  const row = await handle.db.auditLog.findFirst({ orderBy: { id: "asc" } });
  assert.ok(row);
  await assert.rejects(handle.db.$executeRaw`UPDATE audit_log SET action = 'x' WHERE id = ${row.id}`, /append-only/);
});

test("the embedded database matches schema.prisma and keeps its data after a restart", async () => {
  const claims = await handle.db.claim.count();
  await handle.close();
  handle = await openDatabase({ kind: "pglite", dir }, { migrate: true });
  assert.equal(handle.migrations.applied.length, 0);
  assert.equal(await handle.db.claim.count(), claims);
  const schema = shapeFromSchema(await readFile("prisma/schema.prisma", "utf8"));
  const problems = await withPostgres(handle.url, async (sql) => diffShapes(schema, await shapeFromDatabase(sql)));
  assert.deepEqual(problems, []);
});
