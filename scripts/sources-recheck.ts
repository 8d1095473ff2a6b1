import { parseArgs } from "node:util";
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { sendNotificationEmails } from "../lib/notification-mail";
import { recheckSources } from "../lib/services/source-recheck";
import { runCli } from "./cli";

// `npm run sources:recheck`: fetches every cited source with a snapshot again, records change and
// disappearance alerts and tells the people on the claims that cite them (README, "Rechecking
// sources"). Run it from cron or a systemd timer.
// `-- --source <id>` (repeatable) rechecks only those sources, e.g. one an editor asks about now.
const { values } = parseArgs({ options: { source: { type: "string", multiple: true } } });
const SOURCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

await runCli(async () => {
  const bad = values.source?.find((id) => !SOURCE_ID.test(id));
  if (bad !== undefined) throw new Error(`--source takes a source id (a UUID), not “${bad}”`);
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const reports = await recheckSources(handle.db, { sourceIds: values.source });
    for (const r of reports.filter((x) => x.outcome !== "unchanged")) {
      console.log(`${r.outcome.padEnd(9)} ${r.url}${r.detail ? ` (${r.detail})` : ""}`);
    }
    const count = (o: string) => reports.filter((r) => r.outcome === o).length;
    console.log(`Sources rechecked: ${reports.length}; unchanged ${count("unchanged")}, changed ${count("changed")}, gone ${count("gone")}, failed ${count("failed")}.`);
    // The desk notifications are written with each alert; their e-mail copies go out after the commit.
    await sendNotificationEmails(handle.db);
  } finally {
    await handle.close();
  }
});
