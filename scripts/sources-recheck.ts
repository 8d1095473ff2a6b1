import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { recheckSources } from "../lib/services/source-recheck";
import { runCli } from "./cli";

// `npm run sources:recheck`: fetches every cited source with a snapshot again and records change and
// disappearance alerts (README, "Rechecking sources"). Run it from cron or a systemd timer.
await runCli(async () => {
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const reports = await recheckSources(handle.db);
    for (const r of reports.filter((x) => x.outcome !== "unchanged")) {
      console.log(`${r.outcome.padEnd(9)} ${r.url}${r.detail ? ` (${r.detail})` : ""}`);
    }
    const count = (o: string) => reports.filter((r) => r.outcome === o).length;
    console.log(`Sources rechecked: ${reports.length}; unchanged ${count("unchanged")}, changed ${count("changed")}, gone ${count("gone")}, failed ${count("failed")}.`);
  } finally {
    await handle.close();
  }
});
