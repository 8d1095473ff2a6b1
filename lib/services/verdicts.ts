import { defineAction } from "../actions/define";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { CLAIM_STATUS_LABEL, CLAIM_TRANSITIONS } from "../domain/workflow";
import { AppError } from "../errors";
import type { ClaimStatus, VerdictState } from "../generated/prisma/enums";
import { RATINGS } from "../ratings";
import {
  correctVerdictSchema,
  draftVerdictSchema,
  editVerdictSchema,
  publishVerdictSchema,
  retractClaimSchema,
  reviewVerdictSchema,
  submitVerdictSchema,
  VERDICT_STATE_LABEL,
} from "../validations/verdict";

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
  submittedAt: true,
  publishedAt: true,
  evidence: { select: { evidenceId: true }, orderBy: { evidenceId: "asc" } },
} as const;

async function loadVerdict(tx: Tx, id: string) {
  const row = await tx.verdict.findUnique({ where: { id }, select: verdictSelect });
  if (!row) throw new AppError("NOT_FOUND", "This verdict does not exist.");
  const { evidence, ...rest } = row;
  return { ...rest, evidenceIds: evidence.map((e) => e.evidenceId) };
}

export type VerdictDto = Awaited<ReturnType<typeof loadVerdict>>;

function staleRevision(current: VerdictDto): AppError {
  return new AppError(
    "CONFLICT",
    `The verdict changed since you opened it (it is now revision ${current.revision}, ${VERDICT_STATE_LABEL[current.state].toLowerCase()}). Reload to see the current text.`,
    { current: { revision: current.revision, state: current.state } },
  );
}

/** Locks the claim row for the rest of the transaction, so checks on its verdicts cannot race. */
async function lockClaim(tx: Tx, claimId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: ClaimStatus }[]>`
    SELECT id::text AS id, status::text AS status FROM claims WHERE id = ${claimId}::uuid FOR UPDATE`;
  const claim = rows[0];
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist.");
  if (claim.status === "RETRACTED") throw new AppError("INVALID_STATE", "This claim was retracted; it takes no new verdicts.");
  return claim;
}

