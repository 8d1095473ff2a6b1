import "server-only";
import { getDb } from "../db";
import type { Db, Tx } from "../db/client";

/**
 * Another organisation's published check, as stored in `claims.external_review` by the ClaimReview
 * importer. Never our own verdict: our verdicts live in the verdicts table only.
 */
export type ExternalReview = {
  organisation: string;
  organisationUrl: string | null;
  reviewUrl: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  alternateName: string;
  datePublished: string | null;
  appearanceUrl: string | null;
  importedAt: string;
};

const str = (value: unknown) => (typeof value === "string" ? value : null);
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Reads the JSON column defensively: a row written by hand or by an older importer shows what it can. */
export function readExternalReview(value: unknown): ExternalReview | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const organisation = str(v.organisation);
  const reviewUrl = str(v.reviewUrl);
  if (!organisation || !reviewUrl) return null;
  return {
    organisation,
    organisationUrl: str(v.organisationUrl),
    reviewUrl,
    ratingValue: num(v.ratingValue),
    bestRating: num(v.bestRating),
    worstRating: num(v.worstRating),
    alternateName: str(v.alternateName) ?? "Unrated",
    datePublished: str(v.datePublished),
    appearanceUrl: str(v.appearanceUrl),
    importedAt: str(v.importedAt) ?? "",
  };
}

/** The claims already imported from these review urls: url -> claim slug. */
export async function findImportedReviews(db: Db | Tx, urls: string[]): Promise<Map<string, string>> {
  if (urls.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ url: string; slug: string }>>`
    SELECT c."external_review"->>'reviewUrl' AS "url", c."slug"
    FROM "claims" c
    WHERE c."external_review"->>'reviewUrl' = ANY(${urls}::text[])`;
  return new Map(rows.map((r) => [r.url, r.slug]));
}

export type ExternalCheck = { slug: string; text: string; claimant: string; review: ExternalReview; score?: number };

export type ExternalChecks = { own: ExternalReview | null; similar: ExternalCheck[] };

/**
 * For a claim's desk page: the other organisation's check it was imported from (if any), and other
 * imported checks whose claim text is similar (trigram similarity above 0.3, served by the
 * claims_text_trgm_idx index through the `%` operator).
 */
export async function getExternalChecks(claimId: string, options: { take?: number } = {}): Promise<ExternalChecks | null> {
  const db = await getDb();
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { text: true, externalReview: true } });
  if (!claim) return null;
  const rows = await db.$queryRaw<Array<{ slug: string; text: string; claimant: string; externalReview: unknown; score: number }>>`
    SELECT c."slug", c."text", c."claimant", c."external_review" AS "externalReview", similarity(c."text", ${claim.text})::float8 AS "score"
    FROM "claims" c
    WHERE c."id" <> ${claimId}::uuid
      AND c."external_review" IS NOT NULL
      AND c."text" % ${claim.text}
      AND similarity(c."text", ${claim.text}) > 0.3
    ORDER BY "score" DESC, c."created_at" DESC
    LIMIT ${options.take ?? 10}`;
  const similar = rows.flatMap((row) => {
    const review = readExternalReview(row.externalReview);
    return review ? [{ slug: row.slug, text: row.text, claimant: row.claimant, review, score: Number(row.score) }] : [];
  });
  return { own: readExternalReview(claim.externalReview), similar };
}

/** The most recently imported checks, newest first, for the import page. */
export async function listRecentImports(options: { take?: number } = {}): Promise<ExternalCheck[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ slug: string; text: string; claimant: string; externalReview: unknown }>>`
    SELECT c."slug", c."text", c."claimant", c."external_review" AS "externalReview"
    FROM "claims" c
    WHERE c."external_review" IS NOT NULL
    ORDER BY c."created_at" DESC, c."id" DESC
    LIMIT ${options.take ?? 20}`;
  return rows.flatMap((row) => {
    const review = readExternalReview(row.externalReview);
    return review ? [{ slug: row.slug, text: row.text, claimant: row.claimant, review }] : [];
  });
}
