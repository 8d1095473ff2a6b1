import { describeHandle, openDatabase } from "../lib/db/open";
import { resolveTarget } from "../lib/db/client";
import { catchUpPublicationLog } from "../lib/ledger/log";
import { runCli } from "./cli";

await runCli(async () => {
  const target = resolveTarget();
  const handle = await openDatabase(target, { migrate: true });
  try {
    console.log(`Migrated ${describeHandle(target, handle)}: ${handle.migrations.applied.length} applied, ${handle.migrations.alreadyApplied} already there.`);
    const logged = await catchUpPublicationLog(handle.db);
    if (logged > 0) console.log(`Public log: ${logged} earlier publications appended.`);
  } finally {
    await handle.close();
  }
});
