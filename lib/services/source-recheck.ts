import { writeAudit } from "../audit";
import type { Db, Tx } from "../db/client";
import { createNotifications } from "../data/notifications";
import { findLatestAlert, insertAlert, insertSnapshot, listClaimsCiting, listRecheckTargets, type RecheckTarget } from "../data/source-snapshots";
import { capturePage } from "../fetcher/capture";
import { FetchError } from "../fetcher/errors";
import type { FetchOptions } from "../fetcher/fetch-page";

export type RecheckOutcome = "unchanged" | "changed" | "gone" | "failed";
/** `notified`: the people told, in the desk (and by e-mail where it is on), on each claim that cites the source. */
export type RecheckReport = { sourceId: string; url: string; outcome: RecheckOutcome; detail?: string; notified?: string[] };

const GONE_STATUSES = new Set([404, 410]);

/**
 * Fetches every cited source that has a snapshot again (npm run sources:recheck), one at a time, or
 * only the sources named.
 * A different main-text digest stores the new snapshot and a CHANGED alert; a 404 or 410 a GONE
 * alert (once per snapshot); anything else (a refusal, a 5xx, a timeout) is reported and retried
 * on the next run, since a site being down for a moment is not news. Nothing public changes here:
 * an editor confirms an alert before readers see it (confirmSourceAlert).
 */
export async function recheckSources(db: Db, options: { fetch?: FetchOptions; sourceIds?: readonly string[] } = {}): Promise<RecheckReport[]> {
  const reports: RecheckReport[] = [];
  for (const target of await listRecheckTargets(db, options.sourceIds)) reports.push(await recheckOne(db, target, options.fetch));
  return reports;
}

async function recheckOne(db: Db, target: RecheckTarget, fetchOptions?: FetchOptions): Promise<RecheckReport> {
  const base = { sourceId: target.id, url: target.url };
  let page;
  try {
    page = await capturePage(target.url, fetchOptions);
  } catch (error) {
    if (error instanceof FetchError) return { ...base, outcome: "failed", detail: error.message };
    throw error;
  }
  if (GONE_STATUSES.has(page.status)) {
    return db.$transaction(async (tx) => {
      const last = await findLatestAlert(tx, target.id);
      if (last?.kind === "GONE" && last.beforeSnapshotId === target.latest.id) return { ...base, outcome: "gone" as const, detail: "already reported" };
      const alert = await insertAlert(tx, { sourceId: target.id, kind: "GONE", status: page.status, beforeSnapshotId: target.latest.id, afterSnapshotId: null });
      await writeAudit(tx, { actorId: null, action: "source.gone", entityType: "source", entityId: target.id, after: alert });
      return { ...base, outcome: "gone" as const, notified: await notifyClaimsCiting(tx, target.id, "SOURCE_GONE") };
    });
  }
  if (page.status < 200 || page.status > 299) return { ...base, outcome: "failed", detail: `HTTP ${page.status}` };
  if (page.mainTextSha256 === target.latest.mainTextSha256) return { ...base, outcome: "unchanged" };
  return db.$transaction(async (tx) => {
    const snapshot = await insertSnapshot(tx, target.id, page);
    const alert = await insertAlert(tx, { sourceId: target.id, kind: "CHANGED", status: page.status, beforeSnapshotId: target.latest.id, afterSnapshotId: snapshot.id });
    await writeAudit(tx, { actorId: null, action: "source.changed", entityType: "source", entityId: target.id, after: { ...alert, mainTextSha256: page.mainTextSha256 } });
    return { ...base, outcome: "changed" as const, notified: await notifyClaimsCiting(tx, target.id, "SOURCE_CHANGED") };
  });
}

/** One notification per claim that cites the source, to its author and assignee, in the alert's transaction. */
async function notifyClaimsCiting(tx: Tx, sourceId: string, kind: "SOURCE_CHANGED" | "SOURCE_GONE"): Promise<string[]> {
  const told = new Set<string>();
  for (const claim of await listClaimsCiting(tx, sourceId)) {
    await createNotifications(tx, { kind, claimId: claim.id, actorId: null, recipientIds: claim.people });
    for (const id of claim.people) told.add(id);
  }
  return [...told];
}
