import type { ReaderNotice, ReaderRequestStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABEL: Record<ReaderRequestStatus, string> = { OPEN: "Open", ACTED: "Acted on", DECLINED: "Declined" };

/** What happened to the reader's address; the address itself is never shown. */
export function noticeLabel(notice: ReaderNotice, hasEmail: boolean): string {
  switch (notice) {
    case "NONE":
      return "No e-mail left: the reader cannot be told.";
    case "PENDING":
      return hasEmail ? "E-mail left: the reader will be told when a correction is published." : "E-mail deleted after the retention period.";
    case "SENT":
      return "Reader told by e-mail (address then deleted).";
    case "NOT_CONFIGURED":
      return "Reader not notified: no mail server is configured (SMTP_URL).";
    case "FAILED":
      return "Reader not notified: sending the e-mail failed (npm run readers:purge retries).";
  }
}
