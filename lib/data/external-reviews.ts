import "server-only";
import { getDb } from "../db";
import type { Db, Tx } from "../db/client";
import { isNormalisedRating, type NormalisedRating } from "../claim-review/rating-scale";
import type { ExternalClaimReview } from "../claim-review/read-review";

/**
 * Another organisation's published check, as stored in `claims.external_review` by the ClaimReview
 * importer: the review as read (lib/claim-review/read-review.ts) without what became the claim's own
 * columns (text, claimant, date). Never our own verdict: our verdicts live in the verdicts table only.
 */
export type ExternalReview = Omit<ExternalClaimReview, "url" | "claimReviewed" | "claimant" | "claimedAt"> & {
  reviewUrl: string;
  /** The first appearance, else the first of the appearances (kept for older readers). */
  appearanceUrl: string | null;
  importedAt: string;
};

const str = (value: unknown) => (typeof value === "string" ? value : null);
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const strs = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const objs = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null) : []);

/** Reads the JSON column defensively: a row written by hand or by an older importer shows what it can. */
export function readExternalReview(value: unknown): ExternalReview | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const organisation = str(v.organisation);
  const reviewUrl = str(v.reviewUrl);
  if (!organisation || !reviewUrl) return null;
  const appearanceUrl = str(v.appearanceUrl);
  return {
    organisation,
    organisationUrl: str(v.organisationUrl),
    organisationSameAs: strs(v.organisationSameAs),
    authors: objs(v.authors).map((a) => ({ name: str(a.name), url: str(a.url) })),
    reviewUrl,
    reviewKey: str(v.reviewKey) ?? reviewUrl,
    headline: str(v.headline),
    reviewBody: str(v.reviewBody),
    inLanguage: str(v.inLanguage),
    sameAs: strs(v.sameAs),
    ratingValue: num(v.ratingValue),
    bestRating: num(v.bestRating),
    worstRating: num(v.worstRating),
    alternateName: str(v.alternateName) ?? "",
    ratingName: str(v.ratingName),
    normalisedRating: isNormalisedRating(v.normalisedRating) ? v.normalisedRating : "unrated",
    ratingBasis: v.ratingBasis === "words" || v.ratingBasis === "numbers" ? v.ratingBasis : "none",
    datePublished: str(v.datePublished),
    dateModified: str(v.dateModified),
    claimDate: str(v.claimDate),
    claimantType: v.claimantType === "Person" || v.claimantType === "Organization" ? v.claimantType : null,
    claimantSameAs: strs(v.claimantSameAs),
    appearanceUrl,
    firstAppearanceUrl: str(v.firstAppearanceUrl),
    appearances: Array.isArray(v.appearances) ? strs(v.appearances) : appearanceUrl ? [appearanceUrl] : [],
    itemReviewedUrl: str(v.itemReviewedUrl),
    itemReviewedName: str(v.itemReviewedName),
    dropped: objs(v.dropped).flatMap((d) => (typeof d.path === "string" && typeof d.reason === "string" ? [{ path: d.path, reason: d.reason }] : [])),
    importedAt: str(v.importedAt) ?? "",
  };
}

/**
 * The claims already imported from these reviews: review key -> claim slug. The key is the review's
 * normalised address (lib/urls.ts normalizeUrl); rows imported before keys existed match by url.
 */
export async function findImportedReviews(db: Db | Tx, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ key: string; slug: string }>>`
    SELECT COALESCE(c."external_review"->>'reviewKey', c."external_review"->>'reviewUrl') AS "key", c."slug"
    FROM "claims" c
    WHERE c."external_review" IS NOT NULL
      AND COALESCE(c."external_review"->>'reviewKey', c."external_review"->>'reviewUrl') = ANY(${keys}::text[])`;
  return new Map(rows.map((r) => [r.key, r.slug]));
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

/** The most recently imported checks, newest first, for the import page; optionally only one normalised rating. */
export async function listRecentImports(options: { take?: number; rating?: NormalisedRating } = {}): Promise<ExternalCheck[]> {
  const db = await getDb();
  const rating = options.rating ?? null;
  const rows = await db.$queryRaw<Array<{ slug: string; text: string; claimant: string; externalReview: unknown }>>`
    SELECT c."slug", c."text", c."claimant", c."external_review" AS "externalReview"
    FROM "claims" c
    WHERE c."external_review" IS NOT NULL
      AND (${rating}::text IS NULL OR COALESCE(c."external_review"->>'normalisedRating', 'unrated') = ${rating}::text)
    ORDER BY c."created_at" DESC, c."id" DESC
    LIMIT ${options.take ?? 20}`;
  return rows.flatMap((row) => {
    const review = readExternalReview(row.externalReview);
    return review ? [{ slug: row.slug, text: row.text, claimant: row.claimant, review }] : [];
  });
}
