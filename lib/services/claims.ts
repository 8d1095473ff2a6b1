import { defineAction } from "./define";
import { createNotifications } from "../data/notifications";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { getEditableClaim, findSimilarClaims, type SimilarClaim } from "../data/claims";
import { resolveClaimant } from "../data/claimants";
import { insertClaim } from "../data/insert-claim";
import { canTransition, CLAIM_STATUS_LABEL, CLAIM_TRANSITIONS, MANUAL_TARGETS } from "../domain/workflow";
import { AppError } from "../errors";
import type { ClaimStatus } from "../generated/prisma/enums";
import { assignClaimSchema, createClaimSchema, transitionClaimSchema, updateClaimSchema } from "../validations/claim";
import { assertClaimEditable, reopenApproval } from "./publications";
import { resolveWithNewClaim } from "./reader-requests";

export type CreateClaimOutcome =
  | { needsConfirmation: true; candidates: SimilarClaim[] }
  | { needsConfirmation: false; id: string; slug: string };

/** A VALIDATION failure that points at one field, like a zod error would. */
export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: { [field]: [message] } });
}

/** Checks the story, document and sentence; the sentence must appear word for word in the document. */
async function resolveAppearance(tx: Tx, input: { storyId?: string; documentId?: string; sentence?: string }) {
  if (input.storyId && !(await tx.story.findUnique({ where: { id: input.storyId }, select: { id: true } }))) {
    throw fieldError("storyId", "That story no longer exists.");
  }
  if (input.sentence && !input.documentId) throw fieldError("documentId", "Choose the document the sentence comes from.");
  if (!input.documentId) return { documentId: null, sentence: null, sentenceStart: null };
  const document = await tx.document.findUnique({ where: { id: input.documentId }, select: { text: true } });
  if (!document) throw fieldError("documentId", "That document no longer exists.");
  if (!input.sentence) return { documentId: input.documentId, sentence: null, sentenceStart: null };
  const sentenceStart = document.text.indexOf(input.sentence);
  if (sentenceStart < 0) throw fieldError("sentence", "This sentence does not appear word for word in the document. Paste it exactly.");
  return { documentId: input.documentId, sentence: input.sentence, sentenceStart };
}

async function requireActiveUser(tx: Tx, userId: string, field: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, disabled: true } });
  if (!user || user.disabled) throw fieldError(field, "Choose an active member of the desk.");
  return user;
}

/**
 * Creates a claim. Unless `confirmDuplicate` is set, similar existing claims are returned first
 * (`needsConfirmation`) and nothing is written, so the person sees them before saving.
 */
export const createClaim = defineAction({
  permission: "claim.create",
  schema: createClaimSchema,
  run: async ({ db, actor, input }): Promise<CreateClaimOutcome> => {
    if (!input.confirmDuplicate) {
      const candidates = await findSimilarClaims(input.text, { db });
      if (candidates.length > 0) return { needsConfirmation: true, candidates };
    }
    return db.$transaction(async (tx) => {
      const appearance = await resolveAppearance(tx, input);
      if (input.assigneeId) await requireActiveUser(tx, input.assigneeId, "assigneeId");
      const claim = await insertClaim(tx, { ...input, ...appearance }, { actorId: actor.id });
      if (input.readerRequestId) await resolveWithNewClaim(tx, { requestId: input.readerRequestId, claimId: claim.id, actorId: actor.id });
      return { needsConfirmation: false, id: claim.id, slug: claim.slug };
    });
  },
});

function editConflict(current: unknown): AppError {
  return new AppError("CONFLICT", "Someone else saved this claim meanwhile. Their version is shown below; re-apply your changes to it.", { current });
}

/**
 * Edits a claim's content, guarded by its version: a stale version returns CONFLICT with the newer
 * values. Every change a person makes to the claim row (edit, status, assignee) bumps the version;
 * the derived conflict flag does not.
 */
export const updateClaim = defineAction({
  permission: "claim.update",
  schema: updateClaimSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await getEditableClaim({ id: input.id }, tx);
      if (!before) throw new AppError("NOT_FOUND", "This claim no longer exists.");
      await assertClaimEditable(tx, input.id);
      if (before.version !== input.version) throw editConflict(before);
      // A figure counts an entry of its story's vocabulary: the claim cannot leave the story under it.
      if ((input.storyId ?? null) !== before.storyId && (await tx.reportedFigure.count({ where: { evidence: { claimId: input.id } } })) > 0) {
        throw fieldError("storyId", "This claim’s figures count things from its story’s vocabulary. Remove its figures before moving it to another story.");
      }
      const appearance = await resolveAppearance(tx, input);
      const claimant = await resolveClaimant(tx, { name: input.claimant, type: input.claimantType }, actor.id);
      const { count } = await tx.claim.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          text: input.text,
          claimant: claimant.name,
          claimantType: claimant.type,
          claimantId: claimant.id,
          summary: input.summary ?? null,
          claimedAt: input.claimedAt ?? null,
          kind: input.kind,
          storyId: input.storyId ?? null,
          ...appearance,
          version: { increment: 1 },
        },
      });
      // Another save won the race between our read and our write.
      if (count === 0) throw editConflict(await getEditableClaim({ id: input.id }, tx));
      const after = await getEditableClaim({ id: input.id }, tx);
      await writeAudit(tx, { actorId: actor.id, action: "claim.update", entityType: "claim", entityId: input.id, before, after });
      await reopenApproval(tx, input.id, actor.id);
      return { id: input.id, slug: before.slug, version: after?.version ?? input.version + 1 };
    }),
});

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

