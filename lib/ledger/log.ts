import type { Db, Tx } from "../db/client";
import { entryHash, GENESIS, recordDigest, type LogEntry, type PublicationKindName, type PublicRecord } from "./format";

// Writing and reading the public log of publications (table publication_log, migration
// 20261130200000_publication_log_app_role). Each entry's digest covers the public record exactly as
// /api/v1/claims/:slug/versions/:n serves it, so anyone can recompute it.

// Serialises log writers, so sequence numbers and links follow one order.
const LOG_LOCK = 7207370;
// Entries appended per transaction by a catch-up.
const BATCH = 500;

type PublicationRow = {
  id: string;
  version: number;
  kind: PublicationKindName;
  note: string | null;
  publishedAt: Date;
  snapshot: unknown;
};

function slugOf(snapshot: unknown): string {
  const slug = (snapshot as { claim?: { slug?: unknown } } | null)?.claim?.slug;
  if (typeof slug !== "string") throw new Error("a publication snapshot has no claim slug");
  return slug;
}

function ratingOf(snapshot: unknown): string | null {
  const rating = (snapshot as { verdict?: { rating?: unknown } | null } | null)?.verdict?.rating;
  return typeof rating === "string" ? rating : null;
}

/** The public record of one publication: what the versions endpoint serves and the log digests. */
export function toPublicRecord(row: PublicationRow): PublicRecord {
  return {
    slug: slugOf(row.snapshot),
    version: row.version,
    kind: row.kind,
    note: row.note,
    publishedAt: row.publishedAt.toISOString(),
    snapshot: row.snapshot,
  };
}

/**
 * Appends every publication not yet in the log, oldest first, inside the caller's transaction.
 * Called by every publish and retraction, and by start-up and `db:migrate` for publications
 * written before the log existed (or by hand).
 */
export async function appendPendingPublications(tx: Tx, limit = BATCH): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOG_LOCK})`;
  const pending = await tx.$queryRaw<PublicationRow[]>`
    SELECT p."id"::text AS "id", p."version", p."kind"::text AS "kind", p."note", p."published_at" AS "publishedAt", p."snapshot"
    FROM "publications" p
    WHERE NOT EXISTS (SELECT 1 FROM "publication_log" l WHERE l."publication_id" = p."id")
    ORDER BY p."published_at", p."claim_id", p."version"
    LIMIT ${limit}`;
  if (pending.length === 0) return 0;
  const last = await tx.publicationLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? GENESIS;
  const entries = pending.map((row) => {
    const record = toPublicRecord(row);
    seq += 1;
    const loggedAt = new Date();
    const entry = { seq, loggedAt: loggedAt.toISOString(), slug: record.slug, version: record.version, kind: record.kind, rating: ratingOf(row.snapshot), digest: recordDigest(record), prevHash };
    const hash = entryHash(entry);
    const data = { seq: BigInt(seq), publicationId: row.id, loggedAt, claimSlug: entry.slug, version: entry.version, kind: entry.kind, rating: entry.rating, digest: entry.digest, prevHash, hash };
    prevHash = hash;
    return data;
  });
  // One statement for the whole batch: the log's lock is held for as few round trips as possible.
  await tx.publicationLogEntry.createMany({ data: entries });
  return pending.length;
}

/**
 * Catches the log up outside any other work (start-up, `db:migrate`), in short transactions of
 * BATCH entries, so a large back-log (an upgrade) stays within the transaction time limits.
 */
export async function catchUpPublicationLog(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const appended = await db.$transaction((tx) => appendPendingPublications(tx), { timeout: 60_000 });
    total += appended;
    if (appended < BATCH) return total;
  }
}

type Reader = Pick<Db, "publicationLogEntry">;

/** Up to `limit` entries after `after`, in order. */
export async function readLog(db: Reader, options: { after: number; limit: number }): Promise<LogEntry[]> {
  const rows = await db.publicationLogEntry.findMany({ where: { seq: { gt: BigInt(options.after) } }, orderBy: { seq: "asc" }, take: options.limit });
  return rows.map((row) => ({
    seq: Number(row.seq),
    loggedAt: row.loggedAt.toISOString(),
    slug: row.claimSlug,
    version: row.version,
    kind: row.kind,
    rating: row.rating,
    digest: row.digest,
    prevHash: row.prevHash,
    hash: row.hash,
  }));
}

/** The public record of a claim's version, or null when there is no such publication. */
export async function readPublicRecord(db: Pick<Db, "$queryRaw">, slug: string, version: number): Promise<PublicRecord | null> {
  const rows = await db.$queryRaw<PublicationRow[]>`
    SELECT p."id"::text AS "id", p."version", p."kind"::text AS "kind", p."note", p."published_at" AS "publishedAt", p."snapshot"
    FROM "publications" p JOIN "claims" c ON c."id" = p."claim_id"
    WHERE c."slug" = ${slug} AND p."version" = ${version}`;
  const row = rows[0];
  return row ? toPublicRecord(row) : null;
}
