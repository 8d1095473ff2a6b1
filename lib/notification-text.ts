import type { NotificationKind } from "./generated/prisma/enums";

/** What each notification says, after the actor's name. */
export const NOTIFICATION_TEXT: Record<NotificationKind, string> = {
  ASSIGNED: "assigned you a claim",
  REVIEW_REQUESTED: "submitted a verdict for review",
  APPROVED: "approved the verdict",
  SENT_BACK: "sent the verdict back",
  MENTIONED: "mentioned you",
};