export type ClaimTransition = {
  claimId: string;
  to: ClaimStatus;
  actorId: string;
  /** A person's pick: only MANUAL_TARGETS. */
  manual?: boolean;
  /**
   * Set by the verdict actions: the claim follows its verdict, so it may already be there or walk
   * several steps (`claimStatusPath`); the audit row (`claim.status_change` unless `action` names
   * another) records the path, the verdict action (`via`) and an optional note.
   */
  workflow?: { via: string; action?: string; note?: string };
};

/**
 * Moves a claim along the workflow inside the caller's transaction: status and version, guarded by
 * a compare-and-set on the status, and an audit row. Without `workflow` it is one step at a time.
 */
export async function applyClaimTransition(tx: Tx, options: ClaimTransition) {
  const { claimId, to, actorId, workflow } = options;
  if (options.manual && !MANUAL_TARGETS.includes(to)) {
    throw new AppError("INVALID_STATE", `A claim becomes “${CLAIM_STATUS_LABEL[to]}” through the verdict workflow, not by hand.`);
  }
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { status: true, version: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists.");
  const { status: from, version } = claim;
  if (workflow && from === to) return { id: claimId, from, to };
  const path = workflow ? claimStatusPath(from, to) : canTransition(from, to) ? [from, to] : null;
  if (!path) {
    const verb = workflow ? "become" : "move to";
    throw new AppError("INVALID_STATE", `A claim that is “${CLAIM_STATUS_LABEL[from]}” cannot ${verb} “${CLAIM_STATUS_LABEL[to]}”.`);
  }
  // Compare-and-set on the status: a concurrent move makes this one fail instead of skipping a step.
  const { count } = await tx.claim.updateMany({ where: { id: claimId, status: from }, data: { status: to, version: { increment: 1 } } });
  if (count === 0) {
    throw workflow
      ? new AppError("CONFLICT", "The claim's status changed meanwhile. Reload and try again.")
      : new AppError("INVALID_STATE", "The claim's status changed meanwhile. Reload the page and try again.");
  }
  const audit = workflow
    ? {
        action: workflow.action ?? "claim.status_change",
        before: { status: from, version },
        after: { status: to, version: version + 1, path, via: workflow.via, note: workflow.note },
      }
    : { action: "claim.transition", before: { status: from }, after: { status: to } };
  await writeAudit(tx, { actorId, entityType: "claim", entityId: claimId, ...audit });
  return { id: claimId, from, to };
}

/**
 * A status picked by hand. While a verdict waits for review or publication the claim is moved out
 * of review only by withdrawing that verdict (withdrawVerdict), so claim and verdict never disagree.
 */
export const transitionClaim = defineAction({
  permission: "claim.transition",
  schema: transitionClaimSchema,
  run: async ({ db, actor, input }) => db.$transaction(async (tx) => applyManualTransition(tx, { claimId: input.id, to: input.to, actorId: actor.id })),
});

/** Assigns a claim (or unassigns it, `assigneeId` null) inside the caller's transaction: audited, the new assignee notified. */
export async function applyAssignment(tx: Tx, options: { claimId: string; assigneeId: string | null; actorId: string }) {
  const claim = await tx.claim.findUnique({ where: { id: options.claimId }, select: { assigneeId: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists.");
  const assignee = options.assigneeId ? await requireActiveUser(tx, options.assigneeId, "assigneeId") : null;
  await tx.claim.update({ where: { id: options.claimId }, data: { assigneeId: assignee?.id ?? null, version: { increment: 1 } } });
  if (assignee && assignee.id !== claim.assigneeId) {
    await createNotifications(tx, { kind: "ASSIGNED", claimId: options.claimId, actorId: options.actorId, recipientIds: [assignee.id] });
  }
  await writeAudit(tx, {
    actorId: options.actorId,
    action: "claim.assign",
    entityType: "claim",
    entityId: options.claimId,
    before: { assigneeId: claim.assigneeId },
    after: { assigneeId: assignee?.id ?? null },
  });
  return { id: options.claimId, assignee: assignee ? { id: assignee.id, name: assignee.name } : null };
}

/** A status picked by hand, refused while a verdict is in review (see transitionClaim). */
export async function applyManualTransition(tx: Tx, options: { claimId: string; to: ClaimStatus; actorId: string }) {
  const inReview = await tx.verdict.findFirst({ where: { claimId: options.claimId, state: { in: ["SUBMITTED", "APPROVED"] } }, select: { id: true } });
  if (inReview) {
    throw new AppError("INVALID_STATE", "This claim's verdict is in review. Use “Withdraw from review” to take the claim and its verdict back.");
  }
  return applyClaimTransition(tx, { ...options, manual: true });
}

/** Assigns a claim to any active desk user (fact-checkers, editors, admins), or unassigns it. */
export const assignClaim = defineAction({
  permission: "claim.assign",
  schema: assignClaimSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => applyAssignment(tx, { claimId: input.id, assigneeId: input.assigneeId ?? null, actorId: actor.id })),
});
