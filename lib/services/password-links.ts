import { z } from "zod";
import { writeAudit } from "../audit";
import { hashPassword } from "../auth/password";
import { findOpenPasswordLink, LINK_NOT_VALID, tokenDigest } from "../auth/password-links";
import { markLoginSucceeded, reserveLoginSlot } from "../auth/rate-limit";
import type { Db } from "../db/client";
import { ok, type Result } from "../errors";
import { systemLog } from "../log";
import { passwordLinkTokenSchema, setPasswordSchema } from "../validations/user";

/*
 * Sets a password through a one-time link (/set-password/<token>): a public, session-less action.
 * The token is 256 random bits, so it cannot be guessed; attempts are still bounded by the sign-in
 * throttle (lib/auth/rate-limit.ts): each use of a link takes a slot under the pseudo-account
 * below, so one address gets at most 5 failed uses per 15 minutes, and they count towards its 20
 * failures of any kind. Unknown, expired, used and replaced links all get the same sentence, and
 * the answer never names the account, so the page reveals nothing about which emails exist.
 */
const THROTTLE_KEY = "(set-password link)";

export type SetPasswordDone = { purpose: "INVITE" | "RESET" };

export async function setPasswordWithLink(db: Db, rawInput: unknown, ip: string): Promise<Result<SetPasswordDone>> {
  const parsed = setPasswordSchema.safeParse(rawInput);
  const token = typeof (rawInput as { token?: unknown } | null)?.token === "string" ? (rawInput as { token: string }).token : "";
  if (!passwordLinkTokenSchema.safeParse(token).success) return { ok: false, code: "NOT_FOUND", message: LINK_NOT_VALID };
  if (!parsed.success) {
    return {
      ok: false,
      code: "VALIDATION",
      message: "Some fields need attention.",
      fieldErrors: z.flattenError(parsed.error as z.ZodError<unknown>).fieldErrors as Record<string, string[]>,
    };
  }
  const slot = await reserveLoginSlot(db, THROTTLE_KEY, ip);
  if (!slot.allowed) return { ok: false, code: "RATE_LIMITED", message: "Too many attempts from your network. Try again in 15 minutes." };
  if (!(await findOpenPasswordLink(db, token))) return { ok: false, code: "NOT_FOUND", message: LINK_NOT_VALID };

  // Hashing is slow on purpose: before the transaction, which then checks the link again under a lock.
  const passwordHash = await hashPassword(parsed.data.password);
  const done = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "password_links" WHERE "token_sha256" = ${tokenDigest(token)} FOR UPDATE`;
    const link = locked ? await findOpenPasswordLink(tx, token) : null;
    if (!link) return null;
    await tx.passwordLink.update({ where: { id: link.id }, data: { usedAt: new Date() } });
    const after = await tx.user.update({
      where: { id: link.user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, sessionVersion: true },
    });
    await tx.loginAttempt.deleteMany({ where: { email: after.email, success: false } });
    // Nobody is signed in: the person acts through the link, so the row has no actor.
    await writeAudit(tx, {
      actorId: null,
      action: "user.password_set",
      entityType: "user",
      entityId: after.id,
      before: { sessionVersion: link.user.sessionVersion },
      after: { sessionVersion: after.sessionVersion, passwordChanged: true, via: link.purpose === "INVITE" ? "invitation link" : "reset link", linkId: link.id },
    });
    return { purpose: link.purpose };
  });
  if (!done) return { ok: false, code: "NOT_FOUND", message: LINK_NOT_VALID };
  await markLoginSucceeded(db, slot.attemptId);
  systemLog().info({ event: "user.password_set" }, "password set through a link");
  return ok(done);
}
