import { defineAction } from "./define";
import { createNotifications, listReviewers } from "../data/notifications";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import type { ClaimStatus, Rating, VerdictState } from "../generated/prisma/enums";
import { RATINGS } from "../ratings";
import { correctVerdictSchema, draftVerdictSchema, editVerdictSchema, submitVerdictSchema, VERDICT_STATE_LABEL } from "../validations/verdict";
import { applyClaimTransition } from "./claims";

// Writing verdicts: draft, correct, edit, submit. Review, publish and retraction: ./verdict-review.ts.

/** Verdicts still being worked on: a claim has at most one of these at a time. */
const OPEN_STATES: VerdictState[] = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"];

const verdictSelect = {
  id: true,
  claimId: true,
  rating: true,
  ratingValue: true,
  reasoning: true,
  evidenceGap: true,
  asOf: true,
  state: true,
  revision: true,
  authorId: true,
  lastEditedById: true,
  supersedesId: true,
  correctionNote: true,
  amendmentKind: true,
  submittedAt: true,
  publishedAt: true,
  evidence: { select: { evidenceId: true }, orderBy: { evidenceId: "asc" } },
} as const;

export async function loadVerdict(tx: Tx, id: string) {
  const row = await tx.verdict.findUnique({ where: { id }, select: verdictSelect });
  if (!row) throw new AppError("NOT_FOUND", "This verdict does not exist.");
  const { evidence, ...rest } = row;
  return { ...rest, evidenceIds: evidence.map((e) => e.evidenceId) };
}

export type VerdictDto = Awaited<ReturnType<typeof loadVerdict>>;

export function staleRevision(current: VerdictDto): AppError {
  return new AppError(
    "CONFLICT",
    `The verdict changed since you opened it (it is now revision ${current.revision}, ${VERDICT_STATE_LABEL[current.state].toLowerCase()}). Reload to see the current text.`,
    { current: { revision: current.revision, state: current.state } },
  );
}

/** Locks the claim row for the rest of the transaction, so checks on its verdicts cannot race. */
export async function lockClaim(tx: Tx, claimId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: ClaimStatus }[]>`
    SELECT id::text AS id, status::text AS status FROM claims WHERE id = ${claimId}::uuid FOR UPDATE`;
  const claim = rows[0];
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist.");
  if (claim.status === "RETRACTED") throw new AppError("INVALID_STATE", "This claim was retracted; it takes no new verdicts.");
  return claim;
}

async function checkEvidence(tx: Tx, claimId: string, evidenceIds: string[]): Promise<string[]> {
  const ids = [...new Set(evidenceIds)];
  if (ids.length === 0) return ids;
  const found = await tx.evidence.count({ where: { id: { in: ids }, claimId } });
  if (found !== ids.length) {
    throw new AppError("VALIDATION", "Some fields need attention.", {
      fieldErrors: { evidenceIds: ["Pick evidence recorded for this claim only."] },
    });
  }
  return ids;
}

async function assertNoOpenVerdict(tx: Tx, claimId: string) {
  const open = await tx.verdict.findFirst({ where: { claimId, state: { in: OPEN_STATES } }, select: { id: true } });
  if (open) throw new AppError("CONFLICT", "This claim already has a verdict in progress: edit that one instead.");
}

/** The verdict columns drafting, correcting and editing all write from the form's content. */
function contentData(input: { rating: Rating; reasoning: string; asOf?: Date; evidenceGap?: string }) {
  return {
    rating: input.rating,
    ratingValue: RATINGS[input.rating].value,
    reasoning: input.reasoning,
    asOf: input.asOf ?? null,
    evidenceGap: input.evidenceGap ?? null,
  };
}

export const draftVerdict = defineAction({
  permission: "verdict.draft",
  schema: draftVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      await lockClaim(tx, input.claimId);
      await assertNoOpenVerdict(tx, input.claimId);
      const published = await tx.verdict.findFirst({ where: { claimId: input.claimId, state: "PUBLISHED" }, select: { id: true } });
      if (published) {
        throw new AppError("INVALID_STATE", "This claim already has a published verdict: use “Propose an update or correction” instead.");
      }
      const evidenceIds = await checkEvidence(tx, input.claimId, input.evidenceIds);
      const { id } = await tx.verdict.create({
        data: {
          claimId: input.claimId,
          ...contentData(input),
          authorId: actor.id,
          lastEditedById: actor.id,
          evidence: { create: evidenceIds.map((evidenceId) => ({ evidenceId })) },
        },
        select: { id: true },
      });
      await applyClaimTransition(tx, { claimId: input.claimId, to: "VERDICT_DRAFTED", actorId: actor.id, workflow: { via: "verdict.draft" } });
      const verdict = await loadVerdict(tx, id);
      await writeAudit(tx, { actorId: actor.id, action: "verdict.draft", entityType: "verdict", entityId: id, after: verdict });
      return verdict;
    }),
});

