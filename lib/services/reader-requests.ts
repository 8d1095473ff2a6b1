import { defineAction } from "./define";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { assignReaderRequestSchema, closeReaderRequestSchema, linkReaderRequestSchema } from "../validations/reader-request";
import { fieldError } from "./claims";

/*
 * The desk's triage of readers' requests. Audit rows carry the request's id, reference, kind,
 * status and outcome, never the reader's text or e-mail (the audit log is append-only, and
 * addresses must be deletable: npm run readers:purge).
 */

const AUDITED = { id: true, reference: true, kind: true, status: true, assigneeId: true, claimId: true, closeReason: true, publicationId: true } as const;

async function loadOpen(tx: Tx, id: string) {
  const request = await tx.readerRequest.findUnique({ where: { id }, select: AUDITED });
  if (!request) throw new AppError("NOT_FOUND", "This request no longer exists.");
  if (request.status !== "OPEN") throw new AppError("INVALID_STATE", "This request is already closed.");
  return request;
}

/** Closes an open request with an outcome; the row check in the database keeps status, reason and time together. */
async function close(tx: Tx, id: string, data: { status: "ACTED" | "DECLINED"; closeReason: string; closeNote?: string | null; claimId?: string; publicationId?: string }) {
  const { count } = await tx.readerRequest.updateMany({ where: { id, status: "OPEN" }, data: { ...data, closedAt: new Date(), updatedAt: new Date() } });
  if (count === 0) throw new AppError("CONFLICT", "Someone closed this request meanwhile.");
}

export const assignReaderRequest = defineAction({
  permission: "request.triage",
  schema: assignReaderRequestSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadOpen(tx, input.id);
      if (input.assigneeId) {
        const user = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { disabled: true } });
        if (!user || user.disabled) throw fieldError("assigneeId", "Choose an active member of the desk.");
      }
      const after = await tx.readerRequest.update({ where: { id: input.id }, data: { assigneeId: input.assigneeId ?? null, updatedAt: new Date() }, select: AUDITED });
      await writeAudit(tx, { actorId: actor.id, action: "reader_request.assign", entityType: "reader_request", entityId: input.id, before, after });
      return { id: input.id };
    }),
});

/**
 * Ties a request to an existing claim. A suggestion is then answered (the claim is on the desk
 * already); a correction request stays open on that claim until a correction or update is
 * published, or the desk closes it.
 */
export const linkReaderRequest = defineAction({
  permission: "request.triage",
  schema: linkReaderRequestSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadOpen(tx, input.id);
      const claim = await tx.claim.findUnique({ where: { slug: input.claimSlug }, select: { id: true } });
      if (!claim) throw fieldError("claimSlug", "No claim has that address.");
      if (before.kind === "SUGGESTION") await close(tx, input.id, { status: "ACTED", closeReason: "LINKED", claimId: claim.id });
      else await tx.readerRequest.update({ where: { id: input.id }, data: { claimId: claim.id, updatedAt: new Date() } });
      const after = await tx.readerRequest.findUniqueOrThrow({ where: { id: input.id }, select: AUDITED });
      await writeAudit(tx, { actorId: actor.id, action: "reader_request.link", entityType: "reader_request", entityId: input.id, before, after });
      return { id: input.id };
    }),
});

export const closeReaderRequest = defineAction({
  permission: "request.triage",
  schema: closeReaderRequestSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadOpen(tx, input.id);
      await close(tx, input.id, { status: input.reason === "ANSWERED" ? "ACTED" : "DECLINED", closeReason: input.reason, closeNote: input.note ?? null });
      const after = await tx.readerRequest.findUniqueOrThrow({ where: { id: input.id }, select: AUDITED });
      await writeAudit(tx, { actorId: actor.id, action: "reader_request.close", entityType: "reader_request", entityId: input.id, before, after });
      return { id: input.id };
    }),
});

/** A suggestion turned into a claim (createClaim with readerRequestId): answered, tied to the new claim. */
export async function resolveWithNewClaim(tx: Tx, options: { requestId: string; claimId: string; actorId: string }): Promise<void> {
  const before = await loadOpen(tx, options.requestId);
  await close(tx, options.requestId, { status: "ACTED", closeReason: "CLAIM_CREATED", claimId: options.claimId });
  const after = await tx.readerRequest.findUniqueOrThrow({ where: { id: options.requestId }, select: AUDITED });
  await writeAudit(tx, { actorId: options.actorId, action: "reader_request.claim", entityType: "reader_request", entityId: options.requestId, before, after });
}

/** The open correction requests tied to a claim: an amendment published now answers them. */
export async function openCorrectionRequests(tx: Tx, claimId: string): Promise<string[]> {
  const rows = await tx.readerRequest.findMany({ where: { claimId, kind: "CORRECTION", status: "OPEN" }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * Closes the requests an amendment answered, with a link to it. A reader who left an address is
 * told when SMTP is configured (the notice stays PENDING for sendPendingNotices after the commit);
 * otherwise the desk sees that the reader was not notified.
 */
export async function answerWithPublication(tx: Tx, options: { requestIds: string[]; publicationId: string; actorId: string }): Promise<void> {
  const configured = Boolean(getEnv().SMTP_URL);
  for (const id of options.requestIds) {
    const before = await loadOpen(tx, id);
    await close(tx, id, { status: "ACTED", closeReason: "CORRECTED", publicationId: options.publicationId });
    if (!configured) await tx.readerRequest.updateMany({ where: { id, notice: "PENDING" }, data: { notice: "NOT_CONFIGURED" } });
    const after = await tx.readerRequest.findUniqueOrThrow({ where: { id }, select: AUDITED });
    await writeAudit(tx, { actorId: options.actorId, action: "reader_request.answer", entityType: "reader_request", entityId: id, before, after });
  }
}
