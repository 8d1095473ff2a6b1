-- The desk's "cites" picker searches sources as the user types (GET /desk/sources?q=, lib/data/sources.ts
-- searchSourceOptions): a substring match on outlet, title and URL. A trigram GIN index answers
-- ILIKE '%…%' for three or more characters without reading the table. The expression must match
-- the query's exactly, or the planner will not use it.
CREATE INDEX "sources_search_trgm_idx" ON "sources"
  USING GIN ((lower("outlet" || ' ' || coalesce("title", '') || ' ' || "url")) gin_trgm_ops);
