import { withPostgres } from "../lib/db/connect";

const LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"];

/** Drops and creates a test database; refuses anything that is not a plainly named local one. */
export async function recreateDatabase(url: URL): Promise<void> {
  if (!LOCAL_HOSTS.includes(url.hostname)) throw new Error(`Refusing a non-local database (${url.hostname})`);
  const name = url.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withPostgres(admin.toString(), async (sql) => {
    await sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await sql.exec(`CREATE DATABASE "${name}"`);
  });
}
