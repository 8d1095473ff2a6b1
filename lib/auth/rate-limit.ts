import type { Db } from "../db/client";

/*
 * Sign-in throttling. Failed attempts are counted inside a sliding window, per pair of account and
 * address and per address:
 *  - perPair: after 5 failures for one account from one address, that address may not try that
 *    account again for the window. Other addresses (the account's owner) are not affected, so a
 *    stranger who knows an editor's email cannot lock the editor out: only themselves.
 *  - perAddress: after 20 failures from one address, whatever the accounts, the address is paused
 *    (password spraying).
 * The slot is taken before the password is checked, by one call to the database function
 * reserve_login_slot (migration 20261130000000): under advisory locks on the pair and on the
 * address it counts the failures (and attempts still being checked) and writes a row as a failure;
 * a correct password turns it into a success afterwards. Concurrent attempts therefore queue on the
 * lock and see each other, so no more than the limit are ever evaluated, and the locks are held
 * for one statement only, never across round trips to the app.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perPair: 5, perAddress: 20 } as const;

export type LoginSlot = { allowed: true; attemptId: bigint } | { allowed: false; message: string };

export async function reserveLoginSlot(db: Db, email: string, ip: string): Promise<LoginSlot> {
  const [slot] = await db.$queryRaw<{ outcome: "allowed" | "pair" | "address"; attempt_id: bigint | null }[]>`
    SELECT outcome, attempt_id FROM reserve_login_slot(${email}, ${ip}, ${LOGIN_LIMITS.windowMinutes}::integer, ${LOGIN_LIMITS.perPair}::integer, ${LOGIN_LIMITS.perAddress}::integer)`;
  if (slot?.outcome === "allowed" && slot.attempt_id !== null) return { allowed: true, attemptId: slot.attempt_id };
  if (slot?.outcome === "pair") {
    return {
      allowed: false,
      message: `Too many failed sign-ins for this account. Try again in ${LOGIN_LIMITS.windowMinutes} minutes or ask an admin.`,
    };
  }
  return { allowed: false, message: `Too many failed sign-ins from your network. Try again in ${LOGIN_LIMITS.windowMinutes} minutes.` };
}

/** The password was right and the account enabled: the reserved failure becomes a success. */
export async function markLoginSucceeded(db: Db, attemptId: bigint): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}
