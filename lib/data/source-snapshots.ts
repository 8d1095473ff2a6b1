import "server-only";
import { getDb } from "../db";
import type { Db, Tx } from "../db/client";
import type { CapturedPage } from "../fetcher/capture";
import type { SourceAlertKind } from "../generated/prisma/enums";

/** Stores a captured page as the source's newest snapshot. */
export async function insertSnapshot(tx: Tx | Db, sourceId: string, page: CapturedPage) {
  return tx.sourceSnapshot.create({
    data: { sourceId, ...page },
    select: { id: true, mainText: true, mainTextSha256: true, fetchedAt: true },
  });
}

export async function findLatestSnapshot(db: Tx | Db, sourceId: string) {
  return db.sourceSnapshot.findFirst({
    where: { sourceId },
    orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
    select: { id: true, mainText: true, mainTextSha256: true, fetchedAt: true },
  });
}

/** The stored HTML for the desk's isolated viewer. */
export async function getSnapshotPage(id: string) {
  const db = await getDb();
  return db.sourceSnapshot.findUnique({ where: { id }, select: { html: true } });
}

/** One snapshot with its source, for the desk's snapshot page. */
export async function getSnapshotDetail(id: string) {
  const db = await getDb();
  return db.sourceSnapshot.findUnique({
    where: { id },
    select: {
      id: true, finalUrl: true, status: true, headers: true, htmlSha256: true, mainText: true, mainTextSha256: true, title: true, fetchedAt: true,
      source: { select: { id: true, url: true, outlet: true } },
    },
  });
}

export type RecheckTarget = { id: string; url: string; latest: { id: string; mainTextSha256: string } };

/** Every source some evidence cites that has a snapshot to compare against, oldest check first. */
export async function listRecheckTargets(db: Db, sourceIds?: readonly string[]): Promise<RecheckTarget[]> {
  const rows = await db.source.findMany({
    where: { evidence: { some: {} }, snapshots: { some: {} }, ...(sourceIds ? { id: { in: [...sourceIds] } } : {}) },
    select: {
      id: true,
      url: true,
      snapshots: { orderBy: [{ fetchedAt: "desc" }, { id: "desc" }], take: 1, select: { id: true, mainTextSha256: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.flatMap((r) => (r.snapshots[0] ? [{ id: r.id, url: r.url, latest: r.snapshots[0] }] : []));
}

export async function findLatestAlert(db: Tx | Db, sourceId: string) {
  return db.sourceAlert.findFirst({
    where: { sourceId },
    orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, beforeSnapshotId: true },
  });
}

export async function insertAlert(
  tx: Tx,
  alert: { sourceId: string; kind: SourceAlertKind; status: number; beforeSnapshotId: string; afterSnapshotId: string | null },
) {
  return tx.sourceAlert.create({ data: alert, select: { id: true, sourceId: true, kind: true, status: true, detectedAt: true } });
}

/** Who works on the claims citing a source: their authors and assignees (issue 19's notifications hook). */
/** The claims that cite a source, with the people working on each (author and assignee). */
export async function listClaimsCiting(tx: Tx, sourceId: string): Promise<Array<{ id: string; people: string[] }>> {
  const claims = await tx.claim.findMany({
    where: { evidence: { some: { sourceId } } },
    select: { id: true, createdById: true, assigneeId: true },
    orderBy: { id: "asc" },
  });
  return claims.map((c) => ({ id: c.id, people: [c.createdById, c.assigneeId].filter((id): id is string => id !== null) }));
}

export type SourceAlertView = {
  id: string;
  kind: SourceAlertKind;
  status: number;
  detectedAt: Date;
  confirmedAt: Date | null;
  before: { id: string; fetchedAt: Date; mainText: string };
  after: { id: string; fetchedAt: Date; mainText: string } | null;
};

/** The alerts on the sources a claim cites, newest first, with both texts for the desk's diff. */
export async function listClaimSourceAlerts(claimId: string): Promise<Array<SourceAlertView & { sourceId: string }>> {
  const db = await getDb();
  const snapshot = { select: { id: true, fetchedAt: true, mainText: true } } as const;
  return db.sourceAlert.findMany({
    where: { source: { evidence: { some: { claimId } } } },
    orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
    select: { id: true, sourceId: true, kind: true, status: true, detectedAt: true, confirmedAt: true, before: snapshot, after: snapshot },
  });
}

/** The newest snapshot of each source a claim cites (id and time), for the evidence list. */
export async function listClaimSnapshots(claimId: string): Promise<Map<string, { id: string; fetchedAt: Date; status: number }>> {
  const db = await getDb();
  const rows = await db.sourceSnapshot.findMany({
    where: { source: { evidence: { some: { claimId } } } },
    orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
    select: { id: true, sourceId: true, fetchedAt: true, status: true },
  });
  const latest = new Map<string, { id: string; fetchedAt: Date; status: number }>();
  for (const row of rows) if (!latest.has(row.sourceId)) latest.set(row.sourceId, { id: row.id, fetchedAt: row.fetchedAt, status: row.status });
  return latest;
}
