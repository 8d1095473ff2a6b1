import { z } from "zod";
import type { Db } from "../db/client";
import { decoyHash, verifyPassword } from "./password";
import { markLoginSucceeded, reserveLoginSlot } from "./rate-limit";
import type { SessionRef } from "./actor";
import { requestLogger } from "../log";

/** One log line per attempt: the outcome and the user id when known, never the password. */
async function logAttempt(outcome: string, userId: string | null): Promise<void> {
  (await requestLogger({ event: "auth.sign_in" })).info({ outcome, userId }, "sign-in attempt");
}

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter your email address"),
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignInOutcome = { ok: true; session: NonNullable<SessionRef> & { name: string; email: string } } | { ok: false; message: string };

/** Checks credentials with rate limiting per account and address and per address (rate-limit.ts); records every attempt. */
export async function signIn(db: Db, input: unknown, ip: string): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    await logAttempt("invalid_input", null);
    return { ok: false, message: "Enter your email address and password." };
  }
  const { email, password } = parsed.data;
  // The slot is taken (and counted as a failure) before the slow password check.
  const slot = await reserveLoginSlot(db, email, ip);
  if (!slot.allowed) {
    await logAttempt("throttled", null);
    return { ok: false, message: slot.message };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, disabled: true, sessionVersion: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  const success = Boolean(user && valid && !user.disabled);
  if (success) {
    await markLoginSucceeded(db, slot.attemptId);
    await db.$executeRaw`UPDATE "users" SET "last_sign_in_at" = now() WHERE "id" = ${user!.id}::uuid`;
  }
  await logAttempt(success ? "ok" : !user || !valid ? "wrong_credentials" : "disabled", user?.id ?? null);
  if (!user || !valid) return { ok: false, message: "Wrong email or password." };
  if (user.disabled) return { ok: false, message: "This account is disabled. Ask an admin." };
  return { ok: true, session: { userId: user.id, sessionVersion: user.sessionVersion, name: user.name, email: user.email } };
}
