import { appendCheckpoint } from "../lib/audit-checkpoints";
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { getEnv } from "../lib/env";
import { signedHead } from "../lib/ledger/head";
import { runCli } from "./cli";

// `npm run audit:checkpoint`: signs the current heads of the audit log and the public log with the
// key outside the database and appends them to AUDIT_CHECKPOINT_FILE (run it from cron; copy the
// file somewhere the database's users cannot write).
await runCli(async () => {
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const head = await signedHead(handle.db);
    const file = getEnv().AUDIT_CHECKPOINT_FILE;
    appendCheckpoint(file, head);
    console.log(`Checkpoint: audit row ${head.head.audit.id}, public log size ${head.head.size}, signed by key ${head.keyId}, appended to ${file}`);
  } finally {
    await handle.close();
  }
});
