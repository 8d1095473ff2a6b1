import { openDatabase } from "../lib/db/open";
import { describeTarget } from "../lib/db/connect";
import { resolveTarget } from "../lib/db/client";
import { runCli } from "./cli";

await runCli(async () => {
  const target = resolveTarget();
  const handle = await openDatabase(target, { migrate: true });
  console.log(`Migrated ${describeTarget(target)}: ${handle.migrations.applied.length} applied, ${handle.migrations.alreadyApplied} already there.`);
  await handle.close();
});
