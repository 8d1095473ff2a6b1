// `npm run dev` runs this first: migrate, and load the demo where it is a demo (the embedded
// database, or `CLAIMDESK_DEMO=1`), like `npm start`, without building.
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { seedDemo } from "../lib/seed/demo";
import { isDemoRequested } from "../lib/seed/demo-policy";
import { checkStartupConfig } from "../lib/env";
import { runCli } from "./cli";

await runCli(async () => {
  const { CLAIMDESK_DEMO } = checkStartupConfig();
  const target = resolveTarget();
  const handle = await openDatabase(target, { migrate: true });
  try {
    if (isDemoRequested({ embedded: target.kind === "pglite", argv: process.argv, demoEnv: CLAIMDESK_DEMO })) await seedDemo(handle.db);
  } finally {
    await handle.close();
  }
});
