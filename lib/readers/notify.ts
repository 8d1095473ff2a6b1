import { createTransport } from "nodemailer";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { claimUrl } from "../public/claim-review";
import { systemLog } from "../log";

/*
 * Telling readers that their correction request was answered. Closing the request marks the notice
 * PENDING inside the publishing transaction; this runs after the commit (the publish action, and
 * npm run readers:purge as a retry), so a mail is never sent for a publication that rolled back.
 * Once sent, the address is deleted at once. Without SMTP_URL nothing is sent and the desk sees
 * "not notified". Logs carry the request's reference, never the address.
 */
export async function sendPendingNotices(db: Db): Promise<{ sent: number; failed: number }> {
  const env = getEnv();
  const log = systemLog();
  const pending = await db.readerRequest.findMany({
    where: { notice: "PENDING", status: "ACTED", closeReason: "CORRECTED", email: { not: null } },
    select: { id: true, reference: true, email: true, claim: { select: { slug: true } } },
    take: 100,
  });
  if (pending.length === 0) return { sent: 0, failed: 0 };
  if (!env.SMTP_URL) {
    await db.readerRequest.updateMany({ where: { id: { in: pending.map((p) => p.id) }, notice: "PENDING" }, data: { notice: "NOT_CONFIGURED" } });
    return { sent: 0, failed: 0 };
  }
  const transport = createTransport(env.SMTP_URL);
  let sent = 0;
  let failed = 0;
  for (const request of pending) {
    const link = request.claim ? claimUrl(env.PUBLIC_BASE_URL, request.claim.slug) : env.PUBLIC_BASE_URL;
    try {
      await transport.sendMail({
        from: env.SMTP_FROM,
        to: request.email!,
        subject: `Your correction request ${request.reference} was answered`,
        text: `Thank you for your correction request ${request.reference}.\n\nWe have published a correction or update in response:\n${link}\n\nWe have now deleted your e-mail address.\n`,
      });
      await db.readerRequest.update({ where: { id: request.id }, data: { notice: "SENT", email: null } });
      sent += 1;
    } catch (error) {
      await db.readerRequest.update({ where: { id: request.id }, data: { notice: "FAILED" } });
      log.warn({ event: "reader.notice_failed", reference: request.reference, err: error instanceof Error ? error.message : String(error) }, "reader notice not sent");
      failed += 1;
    }
  }
  transport.close();
  return { sent, failed };
}
