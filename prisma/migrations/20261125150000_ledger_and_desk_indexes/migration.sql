-- Indexes found by the benchmark (npm run bench, docs/performance.md).

-- The public ledger's list, newest published verdict first: read in order off this index and
-- stopped after one page, instead of joining and sorting every published claim per request.
CREATE INDEX "verdicts_published_ledger_idx" ON "verdicts" ("published_at" DESC, "claim_id" DESC) WHERE "state" = 'PUBLISHED';

-- The desk's "cites" picker (lib/data/sources.ts listSourceOptions): first 300 by outlet, newest first.
CREATE INDEX "sources_outlet_created_at_idx" ON "sources" ("outlet", "created_at" DESC);

-- Imported checks of similar claims on the desk's claim page (lib/data/external-reviews.ts): the
-- trigram search only among imported claims, not every claim.
CREATE INDEX "claims_external_text_trgm_idx" ON "claims" USING GIN ("text" gin_trgm_ops) WHERE "external_review" IS NOT NULL;
