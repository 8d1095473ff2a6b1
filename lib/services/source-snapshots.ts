import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { insertSnapshot } from "../data/source-snapshots";
import { isExcerptInText } from "../domain/excerpt-match";
import { capturePage, type CapturedPage } from "../fetcher/capture";
import { FetchError } from "../fetcher/errors";
import type { FetchOptions } from "../fetcher/fetch-page";
import { AppError } from "../errors";
import type { ExcerptCheck } from "../generated/prisma/enums";
import { confirmSourceAlertSchema, snapshotEvidenceSourceSchema } from "../validations/source-snapshot";
import { defineAction } from "./define";

export type Capture = { ok: true; page: CapturedPage } | { ok: false; reason: string };

/**
 * Fetches a page for a snapshot, outside any transaction (a slow site must not hold row locks).
 * A refusal or failure is an answer, not an error: the citation is kept without a copy.
 */
export async function captureForSnapshot(url: string, options?: FetchOptions): Promise<Capture> {
  try {
    const page = await capturePage(url, options);
    if (page.status < 200 || page.status > 299) return { ok: false, reason: `The page answered with HTTP ${page.status}: no copy was kept.` };
    return { ok: true, page };
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Stores the snapshot and records on the evidence whether its excerpt is in the snapshot's main text. */
export async function keepSnapshotFor(tx: Tx, options: { evidenceId: string; sourceId: string; excerpt: string; page: CapturedPage; actorId: string }) {
  const snapshot = await insertSnapshot(tx, options.sourceId, options.page);
  const excerptCheck: ExcerptCheck = isExcerptInText(options.excerpt, snapshot.mainText) ? "FOUND" : "NOT_FOUND";
  await tx.evidence.update({ where: { id: options.evidenceId }, data: { excerptCheck, checkedSnapshotId: snapshot.id } });
  await writeAudit(tx, {
    actorId: options.actorId,
    action: "source.snapshot",
    entityType: "source",
    entityId: options.sourceId,
    after: { snapshotId: snapshot.id, finalUrl: options.page.finalUrl, htmlSha256: options.page.htmlSha256, mainTextSha256: options.page.mainTextSha256, evidenceId: options.evidenceId, excerptCheck },
  });
  return { snapshotId: snapshot.id, excerptCheck };
}

/** Takes a snapshot of an attached source now (the "Keep a copy now" button) and checks the excerpt. */
export const snapshotEvidenceSource = defineAction({
  permission: "evidence.create",
  schema: snapshotEvidenceSourceSchema,
  run: async ({ db, actor, input }) => {
    const evidence = await db.evidence.findUnique({ where: { id: input.evidenceId }, select: { id: true, sourceId: true, excerpt: true, source: { select: { url: true } } } });
    if (!evidence) throw new AppError("NOT_FOUND", "This evidence no longer exists.");
    const capture = await captureForSnapshot(evidence.source.url);
    if (!capture.ok) throw new AppError("INVALID_STATE", capture.reason);
    return db.$transaction((tx) => keepSnapshotFor(tx, { evidenceId: evidence.id, sourceId: evidence.sourceId, excerpt: evidence.excerpt, page: capture.page, actorId: actor.id }));
  },
});

/**
 * An editor confirms a change or disappearance alert: from then on the public pages of published
 * claims citing the source say that it changed after it was cited, with the date.
 */
export const confirmSourceAlert = defineAction({
  permission: "verdict.publish",
  schema: confirmSourceAlertSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const alert = await tx.sourceAlert.findUnique({ where: { id: input.alertId }, select: { id: true, sourceId: true, confirmedAt: true } });
      if (!alert) throw new AppError("NOT_FOUND", "This alert no longer exists.");
      if (alert.confirmedAt) throw new AppError("CONFLICT", "Someone already confirmed this alert.");
      const confirmed = await tx.sourceAlert.update({
        where: { id: alert.id },
        data: { confirmedAt: new Date(), confirmedById: actor.id },
        select: { id: true, sourceId: true, kind: true, detectedAt: true, confirmedAt: true },
      });
      await writeAudit(tx, { actorId: actor.id, action: "source.alert_confirm", entityType: "source", entityId: alert.sourceId, before: alert, after: confirmed });
      return confirmed;
    }),
});
