// Least privilege: the role the app connects as (claimdesk_app, migration 20261130200000) can do
// the app's work and nothing that would let it rewrite history: no UPDATE/DELETE/TRUNCATE on the
// audit log or the publication tables, no ALTER TABLE (it owns nothing), no trigger switched off,
// no session_replication_role, no new objects.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { withPostgres } from "../../lib/db/connect";
import { APP_ROLE } from "../../lib/db/app-role";
import { testDb } from "../support/db";

const appUrl = Object.assign(new URL(process.env.DATABASE_URL!), { username: APP_ROLE, password: "" }).toString();
const asApp = <T>(fn: Parameters<typeof withPostgres<T>>[1]) => withPostgres(appUrl, fn);

describe("the app's database role", () => {
  before(async () => {
    await testDb();
  });

  test("is no superuser, owns no table and may not create roles, databases or bypass row security", async () => {
    const [role] = await asApp((sql) =>
      sql.query<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean; rolreplication: boolean; owned: string }>(
        `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
                (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::text AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
      ),
    );
    assert.deepEqual(role, { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false, owned: "0" });
  });

  test("reads and appends, and may not alter, delete or disable the protections", async () => {
    const refusals: Array<[string, RegExp]> = [
      ["UPDATE audit_log SET action = 'x' WHERE id = (SELECT max(id) FROM audit_log)", /permission denied for table audit_log/],
      ["DELETE FROM audit_log", /permission denied for table audit_log/],
      ["TRUNCATE audit_log", /permission denied for table audit_log/],
      ["UPDATE publications SET note = 'x'", /permission denied for table publications/],
      ["DELETE FROM publications", /permission denied for table publications/],
      ["UPDATE publication_log SET digest = digest", /permission denied for table publication_log/],
      ["DELETE FROM publication_log", /permission denied for table publication_log/],
      ["ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update", /must be owner of table audit_log/],
      ["ALTER TABLE publications DISABLE TRIGGER ALL", /must be owner of table publications/],
      ["DROP TRIGGER audit_log_chain ON audit_log", /must be owner of (table|relation) audit_log/],
      ["CREATE OR REPLACE FUNCTION audit_log_hash(r audit_log) RETURNS text AS $$ SELECT 'x' $$ LANGUAGE sql", /permission denied for schema public|must be owner of function/],
      ["SET session_replication_role = replica", /permission denied to set parameter "session_replication_role"/],
      ["CREATE TABLE public.scratch (id int)", /permission denied for schema public/],
      ["SELECT count(*) FROM _prisma_migrations", /permission denied for table _prisma_migrations/],
    ];
    for (const [statement, expected] of refusals) {
      await assert.rejects(asApp((sql) => sql.exec(statement)), expected, statement);
    }
    // What it needs: append to the records and read them back.
    await asApp((sql) => sql.exec(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.app_role', 'test', 'app-role')`));
    const [row] = await asApp((sql) => sql.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_log WHERE entity_id = 'app-role'"));
    assert.ok(Number(row?.n) >= 1);
  });
});
