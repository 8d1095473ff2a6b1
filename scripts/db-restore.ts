// `npm run db:restore -- <file> [--target postgresql://…/db] [--force]`
// Verifies the .sha256 first. A pg_dump file goes into --target (or DATABASE_URL), created when
// missing; an embedded backup (.claimdesk.gz) goes into --target, DATABASE_URL or, with neither,
// the embedded database (through its owner when one runs).
import { restoreBackup, verifyBackup } from "../lib/backup";
import { describeTarget } from "../lib/db/connect";
import { connectEmbedded } from "../lib/db/embedded/connect";
import { isEmbeddedBackup, restoreEmbeddedBackup } from "../lib/embedded-backup";
import { parseEnv } from "../lib/env";
import { runCli } from "./cli";

await runCli(async () => {
  const args = process.argv.slice(2);
  const targetIndex = args.indexOf("--target");
  const env = parseEnv();
  const target = targetIndex === -1 ? env.DATABASE_URL : args[targetIndex + 1];
  const file = args.find((arg, i) => !arg.startsWith("--") && (targetIndex === -1 || i !== targetIndex + 1));
  const force = args.includes("--force");
  if (!file) throw new Error("usage: npm run db:restore -- <file> [--target postgresql://…/database] [--force]");
  if (target) parseEnv({ ...process.env, DATABASE_URL: target });

  if (await isEmbeddedBackup(file)) {
    const sha256 = await verifyBackup(file);
    const embedded = target ? null : await connectEmbedded(env.PGLITE_DIR);
    try {
      const url = target ?? embedded?.url ?? "";
      const { rows } = await restoreEmbeddedBackup({ file, url, force });
      const where = target ? describeTarget({ kind: "postgres", url: target }) : describeTarget({ kind: "pglite", dir: env.PGLITE_DIR });
      console.log(`Checksum verified (sha256 ${sha256}); restored ${file} (${rows} rows) into ${where}`);
    } finally {
      await embedded?.close();
    }
    return;
  }
  if (!target) {
    throw new Error("This is a pg_dump backup of PostgreSQL: restore it into PostgreSQL with --target postgresql://…/database or DATABASE_URL");
  }
  const { sha256 } = await restoreBackup({ file, targetUrl: target, force });
  console.log(`Checksum verified (sha256 ${sha256}); restored ${file} into ${describeTarget({ kind: "postgres", url: target })}`);
});