/** The shortest walk along the claim workflow, never passing through "published" or "retracted". */
export function claimStatusPath(from: ClaimStatus, to: ClaimStatus): ClaimStatus[] | null {
  const queue: ClaimStatus[][] = [[from]];
  const seen = new Set<ClaimStatus>([from]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === to) return path;
    if (path.length > 1 && (last === "PUBLISHED" || last === "RETRACTED")) continue;
    for (const next of CLAIM_TRANSITIONS[last]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  return null;
}

/** Moves the claim along the workflow (status + version in this transaction) and audits it. */
async function moveClaim(
  tx: Tx,
  options: { claimId: string; to: ClaimStatus; actorId: string; via: string; action?: string; note?: string },
) {
  const claim = await tx.claim.findUnique({ where: { id: options.claimId }, select: { status: true, version: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist.");
  if (claim.status === options.to) return;
  const path = claimStatusPath(claim.status, options.to);
  if (!path) {
    throw new AppError(
      "INVALID_STATE",
      `A claim that is “${CLAIM_STATUS_LABEL[claim.status]}” cannot become “${CLAIM_STATUS_LABEL[options.to]}”.`,
    );
  }
  const updated = await tx.claim.updateMany({
    where: { id: options.claimId, status: claim.status },
    data: { status: options.to, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "The claim's status changed meanwhile. Reload and try again.");
  await writeAudit(tx, {
    actorId: options.actorId,
    action: options.action ?? "claim.status_change",
    entityType: "claim",
    entityId: options.claimId,
    before: { status: claim.status, version: claim.version },
    after: { status: options.to, version: claim.version + 1, path, via: options.via, note: options.note },
  });
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

export const draftVerdict = defineAction({
  permission: "verdict.draft",
  schema: draftVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      await lockClaim(tx, input.claimId);
      await assertNoOpenVerdict(tx, input.claimId);
      const published = await tx.verdict.findFirst({ where: { claimId: input.claimId, state: "PUBLISHED" }, select: { id: true } });
      if (published) {
        throw new AppError("INVALID_STATE", "This claim already has a published verdict: use “Correct this verdict” instead.");
      }
      const evidenceIds = await checkEvidence(tx, input.claimId, input.evidenceIds);
      const { id } = await tx.verdict.create({
        data: {
          claimId: input.claimId,
          rating: input.rating,
          ratingValue: RATINGS[input.rating].value,
          reasoning: input.reasoning,
          asOf: input.asOf ?? null,
          evidenceGap: input.evidenceGap ?? null,
          authorId: actor.id,
          lastEditedById: actor.id,
          evidence: { create: evidenceIds.map((evidenceId) => ({ evidenceId })) },
        },
        select: { id: true },
      });
      await moveClaim(tx, { claimId: input.claimId, to: "VERDICT_DRAFTED", actorId: actor.id, via: "verdict.draft" });
      const verdict = await loadVerdict(tx, id);
      await writeAudit(tx, { actorId: actor.id, action: "verdict.draft", entityType: "verdict", entityId: id, after: verdict });
      return verdict;
    }),
});

/** A correction: a new verdict that replaces the published one once it is itself published. */
export const correctVerdict = defineAction({
  permission: "verdict.draft",
  schema: correctVerdictSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const old = await loadVerdict(tx, input.verdictId);
      await lockClaim(tx, old.claimId);
      if (old.state !== "PUBLISHED") throw new AppError("INVALID_STATE", "Only the published verdict can be corrected.");
      await assertNoOpenVerdict(tx, old.claimId);
      const evidenceIds = await checkEvidence(tx, old.claimId, input.evidenceIds);
      const { id } = await tx.verdict.create({
        data: {
          claimId: old.claimId,
          rating: input.rating,
          ratingValue: RATINGS[input.rating].value,
          reasoning: input.reasoning,
          asOf: input.asOf ?? null,
          evidenceGap: input.evidenceGap ?? null,
          authorId: actor.id,
          lastEditedById: actor.id,
          supersedesId: old.id,
          correctionNote: input.correctionNote,
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
        throw new AppError("INVALID_STATE", "A published verdict is never edited in place: use “Correct this verdict”.");
      }
      if (before.revision !== input.revision) throw staleRevision(before);
      if (before.supersedesId && !input.correctionNote) {
        throw new AppError("VALIDATION", "Some fields need attention.", {
          fieldErrors: { correctionNote: ["A correction must say what changed and why."] },
        });
      }
      const evidenceIds = await checkEvidence(tx, before.claimId, input.evidenceIds);
      // Any change to a verdict under review or approved needs a fresh review of the new text.
      const state: VerdictState = before.state === "APPROVED" ? "SUBMITTED" : before.state;
      const updated = await tx.verdict.updateMany({
        where: { id: before.id, revision: before.revision, state: before.state },
        data: {
          rating: input.rating,
          ratingValue: RATINGS[input.rating].value,
          reasoning: input.reasoning,
          asOf: input.asOf ?? null,
          evidenceGap: input.evidenceGap ?? null,
          correctionNote: before.supersedesId ? input.correctionNote : before.correctionNote,
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
      await moveClaim(tx, { claimId: before.claimId, to: "IN_REVIEW", actorId: actor.id, via: "verdict.submit" });
      const after = await loadVerdict(tx, before.id);
      await writeAudit(tx, { actorId: actor.id, action: "verdict.submit", entityType: "verdict", entityId: before.id, before, after });
      return after;
    }),
});

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
        await moveClaim(tx, { claimId: before.claimId, to: published > 0 ? "PUBLISHED" : "RESEARCHING", actorId: actor.id, via: "verdict.reject" });
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
      await moveClaim(tx, { claimId: before.claimId, to: "PUBLISHED", actorId: actor.id, via: "verdict.publish" });
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
      await moveClaim(tx, { claimId: input.claimId, to: "RETRACTED", actorId: actor.id, via: "claim.retract", action: "claim.retract", note: input.note });
      return { claimId: input.claimId, verdictId: published?.id ?? null, note: input.note };
    }),
});
