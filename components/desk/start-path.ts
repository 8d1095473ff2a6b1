import type { Role } from "@/lib/generated/prisma/enums";

/** Where each role starts: a fact-checker's own work, an editor's review queue, an admin's overview. */
export function startPath(role: Role): string {
  if (role === "EDITOR") return "/desk/review";
  if (role === "ADMIN") return "/desk/admin";
  return "/desk/my-work";
}
