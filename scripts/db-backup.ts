// `npm run db:backup [-- --dir backups]`: pg_dump (custom format) of DATABASE_URL plus a .sha256.
import { createBackup } from "../lib/backup";
import { parseEnv } from "../lib/env";
import { runCli } from "./cli";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

await runCli(async () => {
  const env = parseEnv();
  if (!env.DATABASE_URL) {
    throw new Error(
      "db:backup needs DATABASE_URL (PostgreSQL). The embedded database is a folder (.data/pglite): stop the app and copy that folder instead.",
    );
  }
  const backup = await createBackup({ url: env.DATABASE_URL, dir: option("dir") ?? "backups" });
  console.log(`Backup written: ${backup.file} (${backup.bytes} bytes)`);
  console.log(`Checksum: ${backup.checksumFile} sha256 ${backup.sha256}`);
});
