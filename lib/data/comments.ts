import "server-only";
import { getDb } from "../db";
import type { Tx } from "../db/client";
import { mentionHandle } from "../mentions";

export type CommentItem = { id: string; body: string; createdAt: string; author: { id: string; name: string } };

/** A claim's desk conversation, oldest first. Desk-only: no public reader imports this module. */
export async function listClaimComments(claimId: string): Promise<CommentItem[]> {
  const db = await getDb();
  const rows = await db.claimComment.findMany({
    where: { claimId },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Active desk users a comment can mention. */
export async function listMentionable(tx: Tx) {
  return tx.user.findMany({ where: { disabled: false }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}

/** The handles the comment form suggests ("@checker2"), every active user but the caller. */
export async function getMentionHandles(exceptUserId: string): Promise<string[]> {
  const db = await getDb();
  const users = await db.user.findMany({ where: { disabled: false, id: { not: exceptUserId } }, orderBy: { name: "asc" }, select: { email: true } });
  return users.map(mentionHandle);
}