/** An update keeps the published rating; a changed rating is always a correction. */
function checkAmendmentKind(kind: string | null | undefined, rating: Rating, publishedRating: Rating) {
  if (kind === "UPDATE" && rating !== publishedRating) {
    throw new AppError("VALIDATION", "Some fields need attention.", {
      fieldErrors: { amendmentKind: ["The rating changes, so this is a correction, not an update."] },
    });
  }
}

/**
 * An amendment of a published claim (an update or a correction): a new verdict that replaces the
 * published one once it is reviewed and published. Until then the public record does not move.
 */
export const correctVerdict = defineAction({
  permission: "verdict.draft",
  schema: correctVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const old = await loadVerdict(tx, input.verdictId);
      await lockClaim(tx, old.claimId);
      if (old.state !== "PUBLISHED") throw new AppError("INVALID_STATE", "Only the published verdict can be amended.");
      checkAmendmentKind(input.amendmentKind, input.rating, old.rating);
      await assertNoOpenVerdict(tx, old.claimId);
      const evidenceIds = await checkEvidence(tx, old.claimId, input.evidenceIds);
      const { id } = await tx.verdict.create({
        data: {
          claimId: old.claimId,
          ...contentData(input),
          authorId: actor.id,
          lastEditedById: actor.id,
          supersedesId: old.id,
          correctionNote: input.correctionNote,
          amendmentKind: input.amendmentKind,
          evidence: { create: evidenceIds.map((evidenceId) => ({ evidenceId })) },
        },
        select: { id: true },
      });
      const verdict = await loadVerdict(tx, id);
      await writeAudit(tx, { actorId: actor.id, action: "verdict.correct", entityType: "verdict", entityId: id, after: verdict });
      return verdict;
    }),
});

export const editVerdict = defineAction({
  permission: "verdict.draft",
  schema: editVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadVerdict(tx, input.verdictId);
      if (before.state === "PUBLISHED" || before.state === "SUPERSEDED") {
        throw new AppError("INVALID_STATE", "A published verdict is never edited in place: use “Propose an update or correction”.");
      }
      if (before.revision !== input.revision) throw staleRevision(before);
      if (before.supersedesId && !input.correctionNote) {
        throw new AppError("VALIDATION", "Some fields need attention.", {
          fieldErrors: { correctionNote: ["An update or correction must say what changed and why."] },
        });
      }
      const amendmentKind = before.supersedesId ? (input.amendmentKind ?? before.amendmentKind ?? "CORRECTION") : null;
      if (before.supersedesId) checkAmendmentKind(amendmentKind, input.rating, (await loadVerdict(tx, before.supersedesId)).rating);
      const evidenceIds = await checkEvidence(tx, before.claimId, input.evidenceIds);
      // Any change to a verdict under review or approved needs a fresh review of the new text.
      const state: VerdictState = before.state === "APPROVED" ? "SUBMITTED" : before.state;
      const updated = await tx.verdict.updateMany({
        where: { id: before.id, revision: before.revision, state: before.state },
        data: {
          ...contentData(input),
          correctionNote: before.supersedesId ? input.correctionNote : before.correctionNote,
          amendmentKind,
          state,
          revision: { increment: 1 },
          lastEditedById: actor.id,
        },
      });
      if (updated.count === 0) throw staleRevision(await loadVerdict(tx, before.id));
      await tx.verdictEvidence.deleteMany({ where: { verdictId: before.id } });
      await tx.verdictEvidence.createMany({ data: evidenceIds.map((evidenceId) => ({ verdictId: before.id, evidenceId })) });
      const after = await loadVerdict(tx, before.id);
      await writeAudit(tx, { actorId: actor.id, action: "verdict.edit", entityType: "verdict", entityId: before.id, before, after });
      return after;
    }),
});

export const submitVerdict = defineAction({
  permission: "verdict.submit",
  schema: submitVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadVerdict(tx, input.verdictId);
      if (input.revision !== undefined && input.revision !== before.revision) throw staleRevision(before);
      if (before.state === "SUBMITTED") return before; // a repeated click: already in the queue
      if (before.state !== "DRAFT" && before.state !== "REJECTED") {
        throw new AppError("INVALID_STATE", `A verdict that is “${VERDICT_STATE_LABEL[before.state]}” cannot be submitted for review.`);
      }
      const updated = await tx.verdict.updateMany({
        where: { id: before.id, state: before.state, revision: before.revision },
        data: { state: "SUBMITTED", submittedAt: new Date() },
      });
      if (updated.count === 0) {
        const current = await loadVerdict(tx, before.id);
        if (current.state === "SUBMITTED" && current.revision === before.revision) return current;
        throw staleRevision(current);
      }
      await applyClaimTransition(tx, { claimId: before.claimId, to: "IN_REVIEW", actorId: actor.id, workflow: { via: "verdict.submit" } });
      await createNotifications(tx, { kind: "REVIEW_REQUESTED", claimId: before.claimId, actorId: actor.id, recipientIds: await listReviewers(tx) });
      const after = await loadVerdict(tx, before.id);
      await writeAudit(tx, { actorId: actor.id, action: "verdict.submit", entityType: "verdict", entityId: before.id, before, after });
      return after;
    }),
});
