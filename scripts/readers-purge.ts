import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { getEnv } from "../lib/env";
import { sendPendingNotices } from "../lib/readers/notify";
import { purgeReaderData } from "../lib/readers/purge";
import { runCli } from "./cli";

// `npm run readers:purge`: retries pending reader notices, then deletes readers' e-mail addresses
// older than READER_EMAIL_RETENTION_DAYS and rate-limit rows older than a day (docs/readers.md).
await runCli(async () => {
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const notices = await sendPendingNotices(handle.db);
    const retentionDays = getEnv().READER_EMAIL_RETENTION_DAYS;
    const purged = await purgeReaderData(handle.db, { retentionDays });
    console.log(`Reader notices sent: ${notices.sent}, failed: ${notices.failed}. E-mail addresses deleted (older than ${retentionDays} days): ${purged.emails}. Rate-limit rows deleted: ${purged.slots}.`);
  } finally {
    await handle.close();
  }
});
