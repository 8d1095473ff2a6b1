import { defineAction } from "./define";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { can } from "../auth/permissions";
import { AppError } from "../errors";
import { bulkClaimsSchema, type BulkClaimsInput } from "../validations/claim";
import { applyAssignment, applyManualTransition, fieldError } from "./claims";
import { assertClaimEditable, reopenApproval } from "./publications";

export type BulkOutcome = { done: { id: string; slug: string }[]; refused: { id: string; slug: string | null; message: string }[] };

const PERMISSION = { assign: "claim.assign", status: "claim.transition", story: "claim.update" } as const;

/**
 * Puts a claim in a story (or none) inside the caller's transaction. The story is part of the
 * claim's public content, so an approval of the old content is reopened; a claim whose figures
 * count the old story's vocabulary cannot move.
 */
export async function applyStoryTag(tx: Tx, options: { claimId: string; storyId: string | null; actorId: string }) {
  await assertClaimEditable(tx, options.claimId);
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: options.claimId }, select: { storyId: true } });
  if (claim.storyId === options.storyId) return { id: options.claimId };
  if (options.storyId && !(await tx.story.findFirst({ where: { id: options.storyId, archivedAt: null }, select: { id: true } }))) {
    throw fieldError("storyId", "That story no longer exists or is archived.");
  }
  if ((await tx.reportedFigure.count({ where: { evidence: { claimId: options.claimId } } })) > 0) {
    throw new AppError("INVALID_STATE", "Its figures count things from its story’s vocabulary: remove them before moving it to another story.");
  }
  await tx.claim.update({ where: { id: options.claimId }, data: { storyId: options.storyId, version: { increment: 1 } } });
  await writeAudit(tx, { actorId: options.actorId, action: "claim.story", entityType: "claim", entityId: options.claimId, before: { storyId: claim.storyId }, after: { storyId: options.storyId } });
  await reopenApproval(tx, options.claimId, options.actorId);
  return { id: options.claimId };
}

function applyOne(tx: Tx, claimId: string, input: BulkClaimsInput, actorId: string) {
  if (input.operation === "assign") return applyAssignment(tx, { claimId, assigneeId: input.assigneeId ?? null, actorId });
  if (input.operation === "status") return applyManualTransition(tx, { claimId, to: input.to!, actorId });
  return applyStoryTag(tx, { claimId, storyId: input.storyId ?? null, actorId });
}

/**
 * Applies one operation to each ticked claim, each in its own transaction with its own audit row,
 * so one refusal (a verdict in review, a retracted claim) leaves the others done and is reported
 * by claim. A bad target (an unknown assignee, an archived story) refuses the whole request before any write.
 */
export const bulkUpdateClaims = defineAction({
  permission: "claim.assign",
  schema: bulkClaimsSchema,
  run: async ({ db, actor, input }): Promise<BulkOutcome> => {
    if (!can(actor.role, PERMISSION[input.operation])) throw new AppError("FORBIDDEN", `Your role does not allow this (${PERMISSION[input.operation]}).`);
    if (input.operation === "assign" && input.assigneeId && !(await db.user.findFirst({ where: { id: input.assigneeId, disabled: false }, select: { id: true } }))) {
      throw fieldError("assigneeId", "Choose an active member of the desk.");
    }
    if (input.operation === "story" && input.storyId && !(await db.story.findFirst({ where: { id: input.storyId, archivedAt: null }, select: { id: true } }))) {
      throw fieldError("storyId", "That story no longer exists or is archived.");
    }
    const ids = [...new Set(input.ids)];
    const claims = await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
    const slugs = new Map(claims.map((c) => [c.id, c.slug]));
    const outcome: BulkOutcome = { done: [], refused: [] };
    for (const id of ids) {
      const slug = slugs.get(id) ?? null;
      if (!slug) {
        outcome.refused.push({ id, slug, message: "This claim no longer exists." });
        continue;
      }
      try {
        await db.$transaction((tx) => applyOne(tx, id, input, actor.id));
        outcome.done.push({ id, slug });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcome.refused.push({ id, slug, message: error.message });
      }
    }
    return outcome;
  },
});
