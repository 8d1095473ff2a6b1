import { defineAction } from "./define";
import { createNotifications } from "../data/notifications";
import { writeAudit } from "../audit";
import { AppError } from "../errors";
import { publishVerdictSchema, retractClaimSchema, reviewVerdictSchema, VERDICT_STATE_LABEL, withdrawVerdictSchema } from "../validations/verdict";
import { applyClaimTransition } from "./claims";
import { latestPublication, matchesApproval, recordPublication } from "./publications";
import { answerWithPublication, openCorrectionRequests } from "./reader-requests";
import { loadVerdict, lockClaim, staleRevision, type VerdictDto } from "./verdicts";

// Deciding on verdicts: review (four eyes), publish, and retraction of the claim.

export const reviewVerdict = defineAction({
  permission: "verdict.review",
  schema: reviewVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadVerdict(tx, input.verdictId);
      // The approval records a digest of the claim's content: no edit of it may interleave.
      await lockClaim(tx, before.claimId);
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
      const claim = await tx.claim.findUniqueOrThrow({ where: { id: before.claimId }, select: { assigneeId: true } });
      await createNotifications(tx, {
        kind: approving ? "APPROVED" : "SENT_BACK",
        claimId: before.claimId,
        actorId: actor.id,
        recipientIds: [before.authorId, claim.assigneeId],
      });
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
 * Publishes an approved verdict exactly once, as a publication: the claim's public content stored
 * as an immutable snapshot (original, update or correction). The conditional update claims the
 * publish, so a double click or a retried request finds it published and returns it unchanged.
 * When the claim or its evidence changed after the approval, nothing is published.
 */
export const publishVerdict = defineAction({
  permission: "verdict.publish",
  schema: publishVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const now = new Date();
      const current = await loadVerdict(tx, input.verdictId);
      await lockClaim(tx, current.claimId);
      if (current.state === "APPROVED" && !(await matchesApproval(tx, current.id))) {
        throw new AppError("CONFLICT", "The claim or its evidence changed after the approval, so it was not published. It needs a fresh review.");
      }
      const claimed = await tx.verdict.updateMany({ where: { id: input.verdictId, state: "APPROVED" }, data: { publishedAt: now } });
      const before = await loadVerdict(tx, input.verdictId);
      if (claimed.count === 0) {
        if (before.state === "PUBLISHED" || before.state === "SUPERSEDED") return { ...before, publication: null };
        throw new AppError("INVALID_STATE", `A verdict that is “${VERDICT_STATE_LABEL[before.state]}” cannot be published: it needs an approval first.`);
      }
      const other = await tx.verdict.findFirst({
        where: { claimId: before.claimId, state: "PUBLISHED", ...(before.supersedesId ? { id: { not: before.supersedesId } } : {}) },
        select: { id: true },
      });
      if (other) throw new AppError("CONFLICT", "This claim already has a published verdict: publish an update or correction of it instead.");
      let superseded: VerdictDto | null = null;
      if (before.supersedesId) {
        // The old verdict leaves "published" first: the database allows one published verdict per claim.
        const old = await tx.verdict.updateMany({ where: { id: before.supersedesId, state: "PUBLISHED" }, data: { state: "SUPERSEDED" } });
        if (old.count === 1) superseded = await loadVerdict(tx, before.supersedesId);
      }
      await tx.verdict.update({ where: { id: before.id }, data: { state: "PUBLISHED" } });
      const kind = before.supersedesId ? (before.amendmentKind ?? "CORRECTION") : "ORIGINAL";
      // An amendment answers the readers' open correction requests on the claim (lib/services/reader-requests.ts).
      const answered = kind === "ORIGINAL" ? [] : await openCorrectionRequests(tx, before.claimId);
      const publication = await recordPublication(tx, {
        fromReaderRequest: answered.length > 0,
        claimId: before.claimId,
        verdictId: before.id,
        kind,
        note: kind === "ORIGINAL" ? null : before.correctionNote,
        publishedById: actor.id,
        publishedAt: now,
      });
      await answerWithPublication(tx, { requestIds: answered, publicationId: publication.id, actorId: actor.id });
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
      await writeAudit(tx, { actorId: actor.id, action: "verdict.publish", entityType: "verdict", entityId: after.id, before, after: { ...after, publication } });
      return { ...after, publication };
    }),
});

/**
 * Retracting is a status, never a delete. A published claim gets a retraction publication: its last
 * published content stays on the record with the public note and date; a claim never published
 * only leaves the desk's workflow.
 */
export const retractClaim = defineAction({
  permission: "verdict.publish",
  schema: retractClaimSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      await lockClaim(tx, input.claimId);
      const latest = await latestPublication(tx, input.claimId);
      const publication = latest
        ? await recordPublication(tx, { claimId: input.claimId, verdictId: latest.verdictId, kind: "RETRACTION", note: input.note, publishedById: actor.id })
        : null;
      await applyClaimTransition(tx, {
        claimId: input.claimId,
        to: "RETRACTED",
        actorId: actor.id,
        workflow: { via: "claim.retract", action: "claim.retract", note: input.note },
      });
      return { claimId: input.claimId, verdictId: latest?.verdictId ?? null, note: input.note, publication };
    }),
});

/**
 * Takes a verdict that waits for review or publication back to draft (a new revision, so it needs a
 * fresh review) and the claim out of review, as one audited step.
 */
export const withdrawVerdict = defineAction({
  permission: "claim.transition",
  schema: withdrawVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadVerdict(tx, input.verdictId);
      await lockClaim(tx, before.claimId);
      if (before.state !== "SUBMITTED" && before.state !== "APPROVED") {
        throw new AppError("INVALID_STATE", `A verdict that is “${VERDICT_STATE_LABEL[before.state]}” is not in review, so there is nothing to withdraw.`);
      }
      const { count } = await tx.verdict.updateMany({
        where: { id: before.id, state: before.state, revision: before.revision },
        data: { state: "DRAFT", revision: { increment: 1 } },
      });
      if (count === 0) throw staleRevision(await loadVerdict(tx, before.id));
      const published = await latestPublication(tx, before.claimId);
      await applyClaimTransition(tx, {
        claimId: before.claimId,
        to: published ? "PUBLISHED" : "RESEARCHING",
        actorId: actor.id,
        workflow: { via: "verdict.withdraw", note: input.reason },
      });
      const after = await loadVerdict(tx, before.id);
      await writeAudit(tx, { actorId: actor.id, action: "verdict.withdraw", entityType: "verdict", entityId: before.id, before, after: { ...after, reason: input.reason } });
      return after;
    }),
});
