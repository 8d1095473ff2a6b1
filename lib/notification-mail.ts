import { createTransport } from "nodemailer";
import type { Db } from "./db/client";
import { getEnv, type Env } from "./env";
import { systemLog } from "./log";
import { notificationSentence } from "./notification-text";

// Only recent notifications are mailed: switching mail on must not send a backlog.
const MAIL_WINDOW_MS = 24 * 60 * 60 * 1000;

/*
 * The e-mail copy of desk notifications, sent after the commit by the Server Actions that notify
 * (never inside the transaction: a mail must not go out for a change that rolled back). Only with
 * DESK_NOTIFICATION_EMAILS=1 and SMTP_URL. Each row is claimed (emailed_at set) before it is sent,
 * so two concurrent callers never mail it twice; a failed send is logged and not retried. The mail
 * names the claim and links the desk; it never quotes a comment.
 */
export async function sendNotificationEmails(db: Db, env: Pick<Env, "DESK_NOTIFICATION_EMAILS" | "SMTP_URL" | "SMTP_FROM" | "NEXTAUTH_URL" | "PUBLIC_BASE_URL"> = getEnv()): Promise<{ sent: number; failed: number }> {
  if (!env.DESK_NOTIFICATION_EMAILS || !env.SMTP_URL) return { sent: 0, failed: 0 };
  const claimed = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "notifications" SET "emailed_at" = now()
    WHERE "id" IN (SELECT "id" FROM "notifications" WHERE "emailed_at" IS NULL AND "read_at" IS NULL
                   AND "created_at" > ${new Date(Date.now() - MAIL_WINDOW_MS)} ORDER BY "created_at" LIMIT 100 FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const rows = await db.notification.findMany({
    where: { id: { in: claimed.map((c) => c.id) } },
    select: { id: true, kind: true, recipient: { select: { email: true, disabled: true } }, actor: { select: { name: true } }, claim: { select: { slug: true, text: true } } },
  });
  const base = (env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL).replace(/\/+$/, "");
  const transport = createTransport(env.SMTP_URL);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    if (row.recipient.disabled) continue;
    const sentence = notificationSentence(row.kind, row.actor?.name ?? null);
    try {
      await transport.sendMail({
        from: env.SMTP_FROM,
        to: row.recipient.email,
        subject: sentence,
        text: `${sentence} on the claim:\n\n“${row.claim.text}”\n\n${base}/desk/claims/${row.claim.slug}\n\nAll your notifications: ${base}/desk/notifications\n`,
      });
      sent += 1;
    } catch (error) {
      failed += 1;
      systemLog().warn({ event: "desk.notification_mail_failed", notificationId: row.id, err: error instanceof Error ? error.message : String(error) }, "notification mail not sent");
    }
  }
  transport.close();
  return { sent, failed };
}
