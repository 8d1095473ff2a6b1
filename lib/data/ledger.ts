import "server-only";
import { getDb } from "../db";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor, type Cursor, type LedgerFilters } from "../public/filters";
import { toLedgerItem, toPublicClaim, ledgerItemSelect, publicClaimSelect, toTimeline } from "../public/mappers";
import { RATING_LABEL } from "../ratings";
import type { LedgerPage, PublicClaim, PublicCorrection, PublicStory, TimelineEntry, LedgerItem } from "../public/types";

/*
 * The public ledger's reads. Everything here is published data only: a claim is public when its
 * has the one PUBLISHED verdict and is not retracted; nothing selects notes, reviews or people.
 */

// Must match the GIN index claims_search_idx exactly, or the planner will not use it.
const searchDocument = Prisma.sql`to_tsvector('english', m."text" || ' ' || m."claimant")`;
// A claim whose correction is in review keeps its published verdict on the ledger meanwhile.
const PUBLIC_CLAIM = { status: { not: "RETRACTED" }, verdicts: { some: { state: "PUBLISHED" } } } satisfies Prisma.ClaimWhereInput;

export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
}

/**
 * Published claims, newest verdict first, keyset-paginated on (verdict publishedAt, claim id) so a
 * page never repeats or skips a row while others publish. `q` is full-text search (websearch
 * syntax); when it finds nothing, a trigram similarity fallback (`fuzzy`) catches typos.
 */
export async function listPublishedClaims(filters: LedgerFilters & { cursor?: string; limit: number }): Promise<LedgerPage> {
  const db = await getDb();
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (filters.cursor && !cursor) throw new InvalidCursorError("The cursor is not one this API returned");
  let fuzzy = cursor?.fuzzy ?? false;
  let hits = await findPublishedIds(db, filters, cursor, fuzzy);
  if (hits.length === 0 && filters.q && !cursor) {
    fuzzy = true;
    hits = await findPublishedIds(db, filters, null, true);
  }
  const page = hits.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor = hits.length > filters.limit && last ? encodeCursor({ publishedAt: last.publishedAt.toISOString(), id: last.id, fuzzy }) : null;
  return { items: await loadLedgerItems(db, page.map((h) => h.id)), nextCursor, fuzzy: fuzzy && page.length > 0 };
}

async function findPublishedIds(db: Db, filters: LedgerFilters & { limit: number }, cursor: Cursor | null, fuzzy: boolean) {
  const where: Prisma.Sql[] = [Prisma.sql`c."status" <> 'RETRACTED'`];
  const { q } = filters;
  if (filters.story) where.push(Prisma.sql`s."slug" = ${filters.story}`);
  if (filters.rating) where.push(Prisma.sql`v."rating" = ${filters.rating}::"Rating"`);
  if (filters.claimant) {
    where.push(Prisma.sql`(${filters.claimant} <% c."claimant" OR c."claimant" ILIKE ${`%${escapeLike(filters.claimant)}%`})`);
  }
  if (filters.from) where.push(Prisma.sql`v."published_at" >= ${new Date(`${filters.from}T00:00:00Z`)}`);
  if (filters.to) where.push(Prisma.sql`v."published_at" < ${new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)}`);
  if (cursor) where.push(Prisma.sql`(v."published_at", c."id") < (${new Date(cursor.publishedAt)}, ${cursor.id}::uuid)`);
  // With a search, the matching claims are found first through the GIN index and only then
  // joined and sorted. Left to itself the planner may walk verdicts_published_ledger_idx in date
  // order and compute to_tsvector for each claim until a page matches: fine for a frequent word,
  // seconds for a rare one (docs/performance.md shows both plans).
  const matches = !q
    ? Prisma.empty
    : fuzzy
      ? Prisma.sql`WITH "matches" AS MATERIALIZED (SELECT m."id" FROM "claims" m WHERE m."text" % ${q} OR ${q} <% m."text" OR m."claimant" % ${q})`
      : Prisma.sql`WITH "matches" AS MATERIALIZED (SELECT m."id" FROM "claims" m WHERE ${searchDocument} @@ websearch_to_tsquery('english', ${q}))`;
  const matchJoin = q ? Prisma.sql`JOIN "matches" ON "matches"."id" = c."id"` : Prisma.empty;
  return db.$queryRaw<Array<{ id: string; publishedAt: Date }>>`
    ${matches}
    SELECT c."id", v."published_at" AS "publishedAt"
    FROM "claims" c
    ${matchJoin}
    JOIN "verdicts" v ON v."claim_id" = c."id" AND v."state" = 'PUBLISHED'
    LEFT JOIN "stories" s ON s."id" = c."story_id"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY v."published_at" DESC, c."id" DESC
    LIMIT ${filters.limit + 1}`;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (m) => `\\${m}`);

