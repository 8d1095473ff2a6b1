import { withPostgres } from "../../../lib/db/connect";

/*
 * The security suite's write detector, installed only in its own database: every committed row
 * written to any table (except sign-in attempts, which a refused sign-in records on purpose) adds
 * a row to test_writes in the same transaction. "Nothing was written" is then one count, equal
 * before and after, instead of hashing every row of every table per test case.
 */
export async function installWriteCounter(url: string): Promise<void> {
  await withPostgres(url, async (sql) => {
    await sql.exec(`
      CREATE TABLE IF NOT EXISTS test_writes (id bigserial PRIMARY KEY, table_name text NOT NULL, op text NOT NULL);
      CREATE OR REPLACE FUNCTION test_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO test_writes (table_name, op) VALUES (TG_TABLE_NAME, TG_OP);
        RETURN NULL;
      END $$;`);
    const tables = await sql.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('login_attempts', '_prisma_migrations', 'test_writes')`,
    );
    for (const { name } of tables) {
      await sql.exec(`
        DROP TRIGGER IF EXISTS test_count_rows ON "${name}";
        CREATE TRIGGER test_count_rows AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION test_count_write();
        DROP TRIGGER IF EXISTS test_count_truncate ON "${name}";
        CREATE TRIGGER test_count_truncate AFTER TRUNCATE ON "${name}" FOR EACH STATEMENT EXECUTE FUNCTION test_count_write();`);
    }
  });
}
