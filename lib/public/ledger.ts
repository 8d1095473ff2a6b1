import "server-only";
import { getDb } from "../db";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor, type Cursor, type LedgerFilters } from "./filters";
import { asSnapshot, kindName, publicationRowSelect, toLedgerItem, toPublicClaim, toPublicContent, toStoryFigures, toTimeline } from "./mappers";
import { RATING_LABEL } from "../ratings";
import { publishedClaimDocument } from "../search/document";
import { claimantCondition, searchDocuments, type TextMatch } from "../search/search";
import type { LedgerItem, LedgerPage, PublicAmendment, PublicClaim, PublicStory, StoryFigure, TimelineEntry } from "./types";

/*
 * The public ledger's reads. Everything here comes from publications: immutable snapshots that two
 * people reviewed (lib/services/publications.ts). No desk row (claims, evidence, verdicts, users)
 * is read for its content; the claims table only resolves a slug to its id.
 */

// A claim's current public record is its latest publication; it is listed unless that is a retraction.
const LATEST = Prisma.sql`NOT EXISTS (SELECT 1 FROM "publications" n WHERE n."claim_id" = p."claim_id" AND n."version" > p."version")`;
const snapshotClaimant = (alias: string) => Prisma.raw(`(${alias}."snapshot" -> 'claim' ->> 'claimant')`);

export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
}

/**
 * Published claims, most recently published version first, keyset-paginated on (publishedAt,
 * claim id) so a page never repeats or skips a row while others publish. `q` is the shared search
 * (lib/search/search.ts) over the published text only; `fuzzy` says its typo correction was used,
 * and the cursor keeps that so later pages continue the same search.
 */
export async function listPublishedClaims(filters: LedgerFilters & { cursor?: string; limit: number }): Promise<LedgerPage> {
  const db = await getDb();
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (filters.cursor && !cursor) throw new InvalidCursorError("The cursor is not one this API returned");
  const claimant = filters.claimant ? await claimantCondition(db, filters.claimant, snapshotClaimant("p")) : null;
  const find = (text: TextMatch | null) => findPublishedIds(db, { filters, cursor, text, claimant });
  const mode = !cursor ? "auto" : cursor.fuzzy ? "fuzzy" : "exact";
  const { rows: hits, fuzzy } = filters.q
    ? await searchDocuments(db, { q: filters.q, document: publishedClaimDocument, mode }, find)
    : { rows: await find(null), fuzzy: false };
  const page = hits.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor = hits.length > filters.limit && last ? encodeCursor({ publishedAt: last.publishedAt.toISOString(), id: last.claimId, fuzzy }) : null;
  return { items: await loadLedgerItems(db, page.map((h) => h.id)), nextCursor, fuzzy: fuzzy && page.length > 0 };
}

type PublishedQuery = { filters: LedgerFilters & { limit: number }; cursor: Cursor | null; text: TextMatch | null; claimant: Prisma.Sql | null };

async function findPublishedIds(db: Db, { filters, cursor, text, claimant }: PublishedQuery) {
  const where: Prisma.Sql[] = [Prisma.sql`p."kind" <> 'RETRACTION'`, LATEST];
  if (filters.story) where.push(Prisma.sql`(p."snapshot" -> 'story' ->> 'slug') = ${filters.story}`);
  if (filters.rating) where.push(Prisma.sql`(p."snapshot" -> 'verdict' ->> 'rating') = ${filters.rating}`);
  if (claimant) where.push(claimant);
  if (filters.from) where.push(Prisma.sql`p."published_at" >= ${new Date(`${filters.from}T00:00:00Z`)}`);
  if (filters.to) where.push(Prisma.sql`p."published_at" < ${new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)}`);
  if (cursor) where.push(Prisma.sql`(p."published_at", p."claim_id") < (${new Date(cursor.publishedAt)}, ${cursor.id}::uuid)`);
  // With a search, the matching publications are found first through the GIN index and only then
  // filtered and sorted (docs/performance.md explains why).
  const matches = text ? Prisma.sql`WITH "matches" AS MATERIALIZED (SELECT m."id" FROM "publications" m WHERE ${text.match})` : Prisma.empty;
  const matchJoin = text ? Prisma.sql`JOIN "matches" ON "matches"."id" = p."id"` : Prisma.empty;
  return db.$queryRaw<Array<{ id: string; claimId: string; publishedAt: Date }>>`
    ${matches}
    SELECT p."id", p."claim_id" AS "claimId", p."published_at" AS "publishedAt"
    FROM "publications" p
    ${matchJoin}
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY p."published_at" DESC, p."claim_id" DESC
    LIMIT ${filters.limit + 1}`;
}

