import pg from "pg";
import { ledgerIdsSql, typoCorrectionSql } from "./ledger-sql";
import { CLAIMANTS, PLACES, TOPICS } from "./vocabulary";

/**
 * Search terms the way readers type them: a topic and a place, a topic alone, or who said it and
 * where. Many distinct queries, so the data cache cannot answer them all from a few entries.
 */
export function searchQueries(count = 5_000): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < count && i < count * 4; i++) {
    const topic = TOPICS[(i * 7919) % TOPICS.length]!;
    const place = PLACES[(i * 104_729) % PLACES.length]!;
    const claimant = CLAIMANTS[(i * 31) % CLAIMANTS.length]!;
    const kind = i % 4;
    out.add(kind === 0 ? topic : kind === 3 ? `${claimant} ${place}` : `${topic} ${place}`);
  }
  return [...out];
}

export const searchPath = (base: string, q: string) => `${base}?q=${encodeURIComponent(q)}`;

/** A sample of published, public claim slugs for the claim page. */
export async function publishedSlugs(url: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(
      `SELECT c."slug" FROM "claims" c JOIN "verdicts" v ON v."claim_id" = c."id" AND v."state" = 'PUBLISHED'
       WHERE c."status" <> 'RETRACTED' ORDER BY md5(c."slug") LIMIT $1`,
      [count],
    );
    return rows.map((r) => r.slug);
  } finally {
    await client.end();
  }
}

/** EXPLAIN ANALYZE of the ledger's list and search statements, for docs/performance.md. */
export async function queryPlans(url: string, q: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const explain = async (sql: string, params: unknown[]) =>
      (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]).join("\n");
    return {
      [`ledger list (no filter)`]: await explain(ledgerIdsSql(false), [21]),
      [`ledger search q=${JSON.stringify(q)}`]: await explain(ledgerIdsSql(true), [q, 21]),
      [`ledger search, broad q="inflation"`]: await explain(ledgerIdsSql(true), ["inflation", 21]),
      [`typo correction when full text finds nothing, q="infaltion Amlaty"`]: await explain(typoCorrectionSql, [["infaltion", "amlaty"]]),
    };
  } finally {
    await client.end();
  }
}
