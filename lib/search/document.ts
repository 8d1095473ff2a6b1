import { Prisma } from "../generated/prisma/client";

/*
 * The searchable documents: the text columns a search reads, for the desk (claims) and for readers
 * (publication snapshots, never desk rows). A document's tsvector must be the exact expression of
 * its GIN index, or the planner will not use it; its words feed the typo lexicon through the
 * triggers of migration 20261201300000_search_words. To add a column (a translated excerpt, say):
 * add it here as `coalesce(x."col", '')`, re-create the document's GIN index with the same
 * expression, and add the column to that table's search_words trigger.
 */
export type SearchDocument = {
  /** The text columns, in index order. */
  columns: Prisma.Sql[];
  /** Which words typos may be corrected towards: the desk's, or only published ones. */
  scope: "desk" | "public";
  /**
   * The claim id column, when a claim also matches through its evidence: the excerpt in its own
   * language's configuration, in `simple`, in Latin letters, and its translation (the index
   * evidence_search_idx over evidence_search_document(), migration 20261201500100).
   */
  evidenceOf?: Prisma.Sql;
};

/** Claims as the desk sees them (index claims_search_idx; `c` is the claims table), and their evidence. */
export const deskClaimDocument: SearchDocument = {
  columns: [Prisma.sql`c."text"`, Prisma.sql`c."claimant"`],
  scope: "desk",
  evidenceOf: Prisma.sql`c."id"`,
};

/** Published claims (index publications_search_idx; `m` is the publications table). */
export const publishedClaimDocument: SearchDocument = {
  columns: [Prisma.sql`(m."snapshot" -> 'claim' ->> 'text')`, Prisma.sql`(m."snapshot" -> 'claim' ->> 'claimant')`],
  scope: "public",
};

/** The document's tsvector, as its index spells it. */
export function documentVector(document: SearchDocument): Prisma.Sql {
  return Prisma.sql`to_tsvector('english', ${Prisma.join(document.columns, ` || ' ' || `)})`;
}
