import { defineAction } from "../actions/define";
import { writeAudit } from "../audit";
import { AppError } from "../errors";
import { publishVerdictSchema, retractClaimSchema, reviewVerdictSchema, VERDICT_STATE_LABEL } from "../validations/verdict";
import { applyClaimTransition } from "./claims";
import { loadVerdict, lockClaim, staleRevision, type VerdictDto } from "./verdicts";

// Deciding on verdicts: review (four eyes), publish, and retraction of the claim.

export const reviewVerdict = defineAction({
  permission: "verdict.review",
  schema: reviewVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadVerdict(tx, input.verdictId);
      if (before.revision !== input.revision) throw staleRevision(before);
      if (before.state !== "SUBMITTED") {
        throw new AppError(
          "INVALID_STATE",
          `This verdict is “${VERDICT_STATE_LABEL[before.state]}”; only verdicts submitted for review can be approved or rejected.`,
        );
      }
      const approving = input.outcome === "APPROVED";
      if (approving) {
        const editor = await tx.verdictEditor.findUnique({ where: { verdictId_userId: { verdictId: before.id, userId: actor.id } } });
        if (editor) {
          throw new AppError("FORBIDDEN", "Four-eyes rule: you wrote or edited this verdict, so another editor must approve it.");
        }
      }
      // The database trigger enforces the same rule, whatever path the insert takes.
      const decision = await tx.reviewDecision.create({
        data: { verdictId: before.id, reviewerId: actor.id, outcome: input.outcome, verdictRevision: input.revision, comment: input.comment },
        select: { id: true, outcome: true, verdictRevision: true, comment: true },
      });
      const updated = await tx.verdict.updateMany({
        where: { id: before.id, state: "SUBMITTED", revision: input.revision },
        data: { state: approving ? "APPROVED" : "REJECTED" },
      });
      if (updated.count === 0) throw staleRevision(await loadVerdict(tx, before.id));
      if (!approving) {
        // A rejected correction leaves the published verdict standing.
        const published = await tx.verdict.count({ where: { claimId: before.claimId, state: "PUBLISHED" } });
        const to = published > 0 ? "PUBLISHED" : "RESEARCHING";
        await applyClaimTransition(tx, { claimId: before.claimId, to, actorId: actor.id, workflow: { via: "verdict.reject" } });
      }
      const after = await loadVerdict(tx, before.id);
      await writeAudit(tx, {
        actorId: actor.id,
        action: approving ? "verdict.approve" : "verdict.reject",
        entityType: "verdict",
        entityId: before.id,
        before,
        after: { ...after, review: decision },
      });
      return after;
    }),
});

/**
 * Publishes an approved verdict exactly once: the conditional update claims the publish, so a
 * double click or a retried request finds it published and returns it unchanged.
 */
export const publishVerdict = defineAction({
  permission: "verdict.publish",
  schema: publishVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const now = new Date();
      const claimed = await tx.verdict.updateMany({ where: { id: input.verdictId, state: "APPROVED" }, data: { publishedAt: now } });
      const before = await loadVerdict(tx, input.verdictId);
      if (claimed.count === 0) {
        if (before.state === "PUBLISHED" || before.state === "SUPERSEDED") return before;
        throw new AppError("INVALID_STATE", `A verdict that is “${VERDICT_STATE_LABEL[before.state]}” cannot be published: it needs an approval first.`);
      }
      const other = await tx.verdict.findFirst({
        where: { claimId: before.claimId, state: "PUBLISHED", ...(before.supersedesId ? { id: { not: before.supersedesId } } : {}) },
        select: { id: true },
      });
      if (other) throw new AppError("CONFLICT", "This claim already has a published verdict: publish a correction of it instead.");
      let superseded: VerdictDto | null = null;
      if (before.supersedesId) {
        // The old verdict leaves "published" first: the database allows one published verdict per claim.
        const old = await tx.verdict.updateMany({ where: { id: before.supersedesId, state: "PUBLISHED" }, data: { state: "SUPERSEDED" } });
        if (old.count === 1) superseded = await loadVerdict(tx, before.supersedesId);
      }
      await tx.verdict.update({ where: { id: before.id }, data: { state: "PUBLISHED" } });
      await applyClaimTransition(tx, { claimId: before.claimId, to: "PUBLISHED", actorId: actor.id, workflow: { via: "verdict.publish" } });
      const after = await loadVerdict(tx, before.id);
      if (superseded) {
        await writeAudit(tx, {
          actorId: actor.id,
          action: "verdict.supersede",
          entityType: "verdict",
          entityId: superseded.id,
          before: { state: "PUBLISHED" },
          after: { state: superseded.state, supersededBy: after.id, correctionNote: after.correctionNote },
        });
      }
      await writeAudit(tx, { actorId: actor.id, action: "verdict.publish", entityType: "verdict", entityId: after.id, before, after });
      return after;
    }),
});

/**
 * Retracting is a status, never a delete. The public note goes in the audit row and, when the
 * claim has a published verdict, on that verdict as its correction note.
 */
export const retractClaim = defineAction({
  permission: "verdict.publish",
  schema: retractClaimSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      await lockClaim(tx, input.claimId);
      const published = await tx.verdict.findFirst({
        where: { claimId: input.claimId, state: "PUBLISHED" },
        select: { id: true, correctionNote: true },
      });
      if (published) {
        const correctionNote = published.correctionNote ? `${published.correctionNote}\n\nRetraction: ${input.note}` : input.note;
        await tx.verdict.update({ where: { id: published.id }, data: { correctionNote } });
        await writeAudit(tx, {
          actorId: actor.id,
          action: "verdict.retraction_note",
          entityType: "verdict",
          entityId: published.id,
          before: { correctionNote: published.correctionNote },
          after: { correctionNote },
        });
      }
      await applyClaimTransition(tx, {
        claimId: input.claimId,
        to: "RETRACTED",
        actorId: actor.id,
        workflow: { via: "claim.retract", action: "claim.retract", note: input.note },
      });
      return { claimId: input.claimId, verdictId: published?.id ?? null, note: input.note };
    }),
});
