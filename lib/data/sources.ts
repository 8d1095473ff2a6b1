import "server-only";
import { getDb } from "../db";
import type { Db, Tx } from "../db/client";
import { normalizeUrl } from "../urls";
import type { SourceType } from "../generated/prisma/enums";

/** The source a URL stands for, if we already have it: two URLs are one source when they normalise alike. */
export async function findSourceByUrl(db: Db | Tx, url: string) {
  return db.source.findUnique({ where: { normalizedUrl: normalizeUrl(url) }, select: { id: true, outlet: true, url: true } });
}

export type SourceOption = { id: string; outlet: string; url: string; title: string | null };

/** How many sources the "cites" picker shows at once; it asks for more by narrowing the search. */
export const SOURCE_SEARCH_LIMIT = 20;

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Sources whose outlet, title or URL contains `q` (case-insensitive), by outlet, newest first.
 * The expression is the one indexed by `sources_search_trgm_idx` (trigram GIN): keep them identical.
 */
export async function searchSourceOptions(q: string, take = SOURCE_SEARCH_LIMIT): Promise<SourceOption[]> {
  const db = await getDb();
  return db.$queryRaw<SourceOption[]>`
    SELECT s."id"::text AS "id", s."outlet", s."url", s."title"
    FROM "sources" s
    WHERE lower(s."outlet" || ' ' || coalesce(s."title", '') || ' ' || s."url") LIKE ${likePattern(q)}
    ORDER BY s."outlet", s."created_at" DESC, s."id"
    LIMIT ${take}`;
}

/** The sources already attached to a claim: what the picker offers before anything is typed. */
export async function listClaimSourceOptions(claimId: string, take = SOURCE_SEARCH_LIMIT): Promise<SourceOption[]> {
  const db = await getDb();
  return db.source.findMany({
    where: { evidence: { some: { claimId } } },
    orderBy: [{ outlet: "asc" }, { createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, outlet: true, url: true, title: true },
  });
}

export type KnownSource = { outlet: string; type: SourceType; language: string; title: string | null; publishedAt: string | null };

/** What the attach form may fill in from a source we already have under the same normalised URL. */
export async function findKnownSource(url: string): Promise<KnownSource | null> {
  const db = await getDb();
  const row = await db.source.findUnique({
    where: { normalizedUrl: normalizeUrl(url) },
    select: { outlet: true, type: true, language: true, title: true, publishedAt: true },
  });
  return row ? { ...row, publishedAt: row.publishedAt?.toISOString() ?? null } : null;
}
