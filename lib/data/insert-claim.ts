import "server-only";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { uniqueSlug } from "../domain/slug";
import { resolveClaimant } from "./claimants";
import type { ClaimantType, ClaimKind } from "../generated/prisma/enums";

export type NewClaim = {
  text: string;
  claimant: string;
  claimantType?: ClaimantType | null;
  kind: ClaimKind;
  claimedAt?: Date | null;
  storyId?: string | null;
  assigneeId?: string | null;
  documentId?: string | null;
  sentence?: string | null;
  sentenceStart?: number | null;
};

const SELECT = {
  id: true, slug: true, text: true, claimant: true, claimantType: true, claimedAt: true, kind: true, status: true,
  storyId: true, documentId: true, sentence: true, sentenceStart: true, assigneeId: true,
} as const;

/**
 * The one way a claim is written: the row (status NEW, a fresh slug) and its audit entry, in the
 * caller's transaction. "New claim" and claims created from an article's candidates both come here;
 * both run the duplicate check (findSimilarClaims) before. The claimant is a record, found by name or
 * alias or created (resolveClaimant): the claim carries its name and type.
 */
export async function insertClaim(tx: Tx, claim: NewClaim, options: { actorId: string; via?: string }) {
  const claimant = await resolveClaimant(tx, { name: claim.claimant, type: claim.claimantType }, options.actorId);
  const row = await tx.claim.create({
    data: {
      slug: uniqueSlug(claim.text),
      text: claim.text,
      claimant: claimant.name,
      claimantType: claimant.type,
      claimantId: claimant.id,
      kind: claim.kind,
      status: "NEW",
      claimedAt: claim.claimedAt ?? null,
      storyId: claim.storyId ?? null,
      assigneeId: claim.assigneeId ?? null,
      documentId: claim.documentId ?? null,
      sentence: claim.sentence ?? null,
      sentenceStart: claim.sentenceStart ?? null,
      createdById: options.actorId,
    },
    select: SELECT,
  });
  await writeAudit(tx, {
    actorId: options.actorId,
    action: "claim.create",
    entityType: "claim",
    entityId: row.id,
    after: options.via ? { ...row, source: options.via } : row,
  });
  return row;
}
