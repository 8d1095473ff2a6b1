import pg from "pg";
import { RATING_LABEL } from "../lib/ratings";
import type { Rating } from "../lib/generated/prisma/enums";

/*
 * The public ledger list's SQL as the app sends it (lib/data/ledger.ts findPublishedIds with no
 * filters, or with `q`; "fuzzy" is the trigram fallback used when full text finds nothing), for baseline (a) and for the query plans in docs/performance.md. The
 * search expression must stay identical to the GIN index claims_search_idx.
 */
export function ledgerIdsSql(withQuery: boolean, mode: "fulltext" | "fuzzy" = "fulltext"): string {
  const match =
    mode === "fulltext"
      ? `to_tsvector('english', m."text" || ' ' || m."claimant") @@ websearch_to_tsquery('english', $1)`
      : `m."text" % $1 OR $1 <% m."text" OR m."claimant" % $1`;
  const matches = withQuery ? `WITH "matches" AS MATERIALIZED (SELECT m."id" FROM "claims" m WHERE ${match})\n    ` : "";
  const join = withQuery ? `\n    JOIN "matches" ON "matches"."id" = c."id"` : "";
  return `${matches}SELECT c."id", v."published_at" AS "publishedAt"
    FROM "claims" c${join}
    JOIN "verdicts" v ON v."claim_id" = c."id" AND v."state" = 'PUBLISHED'
    LEFT JOIN "stories" s ON s."id" = c."story_id"
    WHERE c."status" <> 'RETRACTED'
    ORDER BY v."published_at" DESC, c."id" DESC
    LIMIT $${withQuery ? 2 : 1}`;
}

/** The page's rows with their story and published verdict, in one statement. */
export const ledgerItemsSql = `SELECT c."id", c."slug", c."text", c."claimant", c."claimed_at" AS "claimedAt", c."has_conflict" AS "hasConflict",
    s."slug" AS "storySlug", s."title" AS "storyTitle",
    v."rating", v."rating_value" AS "ratingValue", v."published_at" AS "publishedAt", v."supersedes_id" AS "supersedesId"
  FROM "claims" c
  JOIN "verdicts" v ON v."claim_id" = c."id" AND v."state" = 'PUBLISHED'
  LEFT JOIN "stories" s ON s."id" = c."story_id"
  WHERE c."id" = ANY($1::uuid[]) AND c."status" <> 'RETRACTED'`;

export type LedgerRow = {
  id: string;
  slug: string;
  text: string;
  claimant: string;
  claimedAt: Date | null;
  hasConflict: boolean;
  storySlug: string | null;
  storyTitle: string | null;
  rating: Rating;
  ratingValue: number;
  publishedAt: Date;
  supersedesId: string | null;
};

// Prisma keeps DateTime columns as UTC wall time in `timestamp(3)`; read them the same way.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => new Date(`${value.replace(" ", "T")}Z`));

/** The same object /api/v1/claims returns for one item (lib/public/mappers.ts toLedgerItem + api.ts). */
export function toApiItem(row: LedgerRow, base: string) {
  return {
    slug: row.slug,
    text: row.text,
    claimant: row.claimant,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    hasConflict: row.hasConflict,
    story: row.storySlug ? { slug: row.storySlug, title: row.storyTitle } : null,
    verdict: {
      rating: row.rating,
      ratingLabel: RATING_LABEL[row.rating],
      ratingValue: row.ratingValue,
      publishedAt: row.publishedAt.toISOString(),
      corrected: row.supersedesId !== null,
    },
    url: `${base}/claims/${row.slug}`,
    apiUrl: `${base}/api/v1/claims/${row.slug}`,
  };
}
