// Several processes starting at once on a fresh database (app instances, or test files) all migrate
// it: exactly one applies each migration, none fails, and the bookkeeping table is made once.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { withPostgres } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";

const base = new URL(process.env.DATABASE_URL!);
const name = `${base.pathname.slice(1)}_migrate_${process.pid}`;
const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const admin = Object.assign(new URL(base), { pathname: "/postgres" }).toString();

after(() => withPostgres(admin, (sql) => sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

test("four migrations started at once on a fresh database: each migration applied once, no error", async () => {
  await withPostgres(admin, (sql) => sql.exec(`CREATE DATABASE "${name}"`));
  const results = await Promise.all(Array.from({ length: 4 }, () => withPostgres(url, (sql) => migrate(sql))));
  const applied = results.flatMap((r) => r.applied);
  assert.equal(new Set(applied).size, applied.length, "no migration applied twice");
  assert.ok(applied.length > 0);
  assert.equal(results.filter((r) => r.applied.length > 0).length, 1, "one process applied them, the others found them done");
  const rows = await withPostgres(url, (sql) => sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`));
  assert.equal(Number(rows[0]!.n), applied.length);
});
