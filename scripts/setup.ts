// `npm run dev` runs this first: migrate and seed, like `npm start`, without building.
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { seedDemo } from "../lib/seed/demo";
import { checkStartupConfig } from "../lib/env";
import { runCli } from "./cli";

await runCli(async () => {
  checkStartupConfig();
  const handle = await openDatabase(resolveTarget(), { migrate: true });
  try {
    await seedDemo(handle.db);
  } finally {
    await handle.close();
  }
});
