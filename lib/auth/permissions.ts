import type { Role } from "../generated/prisma/enums";

/** Everything a signed-in user can do. Each Server Action and Route Handler names one. */
export const PERMISSIONS = [
  "desk.read",
  "claim.create",
  "claim.update",
  "claim.assign",
  "claim.transition",
  "comment.create",
  "evidence.create",
  "evidence.delete",
  "document.import",
  "vocabulary.propose",
  "vocabulary.manage",
  "claimant.manage",
  "verdict.draft",
  "verdict.submit",
  "verdict.review",
  "verdict.publish",
  "request.triage",
  "story.manage",
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
  // Anyone on the desk discusses a claim and mentions colleagues.
  "comment.create",
  "evidence.create",
  "evidence.delete",
  "document.import",
  // Fact-checkers add what a new figure counts; editors curate the vocabulary (rename, synonyms, running total, merge).
  "vocabulary.propose",
  "verdict.draft",
  "verdict.submit",
  "request.triage",
];
// Fact-checkers create a claimant by naming a new one in a claim form; editors curate them (type, sameAs, aliases).
// Editors also create, edit and archive stories (a story's public title and summary: lib/services/stories.ts).
const EDITOR: Permission[] = [...FACT_CHECKER, "vocabulary.manage", "claimant.manage", "verdict.review", "verdict.publish", "story.manage"];
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
