import type { NotificationKind } from "./generated/prisma/enums";

/** What each notification says after the name of whoever caused it. */
const BY_SOMEONE: Record<NotificationKind, string> = {
  ASSIGNED: "assigned you a claim",
  REVIEW_REQUESTED: "submitted a verdict for review",
  APPROVED: "approved the verdict",
  SENT_BACK: "sent the verdict back",
  MENTIONED: "mentioned you",
  SOURCE_CHANGED: "found that a cited source changed",
  SOURCE_GONE: "found that a cited source is gone",
};

/** "Marat Editor assigned you a claim"; a notification nobody caused comes from the source recheck. */
export function notificationSentence(kind: NotificationKind, actorName: string | null): string {
  return `${actorName ?? "The source recheck"} ${BY_SOMEONE[kind]}`;
}
