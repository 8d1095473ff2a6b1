import { ROLE_LABEL } from "@/lib/auth/permissions";
import { RATING_LABEL } from "@/lib/ratings";

// Words for the audit log's codes. A code without words here is shown as written, so a new action
// is never hidden; the code itself stays in the row's technical details.
const ENTITY: Record<string, string> = {
  claim: "claim",
  verdict: "verdict",
  evidence: "evidence",
  user: "user",
  claimant: "claimant",
  document: "article",
  reader_request: "reader request",
  source: "source",
  story: "story",
  counted_thing: "counted thing",
};

const VERB: Record<string, string> = {
  create: "created",
  update: "edited",
  delete: "removed",
  assign: "assigned",
  transition: "status changed",
  conflict_flag: "conflict flag changed",
  import_review: "imported from another fact-checker",
  retract: "retracted",
  merge: "merged",
  import: "imported",
  answer: "answered",
  claim: "turned into a claim",
  link: "linked to a claim",
  close: "closed",
  password_reset: "password reset",
  password_link: "given a password reset link",
  password_set: "password set through a one-time link",
  role_change: "role changed",
  draft: "drafted",
  edit: "edited",
  submit: "submitted for review",
  publish: "published",
  reopen: "reopened",
  supersede: "superseded",
  withdraw: "withdrawn",
  correct: "corrected",
  approve: "approved",
  reject: "sent back",
  disable: "disabled",
  enable: "enabled",
};

export const entityLabel = (type: string) => ENTITY[type] ?? type.replace(/_/g, " ");

/** "verdict.submit" -> "Verdict submitted for review"; "seed.claim.create" -> "Claim created (demo data)". */
export function actionLabel(action: string): string {
  const parts = action.split(".");
  const seeded = parts[0] === "seed";
  const [entity, verb] = seeded ? parts.slice(1) : parts;
  if (!entity || !verb) return action;
  const words = `${entityLabel(entity)} ${VERB[verb] ?? verb.replace(/_/g, " ")}`;
  return `${words[0]!.toUpperCase()}${words.slice(1)}${seeded ? " (demo data)" : ""}`;
}

const VALUE: Record<string, string> = { ...ROLE_LABEL, ...RATING_LABEL };

/** A stored value as a person reads it: enum codes as their labels. */
export const valueLabel = (value: unknown) => (typeof value === "string" && VALUE[value] ? VALUE[value] : null);
