import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ClaimKind, ClaimStatus, Role } from "../generated/prisma/enums";
import type { ClaimFilters } from "../validations/claim";
import { getClaimEvidence, type EvidenceSummary } from "./evidence";

export const CLAIMS_PAGE_SIZE = 25;

// The expression must match the GIN index claims_search_idx exactly, or the planner will not use it.
const searchDocument = Prisma.sql`to_tsvector('english', c."text" || ' ' || c."claimant")`;

export type ClaimListItem = {
  id: string;
  slug: string;
  text: string;
  claimant: string;
  kind: ClaimKind;
  status: ClaimStatus;
  hasConflict: boolean;
  updatedAt: string;
  story: { slug: string; title: string } | null;
  assignee: { id: string; name: string } | null;
  evidenceCount: number;
};

/**
 * The desk's claim list: full-text search (websearch syntax: "phrases", or, -exclusion; ranked),
 * and only when that finds nothing, a trigram similarity fallback for typos (`fuzzy`). Both use
 * the migration's GIN indexes; there is no LIKE scan.
 */
export async function searchClaims(
  filters: ClaimFilters,
  viewer: { id: string },
): Promise<{ items: ClaimListItem[]; total: number; fuzzy: boolean }> {
  const db = await getDb();
  const exact = await findClaimIds(db, filters, viewer, "fulltext");
  const fuzzy = exact.length === 0 && Boolean(filters.q) && filters.page === 1;
  const hits = fuzzy ? await findClaimIds(db, filters, viewer, "trigram") : exact;
  if (hits.length === 0) return { items: [], total: 0, fuzzy: false };

  const rows = await db.claim.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: {
      id: true,
      slug: true,
      text: true,
      claimant: true,
      kind: true,
      status: true,
      hasConflict: true,
      updatedAt: true,
      story: { select: { slug: true, title: true } },
      assignee: { select: { id: true, name: true } },
      _count: { select: { evidence: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = hits.flatMap((hit) => {
    const row = byId.get(hit.id);
    if (!row) return [];
    const { _count, updatedAt, ...rest } = row;
    return [{ ...rest, updatedAt: updatedAt.toISOString(), evidenceCount: _count.evidence }];
  });
  return { items, total: Number(hits[0]?.total ?? 0), fuzzy };
}

async function findClaimIds(db: Db, filters: ClaimFilters, viewer: { id: string }, mode: "fulltext" | "trigram") {
  const { q } = filters;
  const where: Prisma.Sql[] = [];
  if (q && mode === "fulltext") where.push(Prisma.sql`${searchDocument} @@ websearch_to_tsquery('english', ${q})`);
  if (q && mode === "trigram") where.push(Prisma.sql`(c."text" % ${q} OR ${q} <% c."text" OR c."claimant" % ${q})`);
  if (filters.story) where.push(Prisma.sql`c."story_id" = ${filters.story}::uuid`);
  if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}::"ClaimStatus"`);
  if (filters.kind) where.push(Prisma.sql`c."kind" = ${filters.kind}::"ClaimKind"`);
  // Word similarity: "police" finds "Almaty police" and survives small typos.
  if (filters.claimant) where.push(Prisma.sql`${filters.claimant} <% c."claimant"`);
  if (filters.conflict) where.push(Prisma.sql`c."has_conflict"`);
  if (filters.mine) where.push(Prisma.sql`c."assignee_id" = ${viewer.id}::uuid`);
  const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const orderSql = !q
    ? Prisma.sql`ORDER BY c."updated_at" DESC`
    : mode === "fulltext"
      ? Prisma.sql`ORDER BY ts_rank(${searchDocument}, websearch_to_tsquery('english', ${q})) DESC, c."updated_at" DESC`
      : Prisma.sql`ORDER BY greatest(similarity(c."text", ${q}), word_similarity(${q}, c."text")) DESC, c."updated_at" DESC`;
  const offset = (filters.page - 1) * CLAIMS_PAGE_SIZE;
  return db.$queryRaw<Array<{ id: string; total: bigint }>>`
    SELECT c."id", count(*) OVER () AS "total" FROM "claims" c ${whereSql} ${orderSql} LIMIT ${CLAIMS_PAGE_SIZE} OFFSET ${offset}`;
}

export type SimilarClaim = { id: string; slug: string; text: string; claimant: string; status: ClaimStatus; score: number };

/**
 * Claims that may say the same thing: trigram similarity above 0.3 (the `%` operator, served by the
 * trigram index) or a full-text match on every word. Shown before a new claim is saved.
 */
export async function findSimilarClaims(text: string, options: { db?: Db | Tx; excludeId?: string; take?: number } = {}): Promise<SimilarClaim[]> {
  const db = options.db ?? (await getDb());
  const exclude = options.excludeId ? Prisma.sql`AND c."id" <> ${options.excludeId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<Array<Omit<SimilarClaim, "score"> & { score: number }>>`
    SELECT c."id", c."slug", c."text", c."claimant", c."status"::text AS "status",
           greatest(similarity(c."text", ${text}), ts_rank(${searchDocument}, websearch_to_tsquery('english', ${text})))::float8 AS "score"
    FROM "claims" c
    WHERE ((c."text" % ${text} AND similarity(c."text", ${text}) > 0.3)
           OR ${searchDocument} @@ websearch_to_tsquery('english', ${text})) ${exclude}
    ORDER BY "score" DESC
    LIMIT ${options.take ?? 5}`;
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaimBySlug>>>;

/** Everything known about one claim, for its desk page (cached per request: metadata and page share it). */
export const getClaimBySlug = cache(async (slug: string) => {
  const db = await getDb();
  const claim = await db.claim.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      text: true,
      claimant: true,
      claimedAt: true,
      kind: true,
      status: true,
      hasConflict: true,
      version: true,
      sentence: true,
      sentenceStart: true,
      createdAt: true,
      updatedAt: true,
      story: { select: { id: true, slug: true, title: true } },
      document: { select: { id: true, title: true, outlet: true, url: true, publishedAt: true, text: true } },
      assignee: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!claim) return null;
  const { document, claimedAt, createdAt, updatedAt, ...rest } = claim;
  const evidence: EvidenceSummary = await getClaimEvidence(db, claim.id);
  return {
    ...rest,
    claimedAt: claimedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    appearance: document ? describeAppearance(document, claim.sentence, claim.sentenceStart) : null,
    evidence,
  };
});

/** The document and the anchored sentence with a little text either side, never the whole article. */
function describeAppearance(
  document: { id: string; title: string; outlet: string; url: string | null; publishedAt: Date | null; text: string },
  sentence: string | null,
  start: number | null,
) {
  const { text, publishedAt, ...rest } = document;
  const anchored = sentence !== null && start !== null && text.slice(start, start + sentence.length) === sentence;
  const context = anchored
    ? { before: text.slice(Math.max(0, start - 240), start), after: text.slice(start + sentence.length, start + sentence.length + 240) }
    : null;
  return { ...rest, publishedAt: publishedAt?.toISOString() ?? null, sentence, sentenceStart: start, anchored, context };
}

export type EditableClaim = {
  id: string;
  slug: string;
  version: number;
  text: string;
  claimant: string;
  claimedAt: string | null;
  kind: ClaimKind;
  storyId: string | null;
  documentId: string | null;
  sentence: string | null;
};

const editableSelect = {
  id: true,
  slug: true,
  version: true,
  text: true,
  claimant: true,
  claimedAt: true,
  kind: true,
  storyId: true,
  documentId: true,
  sentence: true,
} as const;

/** The fields the edit form shows; also what a version conflict returns as the newer values. */
export async function getEditableClaim(where: { id: string } | { slug: string }, db?: Db | Tx): Promise<EditableClaim | null> {
  const client = db ?? (await getDb());
  const row = await client.claim.findUnique({ where, select: editableSelect });
  return row ? { ...row, claimedAt: row.claimedAt?.toISOString() ?? null } : null;
}

export type ClaimFormOptions = {
  stories: Array<{ id: string; title: string }>;
  documents: Array<{ id: string; title: string; outlet: string }>;
  deskUsers: Array<{ id: string; name: string; role: Role }>;
};

/** Choices for the claim form and the list filters: stories, recent documents, active desk users. */
export async function getClaimFormOptions(): Promise<ClaimFormOptions> {
  const db = await getDb();
  const [stories, documents, deskUsers] = await Promise.all([
    db.story.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, title: true } }),
    db.document.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, title: true, outlet: true } }),
    listDeskUsers(db),
  ]);
  return { stories, documents, deskUsers };
}

/** Anyone who can work on claims: every active user (fact-checkers, editors, admins). */
export async function getDeskUsers(): Promise<ClaimFormOptions["deskUsers"]> {
  return listDeskUsers(await getDb());
}

function listDeskUsers(db: Db | Tx) {
  return db.user.findMany({ where: { disabled: false }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
}
