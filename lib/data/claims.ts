import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ClaimantType, ClaimKind, ClaimStatus, Role } from "../generated/prisma/enums";
import type { ClaimFilters } from "../validations/claim";
import { getClaimEvidence, type EvidenceSummary } from "./evidence";
import { listCountedThings, type CountedThingDto } from "./counted-things";
import { listClaimantChoices } from "./claimants";
import { deskClaimDocument, documentVector } from "../search/document";
import { claimantCondition, searchDocuments, type TextMatch } from "../search/search";

export const CLAIMS_PAGE_SIZE = 25;

const searchDocument = documentVector(deskClaimDocument);

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
 * The desk's claim list: the shared search (lib/search/search.ts: full-text with names' spellings
 * and the desk's synonyms, then typo correction, `fuzzy`) combined with the list's filters.
 */
export async function searchClaims(
  filters: ClaimFilters,
  viewer: { id: string },
): Promise<{ items: ClaimListItem[]; total: number; fuzzy: boolean }> {
  const db = await getDb();
  const claimant = filters.claimant ? await claimantCondition(db, filters.claimant, Prisma.sql`c."claimant"`) : null;
  const find = (text: TextMatch | null) => findClaimIds(db, { filters, viewer, text, claimant });
  const { rows: hits, fuzzy } = filters.q
    ? await searchDocuments(db, { q: filters.q, document: deskClaimDocument, mode: filters.page === 1 ? "auto" : "exact" }, find)
    : { rows: await find(null), fuzzy: false };
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

type ClaimQuery = { filters: ClaimFilters; viewer: { id: string }; text: TextMatch | null; claimant: Prisma.Sql | null };

async function findClaimIds(db: Db, { filters, viewer, text, claimant }: ClaimQuery) {
  const where: Prisma.Sql[] = [];
  if (text) where.push(text.match);
  if (filters.story) where.push(Prisma.sql`c."story_id" = ${filters.story}::uuid`);
  if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}::"ClaimStatus"`);
  if (filters.kind) where.push(Prisma.sql`c."kind" = ${filters.kind}::"ClaimKind"`);
  if (claimant) where.push(claimant);
  if (filters.conflict) where.push(Prisma.sql`c."has_conflict"`);
  if (filters.mine) where.push(Prisma.sql`c."assignee_id" = ${viewer.id}::uuid`);
  const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const orderSql = text ? Prisma.sql`ORDER BY ${text.rank} DESC, c."updated_at" DESC` : Prisma.sql`ORDER BY c."updated_at" DESC`;
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
  // The vocabulary a new figure on this claim picks from: its story's, or the one for claims outside any story.
  const [evidence, vocabulary]: [EvidenceSummary, CountedThingDto[]] = await Promise.all([getClaimEvidence(db, claim.id), listCountedThings(db, claim.story?.id ?? null)]);
  return {
    ...rest,
    claimedAt: claimedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    appearance: document ? describeAppearance(document, claim.sentence, claim.sentenceStart) : null,
    evidence,
    vocabulary,
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
  claimantType: ClaimantType | null;
  summary: string | null;
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
  claimantType: true,
  summary: true,
  claimedAt: true,
  kind: true,
  storyId: true,
  documentId: true,
  sentence: true,
} as const;

/** The fields the edit form shows; also what a version conflict returns as the newer values. */
export async function getEditableClaim(where: { id: string } | { slug: string }, db?: Db | Tx): Promise<EditableClaim | null> {
  const client = db ?? (await getDb());
  const row = await client.claim.findUnique({ where, select: { ...editableSelect, claimantRecord: { select: { type: true } } } });
  if (!row) return null;
  // The record's type is the truth; a claim linked by the trigger (imports, seeds) has none of its own.
  const { claimantRecord, ...claim } = row;
  return { ...claim, claimantType: claimantRecord?.type ?? claim.claimantType, claimedAt: claim.claimedAt?.toISOString() ?? null };
}

export type ClaimFormOptions = {
  stories: Array<{ id: string; title: string }>;
  documents: Array<{ id: string; title: string; outlet: string }>;
  deskUsers: Array<{ id: string; name: string; role: Role }>;
  claimants: Array<{ value: string; label: string }>;
};

/** Choices for the claim form and the list filters: open (not archived) stories, recent documents, active desk users, claimants. */
export async function getClaimFormOptions(): Promise<ClaimFormOptions> {
  const db = await getDb();
  const [stories, documents, deskUsers, claimants] = await Promise.all([
    db.story.findMany({ where: { archivedAt: null }, orderBy: { createdAt: "desc" }, take: 200, select: { id: true, title: true } }),
    db.document.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, title: true, outlet: true } }),
    listDeskUsers(db),
    listClaimantChoices(db),
  ]);
  return { stories, documents, deskUsers, claimants };
}

/** Anyone who can work on claims: every active user (fact-checkers, editors, admins). */
export async function getDeskUsers(): Promise<ClaimFormOptions["deskUsers"]> {
  return listDeskUsers(await getDb());
}

function listDeskUsers(db: Db | Tx) {
  return db.user.findMany({ where: { disabled: false }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
}
