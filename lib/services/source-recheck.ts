import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import { findLatestAlert, insertAlert, insertSnapshot, listPeopleOnClaimsCiting, listRecheckTargets, type RecheckTarget } from "../data/source-snapshots";
import { capturePage } from "../fetcher/capture";
import { FetchError } from "../fetcher/errors";
import type { FetchOptions } from "../fetcher/fetch-page";

export type RecheckOutcome = "unchanged" | "changed" | "gone" | "failed";
export type RecheckReport = { sourceId: string; url: string; outcome: RecheckOutcome; detail?: string; notify?: string[] };

const GONE_STATUSES = new Set([404, 410]);

/**
 * Fetches every cited source that has a snapshot again (npm run sources:recheck), one at a time.
 * A different main-text digest stores the new snapshot and a CHANGED alert; a 404 or 410 a GONE
 * alert (once per snapshot); anything else (a refusal, a 5xx, a timeout) is reported and retried
 * on the next run, since a site being down for a moment is not news. Nothing public changes here:
 * an editor confirms an alert before readers see it (confirmSourceAlert).
 */
export async function recheckSources(db: Db, options: { fetch?: FetchOptions } = {}): Promise<RecheckReport[]> {
  const reports: RecheckReport[] = [];
  for (const target of await listRecheckTargets(db)) reports.push(await recheckOne(db, target, options.fetch));
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
      return { ...base, outcome: "gone" as const, notify: await listPeopleOnClaimsCiting(tx, target.id) };
    });
  }
  if (page.status < 200 || page.status > 299) return { ...base, outcome: "failed", detail: `HTTP ${page.status}` };
  if (page.mainTextSha256 === target.latest.mainTextSha256) return { ...base, outcome: "unchanged" };
  return db.$transaction(async (tx) => {
    const snapshot = await insertSnapshot(tx, target.id, page);
    const alert = await insertAlert(tx, { sourceId: target.id, kind: "CHANGED", status: page.status, beforeSnapshotId: target.latest.id, afterSnapshotId: snapshot.id });
    await writeAudit(tx, { actorId: null, action: "source.changed", entityType: "source", entityId: target.id, after: { ...alert, mainTextSha256: page.mainTextSha256 } });
    // Issue 19's desk notifications hook in here: one for each of these people, naming the alert.
    return { ...base, outcome: "changed" as const, notify: await listPeopleOnClaimsCiting(tx, target.id) };
  });
}
