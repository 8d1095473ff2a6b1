import "server-only";
import { getDb } from "../db";
import type { Role } from "../generated/prisma/enums";

export type UserListItem = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: string };

/** Every account for the admin screen: enabled first, then by name. Never the password hash. */
export async function listUsers(): Promise<UserListItem[]> {
  const db = await getDb();
  const rows = await db.user.findMany({
    orderBy: [{ disabled: "asc" }, { name: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
