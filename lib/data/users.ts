import "server-only";
import { getDb } from "../db";
import type { Role } from "../generated/prisma/enums";

/**
 * An account made by invitation whose person has not yet chosen a password (no link of theirs was
 * ever used): `open` while their newest link can still be used, with when it lapses.
 */
export type PendingInvitation = { open: boolean; expiresAt: string };

export type UserListItem = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  invitation: PendingInvitation | null;
};

type LinkRow = { purpose: "INVITE" | "RESET"; createdAt: Date; expiresAt: Date; usedAt: Date | null; voidedAt: Date | null };

function pendingInvitation(links: LinkRow[], now = new Date()): PendingInvitation | null {
  if (links.length === 0 || links.some((link) => link.usedAt) || !links.some((link) => link.purpose === "INVITE")) return null;
  const newest = links.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  return { open: !newest.voidedAt && newest.expiresAt > now, expiresAt: newest.expiresAt.toISOString() };
}

/**
 * The accounts for the admin screen, optionally those whose name or email holds `search`
 * (case ignored): enabled first, then by name, each with its pending invitation if any. Never the
 * password hash or a link's token digest.
 */
export async function listUsers(search?: string): Promise<UserListItem[]> {
  const db = await getDb();
  const rows = await db.user.findMany({
    where: search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search, mode: "insensitive" } }] } : undefined,
    orderBy: [{ disabled: "asc" }, { name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      createdAt: true,
      lastSignInAt: true,
      passwordLinks: { select: { purpose: true, createdAt: true, expiresAt: true, usedAt: true, voidedAt: true } },
    },
  });
  return rows.map(({ passwordLinks, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    invitation: pendingInvitation(passwordLinks),
  }));
}
