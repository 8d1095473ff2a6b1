import type { Role } from "../generated/prisma/enums";

/** Everything a signed-in user can do. Each Server Action and Route Handler names one. */
export const PERMISSIONS = [
  "desk.read",
  "claim.create",
  "claim.update",
  "claim.assign",
  "claim.transition",
  "evidence.create",
  "evidence.delete",
  "document.import",
  "verdict.draft",
  "verdict.submit",
  "verdict.review",
  "verdict.publish",
  "user.manage",
  "audit.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const FACT_CHECKER: Permission[] = [
  "desk.read",
  "claim.create",
  "claim.update",
  "claim.assign",
  "claim.transition",
  "evidence.create",
  "evidence.delete",
  "document.import",
  "verdict.draft",
  "verdict.submit",
];
const EDITOR: Permission[] = [...FACT_CHECKER, "verdict.review", "verdict.publish"];
const ADMIN: Permission[] = [...EDITOR, "user.manage", "audit.read"];

const MATRIX: Record<Role, ReadonlySet<Permission>> = {
  FACT_CHECKER: new Set(FACT_CHECKER),
  EDITOR: new Set(EDITOR),
  ADMIN: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return MATRIX[role].has(permission);
}

export const ROLE_LABEL: Record<Role, string> = { FACT_CHECKER: "Fact-checker", EDITOR: "Editor", ADMIN: "Admin" };
