import type { SessionRef } from "../../lib/auth/actor";
import type { Db } from "../../lib/db/client";
import { setPasswordWithLink } from "../../lib/services/password-links";
import { createPasswordLink } from "../../lib/services/users";

/** The token at the end of an issued link (/set-password/<token>). */
export function tokenOf(url: string): string {
  const token = new URL(url).pathname.split("/").pop();
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/** An admin makes a reset link for `userId`; returns its token. */
export async function resetLinkToken(admin: SessionRef, userId: string): Promise<string> {
  const issued = await createPasswordLink(admin, { userId });
  if (!issued.ok) throw new Error(`reset link refused: ${JSON.stringify(issued)}`);
  return tokenOf(issued.data.url);
}

/** The whole reset: an admin's link, used by its person to choose `password`. */
export async function resetThroughLink(db: Db, admin: SessionRef, userId: string, password: string, ip = "192.0.2.10") {
  const token = await resetLinkToken(admin, userId);
  return setPasswordWithLink(db, { token, password, confirmPassword: password }, ip);
}
