import { verifyPassword } from "../auth/password";
import type { Db } from "../db/client";
import { demoUsers } from "../../prisma/seed-data";

/*
 * Demo data only where it is a demo: the embedded database (the two-command quick start), or
 * anywhere else only when asked explicitly (`npm start -- --demo`, CLAIMDESK_DEMO=1).
 */

export function isDemoRequested(options: { embedded: boolean; argv: string[]; demoEnv: boolean }): boolean {
  return options.embedded || options.demoEnv || options.argv.includes("--demo");
}

export class DemoPasswordError extends Error {
  override name = "DemoPasswordError";
}

/**
 * The accounts whose stored hash still matches a published demo password. Only the seeded demo
 * accounts can have one (the password rules refuse them everywhere else), so each is checked
 * against its own: at most five hashes, whatever the number of accounts.
 */
export async function findDemoPasswordAccounts(db: Db, accounts: ReadonlyArray<{ email: string; password: string }> = demoUsers): Promise<string[]> {
  const demo = new Map(accounts.map((u) => [u.email, u.password]));
  const stored = await db.user.findMany({
    where: { email: { in: [...demo.keys()] }, disabled: false },
    select: { email: true, passwordHash: true },
  });
  const matches = await Promise.all(
    stored.map(async (a) => {
      const password = demo.get(a.email);
      return password && (await verifyPassword(password, a.passwordHash)) ? a.email : null;
    }),
  );
  return matches.filter((email): email is string => email !== null);
}

/** Throws a DemoPasswordError naming the accounts when any still has its demo password. */
export async function refuseDemoPasswords(db: Db): Promise<void> {
  const accounts = await findDemoPasswordAccounts(db);
  if (accounts.length === 0) return;
  throw new DemoPasswordError(
    `Refusing to start in production: ${accounts.join(", ")} still ${accounts.length === 1 ? "has its" : "have their"} demo password, published in the README. ` +
      `Set a new one (npm run user:password -- --email ${accounts[0]}) or disable the account; for a demo, start with CLAIMDESK_DEMO=1.`,
  );
}
