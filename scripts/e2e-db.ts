// Gives the browser tests a fresh database: dropped and created again before every run.
import { withPostgres } from "../lib/db/connect";
import { runCli } from "./cli";

await runCli(async () => {
  const url = new URL(process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_e2e");
  await recreateDatabase(url);
});

export async function recreateDatabase(url: URL): Promise<void> {
  const name = url.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withPostgres(admin.toString(), async (sql) => {
    await sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await sql.exec(`CREATE DATABASE "${name}"`);
  });
}
