import { verifyAuditChain } from "../lib/audit-verify";
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { runCli } from "./cli";

// `npm run audit:verify`: exits 1 when the audit log's hash chain is broken.
await runCli(async () => {
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const status = await verifyAuditChain(handle.db);
    if (!status.ok) {
      console.error(`Audit chain broken at row ${status.brokenAt}: ${status.reason}`);
      process.exitCode = 1;
      return;
    }
    console.log(`Audit chain intact: ${status.rows} rows`);
  } finally {
    await handle.close();
  }
});
