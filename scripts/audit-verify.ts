import { readCheckpoints, verifyAuditCheckpoints } from "../lib/audit-checkpoints";
import { verifyAuditChain } from "../lib/audit-verify";
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { getEnv } from "../lib/env";
import { signingKeys } from "../lib/ledger/signing-key";
import { runCli } from "./cli";

// `npm run audit:verify [-- --checkpoints <file> …]`: exits 1 when the audit log's hash chain is
// broken or the log no longer matches a signed checkpoint (AUDIT_CHECKPOINT_FILE, plus any file of
// signed heads given, such as the one `npm run ledger:verify` keeps).
function checkpointFiles(argv: string[]): string[] {
  const files = [getEnv().AUDIT_CHECKPOINT_FILE];
  argv.forEach((arg, i) => {
    if (arg === "--checkpoints" && argv[i + 1]) files.push(argv[i + 1]!);
  });
  return files;
}

await runCli(async () => {
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const status = await verifyAuditChain(handle.db);
    if (!status.ok) {
      console.error(`Audit chain broken at row ${status.brokenAt}: ${status.reason}`);
      process.exitCode = 1;
      return;
    }
    const checkpoints = checkpointFiles(process.argv.slice(2)).flatMap(readCheckpoints);
    const report = await verifyAuditCheckpoints(handle.db, checkpoints, signingKeys().publicKey);
    for (const problem of report.problems) console.error(`Audit log does not match a checkpoint: ${problem}`);
    if (report.problems.length > 0) {
      process.exitCode = 1;
      return;
    }
    console.log(`Audit chain intact: ${status.rows} rows, consistent with ${report.checked} signed checkpoints`);
    if (report.checked === 0) console.log("No signed checkpoint yet: a rewrite that recomputes every hash would pass. Run npm run audit:checkpoint regularly.");
  } finally {
    await handle.close();
  }
});
