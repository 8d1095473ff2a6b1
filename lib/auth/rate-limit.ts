import type { Db } from "../db/client";

// Failed sign-ins tolerated inside the window before the account or the address is paused.
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export type LoginGate = { allowed: true } | { allowed: false; message: string };

export async function checkLoginAllowed(db: Db, email: string, ip: string): Promise<LoginGate> {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (byAccount >= LOGIN_LIMITS.perAccount) {
    return {
      allowed: false,
      message: `Too many failed sign-ins for this account. Try again in ${LOGIN_LIMITS.windowMinutes} minutes or ask an admin.`,
    };
  }
  if (byAddress >= LOGIN_LIMITS.perAddress) {
    return {
      allowed: false,
      message: `Too many failed sign-ins from your network. Try again in ${LOGIN_LIMITS.windowMinutes} minutes.`,
    };
  }
  return { allowed: true };
}

export async function recordLoginAttempt(db: Db, attempt: { email: string; ip: string; success: boolean }) {
  await db.loginAttempt.create({ data: attempt });
}
