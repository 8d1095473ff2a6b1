import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "../db";
import { getAuthOptions } from "./options";
import { loadActor, type Actor, type SessionRef } from "./actor";
import { can, type Permission } from "./permissions";

/** The session reference from the cookie; the role is never trusted from it. */
export async function currentSession(): Promise<SessionRef> {
  await connection(); // per request, never prerendered
  const session = (await getServerSession(getAuthOptions())) as { userId?: unknown; sessionVersion?: unknown } | null;
  if (!session || typeof session.userId !== "string" || typeof session.sessionVersion !== "number") return null;
  return { userId: session.userId, sessionVersion: session.sessionVersion };
}

export async function currentActor(): Promise<Actor | null> {
  const session = await currentSession();
  return session ? loadActor(await getDb(), session) : null;
}

/** For desk pages: sends anonymous callers to sign in and refuses roles without the permission. */
export async function requirePageActor(permission: Permission = "desk.read"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!can(actor.role, permission)) redirect("/desk?denied=1");
  return actor;
}
