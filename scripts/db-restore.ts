// `npm run db:restore -- <file.dump> [--target postgresql://…/db] [--force]`
// Verifies the .sha256 first; restores into --target (or DATABASE_URL), creating it when missing.
import { restoreBackup } from "../lib/backup";
import { describeTarget } from "../lib/db/connect";
import { parseEnv } from "../lib/env";
import { runCli } from "./cli";

await runCli(async () => {
  const args = process.argv.slice(2);
  const targetIndex = args.indexOf("--target");
  const target = targetIndex === -1 ? parseEnv().DATABASE_URL : args[targetIndex + 1];
  const file = args.find((arg, i) => !arg.startsWith("--") && (targetIndex === -1 || i !== targetIndex + 1));
  if (!file) throw new Error("usage: npm run db:restore -- <file.dump> [--target postgresql://…/database] [--force]");
  if (!target) throw new Error("db:restore needs a PostgreSQL target: --target postgresql://…/database or DATABASE_URL");
  parseEnv({ ...process.env, DATABASE_URL: target });
  const { sha256 } = await restoreBackup({ file, targetUrl: target, force: args.includes("--force") });
  console.log(`Checksum verified (sha256 ${sha256}); restored ${file} into ${describeTarget({ kind: "postgres", url: target })}`);
});
