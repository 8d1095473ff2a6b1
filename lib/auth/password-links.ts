import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../db/client";
import type { PasswordLinkPurpose } from "../generated/prisma/enums";

/** How long a link works: an invitation may wait over a weekend, a reset is asked for and used at once. */
export const LINK_LIFETIME_MS: Record<PasswordLinkPurpose, number> = { INVITE: 72 * 60 * 60 * 1000, RESET: 60 * 60 * 1000 };

/** The one sentence for an unknown, expired, used or replaced link: it never says which. */
export const LINK_NOT_VALID = "This link is not valid: it may have expired, been used already or been replaced by a newer one. Ask an admin for a new link.";

/** The SHA-256 (hex) of a token: the only form the database keeps. */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The path a person opens; the admin adds the desk's address. */
export function passwordLinkPath(token: string): string {
  return `/set-password/${token}`;
}

/**
 * Issues a one-time link for `userId` inside the caller's transaction: 32 random bytes (256 bits)
 * in base64url, stored only as their SHA-256, and every older open link of that person voided
 * (the partial unique index `password_links_one_open_per_user` enforces one open link). The token
 * is returned once, for the admin to copy and for the e-mail; it cannot be read back.
 */
export async function issuePasswordLink(tx: Tx, options: { userId: string; purpose: PasswordLinkPurpose; createdById: string | null }) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[options.purpose]);
  const voided = await tx.passwordLink.updateMany({
    where: { userId: options.userId, usedAt: null, voidedAt: null },
    data: { voidedAt: now },
  });
  const link = await tx.passwordLink.create({
    data: { userId: options.userId, purpose: options.purpose, tokenSha256: tokenDigest(token), createdById: options.createdById, createdAt: now, expiresAt },
    select: { id: true, purpose: true, expiresAt: true },
  });
  return { token, link, voided: voided.count };
}

/** The open link a token names, with its person, or null (unknown, used, voided, expired, or the account disabled). */
export async function findOpenPasswordLink(tx: Db | Tx, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const link = await tx.passwordLink.findUnique({
    where: { tokenSha256: tokenDigest(token) },
    select: { id: true, purpose: true, expiresAt: true, usedAt: true, voidedAt: true, user: { select: { id: true, name: true, email: true, disabled: true, sessionVersion: true } } },
  });
  if (!link || link.usedAt || link.voidedAt || link.expiresAt.getTime() <= Date.now() || link.user.disabled) return null;
  return link;
}