async function loadLedgerItems(db: Db, ids: string[]): Promise<LedgerItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.claim.findMany({ where: { id: { in: ids }, ...PUBLIC_CLAIM }, select: ledgerItemSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const item = row ? toLedgerItem(row) : null;
    return item ? [item] : [];
  });
}

/** One published claim with everything the public page shows, or null (unknown or unpublished). */
export async function getPublishedClaim(slug: string): Promise<PublicClaim | null> {
  const db = await getDb();
  const row = await db.claim.findFirst({ where: { slug, ...PUBLIC_CLAIM }, select: publicClaimSelect });
  return row ? toPublicClaim(row) : null;
}

/** Stories with at least one published claim. */
export async function listPublishedStories(): Promise<PublicStory[]> {
  const db = await getDb();
  const rows = await db.story.findMany({
    where: { claims: { some: PUBLIC_CLAIM } },
    orderBy: [{ startsOn: { sort: "desc", nulls: "last" } }, { slug: "asc" }],
    select: { slug: true, title: true, summary: true, startsOn: true, _count: { select: { claims: { where: PUBLIC_CLAIM } } } },
  });
  return rows.map(({ _count, startsOn, ...story }) => ({ ...story, startsOn: startsOn?.toISOString().slice(0, 10) ?? null, publishedClaims: _count.claims }));
}

/** A story's published claims (newest verdict first) and a timeline of what was reported when. */
export async function getPublishedStory(slug: string): Promise<{ story: PublicStory; claims: LedgerItem[]; timeline: TimelineEntry[] } | null> {
  const db = await getDb();
  const story = await db.story.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      summary: true,
      startsOn: true,
      claims: {
        where: PUBLIC_CLAIM,
        select: {
          ...ledgerItemSelect,
          evidence: {
            select: {
              stance: true,
              source: { select: { url: true, outlet: true, title: true, publishedAt: true } },
              figure: { select: { low: true, high: true, words: true, unit: true, counted: true, asOf: true } },
            },
          },
        },
      },
    },
  });
  if (!story || story.claims.length === 0) return null;
  const claims = story.claims
    .flatMap((c) => toLedgerItem(c) ?? [])
    .sort((a, b) => b.verdict.publishedAt.localeCompare(a.verdict.publishedAt) || a.slug.localeCompare(b.slug));
  return {
    story: { slug: story.slug, title: story.title, summary: story.summary, startsOn: story.startsOn?.toISOString().slice(0, 10) ?? null, publishedClaims: claims.length },
    claims,
    timeline: toTimeline(story.claims),
  };
}

/** Every published correction, newest first: the replaced rating, the new one and the note. */
export async function listCorrections({ take = 200 }: { take?: number } = {}): Promise<PublicCorrection[]> {
  const db = await getDb();
  const rows = await db.verdict.findMany({
    where: { supersedesId: { not: null }, state: { in: ["PUBLISHED", "SUPERSEDED"] }, publishedAt: { not: null }, claim: PUBLIC_CLAIM },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      rating: true,
      correctionNote: true,
      publishedAt: true,
      claim: { select: { slug: true, text: true, claimant: true } },
      supersedes: { select: { rating: true } },
    },
  });
  return rows.flatMap((r) =>
    r.supersedes && r.publishedAt
      ? [
          {
            claim: r.claim,
            oldRating: r.supersedes.rating,
            oldRatingLabel: RATING_LABEL[r.supersedes.rating],
            newRating: r.rating,
            newRatingLabel: RATING_LABEL[r.rating],
            note: r.correctionNote ?? "",
            correctedAt: r.publishedAt.toISOString(),
          },
        ]
      : [],
  );
}

/** Every published claim in full, newest first, one batch at a time (bulk export). */
export async function* iteratePublishedClaims(batchSize = 100): AsyncGenerator<PublicClaim> {
  let cursor: string | undefined;
  do {
    const page = await listPublishedClaims({ limit: batchSize, cursor });
    for (const item of page.items) {
      const claim = await getPublishedClaim(item.slug);
      if (claim) yield claim;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
