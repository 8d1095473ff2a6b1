import { resolveTarget } from "../lib/db/client";
import { describeHandle, openDatabase } from "../lib/db/open";
import { seedDemo } from "../lib/seed/demo";
import { runCli } from "../scripts/cli";

await runCli(async () => {
  const target = resolveTarget();
  const handle = await openDatabase(target, { migrate: true });
  try {
    const { created } = await seedDemo(handle.db);
    const summary = Object.entries(created).map(([what, n]) => `${n} ${what}`).join(", ");
    console.log(`Seeded ${describeHandle(target, handle)}: ${summary || "nothing new (already seeded)"}.`);
  } finally {
    await handle.close();
  }
});