/** Ledger rows for publications (in the order given), with whether each claim was ever corrected or updated. */
async function loadLedgerItems(db: Db, publicationIds: string[]): Promise<LedgerItem[]> {
  if (publicationIds.length === 0) return [];
  const rows = await db.publication.findMany({ where: { id: { in: publicationIds } }, select: { id: true, claimId: true, snapshot: true, publishedAt: true } });
  const amended = await db.publication.findMany({
    where: { claimId: { in: rows.map((r) => r.claimId) }, kind: { in: ["UPDATE", "CORRECTION"] } },
    select: { claimId: true, kind: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return publicationIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const kinds = new Set(amended.filter((a) => a.claimId === row.claimId).map((a) => a.kind));
    return [toLedgerItem(row.snapshot, row.publishedAt, { corrected: kinds.has("CORRECTION"), updated: kinds.has("UPDATE") })];
  });
}

/** One claim's public record (published or retracted), or null when nothing was ever published. */
export async function getPublishedClaim(slug: string): Promise<PublicClaim | null> {
  const db = await getDb();
  const rows = await db.publication.findMany({ where: { claim: { slug } }, orderBy: { version: "asc" }, select: publicationRowSelect });
  const claim = toPublicClaim(rows);
  return claim ? withConfirmedSourceChanges(db, claim) : null;
}

/**
 * Marks the sources an editor confirmed changed or vanished after they were cited (an audited
 * action, lib/services/source-snapshots.ts): the one public fact read beside the publications,
 * because it is about the source's page, not the reviewed text.
 */
async function withConfirmedSourceChanges(db: Db, claim: PublicClaim): Promise<PublicClaim> {
  const urls = claim.sources.map((s) => s.source.url);
  if (urls.length === 0) return claim;
  const alerts = await db.sourceAlert.findMany({
    where: { confirmedAt: { not: null }, source: { url: { in: urls } } },
    orderBy: [{ detectedAt: "asc" }, { id: "asc" }],
    select: { kind: true, detectedAt: true, source: { select: { url: true } } },
  });
  if (alerts.length === 0) return claim;
  const latest = new Map(alerts.map((a) => [a.source.url, { kind: a.kind, on: a.detectedAt.toISOString() }]));
  return { ...claim, sources: claim.sources.map((s) => (latest.has(s.source.url) ? { ...s, changedAfterCitation: latest.get(s.source.url)! } : s)) };
}

/** The latest publication of every listed claim (not retracted), optionally in one story. */
async function latestPublished(db: Db, story?: string) {
  const storyFilter = story ? Prisma.sql`AND (p."snapshot" -> 'story' ->> 'slug') = ${story}` : Prisma.empty;
  return db.$queryRaw<Array<{ id: string; claimId: string; snapshot: unknown; publishedAt: Date }>>`
    SELECT p."id", p."claim_id" AS "claimId", p."snapshot", p."published_at" AS "publishedAt"
    FROM "publications" p
    WHERE p."kind" <> 'RETRACTION' AND ${LATEST} AND (p."snapshot" -> 'story') <> 'null'::jsonb ${storyFilter}`;
}

type StoryHeader = { slug: string; title: string; summary: string; startsOn: string | null };

/** Stories with at least one published claim; each story as its most recent publication shows it. */
export async function listPublishedStories(): Promise<PublicStory[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ story: StoryHeader; count: number }>>`
    SELECT (array_agg(p."snapshot" -> 'story' ORDER BY p."published_at" DESC))[1] AS "story", count(*)::int AS "count"
    FROM "publications" p
    WHERE p."kind" <> 'RETRACTION' AND ${LATEST} AND (p."snapshot" -> 'story') <> 'null'::jsonb
    GROUP BY (p."snapshot" -> 'story' ->> 'slug')`;
  return rows
    .map(({ story, count }) => ({ slug: story.slug, title: story.title, summary: story.summary, startsOn: story.startsOn, publishedClaims: count }))
    .sort((a, b) => (b.startsOn ?? "").localeCompare(a.startsOn ?? "") || a.slug.localeCompare(b.slug));
}

