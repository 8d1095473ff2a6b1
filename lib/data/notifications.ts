import "server-only";
import { getDb } from "../db";
import type { Tx } from "../db/client";
import type { NotificationKind } from "../generated/prisma/enums";

export type NewNotifications = {
  kind: NotificationKind;
  claimId: string;
  /** Who caused it, never notified of their own act; null for the source recheck. */
  actorId: string | null;
  recipientIds: readonly (string | null | undefined)[];
  commentId?: string;
};

/**
 * Writes one notification per recipient inside the caller's transaction (so it commits with the
 * change it announces). The actor, duplicates and disabled accounts are left out.
 */
export async function createNotifications(tx: Tx, input: NewNotifications): Promise<string[]> {
  const wanted = [...new Set(input.recipientIds.filter((id): id is string => Boolean(id) && id !== input.actorId))];
  if (wanted.length === 0) return [];
  const active = await tx.user.findMany({ where: { id: { in: wanted }, disabled: false }, select: { id: true } });
  const rows = await tx.notification.createManyAndReturn({
    data: active.map((user) => ({ recipientId: user.id, kind: input.kind, claimId: input.claimId, actorId: input.actorId, commentId: input.commentId ?? null })),
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Active editors and admins: who is told that a verdict waits for review. */
export async function listReviewers(tx: Tx): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { disabled: false, role: { in: ["EDITOR", "ADMIN"] } }, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  const db = await getDb();
  return db.notification.count({ where: { recipientId: userId, readAt: null } });
}

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  read: boolean;
  createdAt: string;
  actorName: string | null;
  claim: { slug: string; text: string };
  commentExcerpt: string | null;
};

/** The caller's notifications, unread first, newest first within each. */
export async function listNotifications(userId: string, options: { kind?: NotificationKind; take?: number } = {}): Promise<NotificationItem[]> {
  const db = await getDb();
  const rows = await db.notification.findMany({
    where: { recipientId: userId, kind: options.kind },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: options.take ?? 100,
    select: {
      id: true,
      kind: true,
      readAt: true,
      createdAt: true,
      actor: { select: { name: true } },
      claim: { select: { slug: true, text: true } },
      comment: { select: { body: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
    actorName: row.actor?.name ?? null,
    claim: row.claim,
    commentExcerpt: row.comment ? excerpt(row.comment.body) : null,
  }));
}

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
