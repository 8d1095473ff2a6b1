import type { Db } from "../db/client";

/*
 * Retention (docs/readers.md): readers' e-mail addresses are deleted READER_EMAIL_RETENTION_DAYS
 * after their request arrived, whatever its state; the rate-limit rows (addresses of senders) after
 * a day. Run by npm run readers:purge (daily from cron or a timer) and at every start.
 */
export async function purgeReaderData(db: Db, options: { retentionDays: number; now?: Date }): Promise<{ emails: number; slots: number }> {
  const now = options.now ?? new Date();
  const emailsBefore = new Date(now.getTime() - options.retentionDays * 24 * 60 * 60 * 1000);
  const slotsBefore = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const emails = await db.readerRequest.updateMany({ where: { email: { not: null }, createdAt: { lt: emailsBefore } }, data: { email: null } });
  const slots = await db.readerRequestSlot.deleteMany({ where: { createdAt: { lt: slotsBefore } } });
  return { emails: emails.count, slots: slots.count };
}
