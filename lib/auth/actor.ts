import type { Db } from "../db/client";
import type { Role } from "../generated/prisma/enums";
import { AppError } from "../errors";
import { can, type Permission } from "./permissions";

/** What the session cookie carries: who, and which version of their account it was issued for. */
export type SessionRef = { userId: string; sessionVersion: number } | null;

export type Actor = { id: string; email: string; name: string; role: Role };

/**
 * Reads the user behind a session from the database on every call, so a role change, a disabled
 * account or a bumped session version takes effect on the very next request.
 */
export async function loadActor(db: Db, session: SessionRef): Promise<Actor | null> {
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function requireActor(db: Db, session: SessionRef, permission: Permission): Promise<Actor> {
  const actor = await loadActor(db, session);
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in again: your session has ended.");
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role does not allow this (${permission}).`);
  }
  return actor;
}
