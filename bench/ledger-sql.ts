import pg from "pg";
import { claimUrl } from "../lib/public/claim-review";
import { toLedgerItem } from "../lib/public/mappers";

/*
 * The public ledger list's SQL as the app sends it (lib/public/ledger.ts findPublishedIds with no
 * filters, or with `q`), and the look-up that corrects a query's typos when full text finds nothing
 * (lib/search/search.ts correctTypos, over search_words), for
 * baseline (a) and for the query plans in docs/performance.md. Like the app, it reads publications
 * only: a claim's latest publication, unless that is a retraction. The search expression must stay
 * identical to the GIN index publications_search_idx.
 */
const text = (alias: string) => `(${alias}."snapshot" -> 'claim' ->> 'text')`;
const claimant = (alias: string) => `(${alias}."snapshot" -> 'claim' ->> 'claimant')`;

export function ledgerIdsSql(withQuery: boolean): string {
  const match = `to_tsvector('english', ${text("m")} || ' ' || ${claimant("m")}) @@ websearch_to_tsquery('english', $1)`;
  const matches = withQuery ? `WITH "matches" AS MATERIALIZED (SELECT m."id" FROM "publications" m WHERE ${match})\n    ` : "";
  const join = withQuery ? `\n    JOIN "matches" ON "matches"."id" = p."id"` : "";
  return `${matches}SELECT p."id", p."claim_id" AS "claimId", p."published_at" AS "publishedAt"
    FROM "publications" p${join}
    WHERE p."kind" <> 'RETRACTION'
      AND NOT EXISTS (SELECT 1 FROM "publications" n WHERE n."claim_id" = p."claim_id" AND n."version" > p."version")
    ORDER BY p."published_at" DESC, p."claim_id" DESC
    LIMIT $${withQuery ? 2 : 1}`;
}

/** Each query word ($1, a text array), whether a published document holds it, and its nearest words (trigram index of search_words). */
export const typoCorrectionSql = `SELECT k AS "word",
    EXISTS (SELECT 1 FROM "search_words" x WHERE x."word" = k AND x."published") AS "known",
    ARRAY(SELECT sw."word" FROM "search_words" sw WHERE sw."word" % k AND sw."published" ORDER BY sw."word" <-> k, sw."word" LIMIT 3) AS "corrections"
  FROM unnest($1::text[]) k`;

/** The page's publications with whether each claim was ever corrected or updated, in one statement. */
export const ledgerItemsSql = `SELECT p."id", p."snapshot", p."published_at" AS "publishedAt",
    EXISTS (SELECT 1 FROM "publications" a WHERE a."claim_id" = p."claim_id" AND a."kind" = 'CORRECTION') AS "corrected",
    EXISTS (SELECT 1 FROM "publications" a WHERE a."claim_id" = p."claim_id" AND a."kind" = 'UPDATE') AS "updated"
  FROM "publications" p
  WHERE p."id" = ANY($1::uuid[])`;

export type LedgerRow = { id: string; snapshot: unknown; publishedAt: Date; corrected: boolean; updated: boolean };

// Prisma keeps DateTime columns as UTC wall time in `timestamp(3)`; read them the same way.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => new Date(`${value.replace(" ", "T")}Z`));

/** The same object /api/v1/claims returns for one item (lib/public/mappers.ts toLedgerItem + api.ts). */
export function toApiItem(row: LedgerRow, base: string) {
  const item = toLedgerItem(row.snapshot, row.publishedAt, { corrected: row.corrected, updated: row.updated });
  return { ...item, url: claimUrl(base, item.slug), apiUrl: `${base}/api/v1/claims/${item.slug}` };
}
