import type { ClaimStatus } from "../generated/prisma/enums";

/**
 * The claim status workflow: new -> researching -> verdict drafted -> in review -> published,
 * back to researching on rejection; a claim can be retracted from any state but stays visible.
 * Enforced on the server (lib/services) whatever the UI shows.
 */
export const CLAIM_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  NEW: ["RESEARCHING", "RETRACTED"],
  RESEARCHING: ["VERDICT_DRAFTED", "RETRACTED"],
  VERDICT_DRAFTED: ["IN_REVIEW", "RESEARCHING", "RETRACTED"],
  IN_REVIEW: ["PUBLISHED", "RESEARCHING", "RETRACTED"],
  // A correction sends a published claim through review again.
  PUBLISHED: ["IN_REVIEW", "RETRACTED"],
  RETRACTED: [],
};

export const CLAIM_STATUS_LABEL: Record<ClaimStatus, string> = {
  NEW: "New",
  RESEARCHING: "Researching",
  VERDICT_DRAFTED: "Verdict drafted",
  IN_REVIEW: "In review",
  PUBLISHED: "Published",
  RETRACTED: "Retracted",
};

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return CLAIM_TRANSITIONS[from].includes(to);
}

/**
 * Statuses a person may pick by hand. Reaching "in review" and "published" happens through the
 * verdict actions (submit, publish), so the claim and its verdict never disagree; retraction goes
 * through retractClaim (editors, with a public note), never a bare status change.
 */
export const MANUAL_TARGETS: readonly ClaimStatus[] = ["RESEARCHING", "VERDICT_DRAFTED"];
