import type { Db } from "../db/client";

/**
 * Sign-out: the user's session version moves on, so the signed-out cookie (and any copy of it) is
 * refused on its next request (lib/auth/actor.ts compares versions). Only a token whose version is
 * still current moves it; an already-dead token changes nothing.
 */
export async function endSession(db: Db, token: { userId?: unknown; sessionVersion?: unknown } | null | undefined): Promise<void> {
  if (!token || typeof token.userId !== "string" || typeof token.sessionVersion !== "number") return;
  await db.user.updateMany({ where: { id: token.userId, sessionVersion: token.sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}
