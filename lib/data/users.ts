import "server-only";
import { getDb } from "../db";
import type { Role } from "../generated/prisma/enums";

export type UserListItem = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: string; lastSignInAt: string | null };

/**
 * The accounts for the admin screen, optionally those whose name or email holds `search`
 * (case ignored): enabled first, then by name. Never the password hash.
 */
export async function listUsers(search?: string): Promise<UserListItem[]> {
  const db = await getDb();
  const rows = await db.user.findMany({
    where: search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search, mode: "insensitive" } }] } : undefined,
    orderBy: [{ disabled: "asc" }, { name: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, lastSignInAt: true },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), lastSignInAt: row.lastSignInAt?.toISOString() ?? null }));
}
