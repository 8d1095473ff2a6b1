// `npm run db:backup [-- --dir backups]`: pg_dump (custom format) of DATABASE_URL plus a .sha256;
// without DATABASE_URL, a backup of the embedded database taken through its owner (or owning it
// for the duration when nothing runs).
import { createBackup } from "../lib/backup";
import { connectEmbedded } from "../lib/db/embedded/connect";
import { createEmbeddedBackup } from "../lib/embedded-backup";
import { parseEnv } from "../lib/env";
import { runCli } from "./cli";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

await runCli(async () => {
  const env = parseEnv();
  const dir = option("dir") ?? "backups";
  let backup;
  if (env.DATABASE_URL) {
    backup = await createBackup({ url: env.DATABASE_URL, dir });
  } else {
    const embedded = await connectEmbedded(env.PGLITE_DIR);
    try {
      backup = await createEmbeddedBackup({ url: embedded.url, dir });
    } finally {
      await embedded.close();
    }
  }
  console.log(`Backup written: ${backup.file} (${backup.bytes} bytes)`);
  console.log(`Checksum: ${backup.checksumFile} sha256 ${backup.sha256}`);
});