/** A story's published claims (most recently published first) and a timeline of what was reported when. */
export async function getPublishedStory(
  slug: string,
): Promise<{ story: PublicStory; claims: LedgerItem[]; timeline: TimelineEntry[]; figures: StoryFigure[] } | null> {
  const db = await getDb();
  const rows = (await latestPublished(db, slug)).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.claimId.localeCompare(b.claimId));
  const newest = rows[0];
  if (!newest) return null;
  const header = asSnapshot(newest.snapshot).story!;
  const claims = (await loadLedgerItems(db, rows.map((r) => r.id))).sort(
    (a, b) => b.verdict.publishedAt.localeCompare(a.verdict.publishedAt) || a.slug.localeCompare(b.slug),
  );
  return {
    story: { ...header, publishedClaims: claims.length },
    claims,
    timeline: toTimeline(rows.map((r) => r.snapshot)),
    figures: toStoryFigures(rows.map((r) => r.snapshot)),
  };
}

/** Every amendment of the public record (updates, corrections, retractions), newest first, with the rating before and after. */
export async function listAmendments({ take = 200 }: { take?: number } = {}): Promise<PublicAmendment[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ kind: "UPDATE" | "CORRECTION" | "RETRACTION"; version: number; note: string | null; publishedAt: Date; snapshot: unknown; previous: unknown; fromReaderRequest: boolean }>>`
    SELECT p."kind"::text AS "kind", p."version", p."note", p."published_at" AS "publishedAt", p."snapshot", prev."snapshot" AS "previous",
           p."from_reader_request" AS "fromReaderRequest"
    FROM "publications" p
    JOIN "publications" prev ON prev."claim_id" = p."claim_id" AND prev."version" = p."version" - 1
    WHERE p."kind" <> 'ORIGINAL'
    ORDER BY p."published_at" DESC, p."id" DESC
    LIMIT ${take}`;
  return rows.map((r) => {
    const now = toPublicContent(r.snapshot);
    const before = asSnapshot(r.previous).verdict.rating;
    return {
      claim: { slug: asSnapshot(r.snapshot).claim.slug, text: now.text, claimant: now.claimant },
      kind: kindName(r.kind) as PublicAmendment["kind"],
      version: r.version,
      oldRating: before,
      oldRatingLabel: RATING_LABEL[before],
      newRating: now.verdict.rating,
      newRatingLabel: now.verdict.ratingLabel,
      note: r.note ?? "",
      publishedAt: r.publishedAt.toISOString(),
      fromReaderRequest: r.fromReaderRequest,
    };
  });
}

/** Claims whose public record changed most recently (published, amended or retracted), for the verdicts feed. */
export async function listRecentlyPublished(take: number): Promise<PublicClaim[]> {
  const db = await getDb();
  const latest = await db.$queryRaw<Array<{ claimId: string }>>`
    SELECT p."claim_id" AS "claimId" FROM "publications" p WHERE ${LATEST}
    ORDER BY p."published_at" DESC, p."claim_id" DESC LIMIT ${take}`;
  const rows = await db.publication.findMany({
    where: { claimId: { in: latest.map((l) => l.claimId) } },
    select: { claimId: true, ...publicationRowSelect },
  });
  return latest.flatMap(({ claimId }) => toPublicClaim(rows.filter((r) => r.claimId === claimId)) ?? []);
}

/** Every claim on the public record in full (retracted ones included), newest change first, one batch at a time (bulk export). */
export async function* iteratePublishedClaims(batchSize = 100): AsyncGenerator<PublicClaim> {
  const db = await getDb();
  let cursor: { publishedAt: Date; claimId: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor ? Prisma.sql`AND (p."published_at", p."claim_id") < (${cursor.publishedAt}, ${cursor.claimId}::uuid)` : Prisma.empty;
    const page: Array<{ claimId: string; publishedAt: Date }> = await db.$queryRaw`
      SELECT p."claim_id" AS "claimId", p."published_at" AS "publishedAt" FROM "publications" p
      WHERE ${LATEST} ${after}
      ORDER BY p."published_at" DESC, p."claim_id" DESC LIMIT ${batchSize}`;
    if (page.length === 0) return;
    const rows = await db.publication.findMany({ where: { claimId: { in: page.map((p) => p.claimId) } }, select: { claimId: true, ...publicationRowSelect } });
    for (const { claimId } of page) {
      const claim = toPublicClaim(rows.filter((r) => r.claimId === claimId));
      if (claim) yield claim;
    }
    cursor = page.at(-1) ?? null;
    if (page.length < batchSize) return;
  }
}

/** When the public record begins and when it last changed (the first and latest publications; null when empty). */
export async function getPublicationSpan(): Promise<{ first: string | null; latest: string | null }> {
  const db = await getDb();
  const span = await db.publication.aggregate({ _min: { publishedAt: true }, _max: { publishedAt: true } });
  return { first: span._min.publishedAt?.toISOString() ?? null, latest: span._max.publishedAt?.toISOString() ?? null };
}
