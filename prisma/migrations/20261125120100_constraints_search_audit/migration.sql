-- Constraints, search indexes and triggers that schema.prisma cannot express.
-- The schema-drift test knows these indexes as "SQL-only" (test/integration/schema-drift.test.ts).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Users
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email") AND position('@' in "email") > 1);
ALTER TABLE "users" ADD CONSTRAINT "users_name_check" CHECK (length(btrim("name")) > 0);
ALTER TABLE "users" ADD CONSTRAINT "users_session_version_check" CHECK ("session_version" >= 1);

-- Stories and documents
ALTER TABLE "stories" ADD CONSTRAINT "stories_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "stories" ADD CONSTRAINT "stories_title_check" CHECK (length(btrim("title")) > 0);
ALTER TABLE "documents" ADD CONSTRAINT "documents_url_check" CHECK ("url" IS NULL OR "url" ~* '^https?://[^\s]+$');
ALTER TABLE "documents" ADD CONSTRAINT "documents_text_check" CHECK (length(btrim("text")) > 0);

-- Claims
ALTER TABLE "claims" ADD CONSTRAINT "claims_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "claims" ADD CONSTRAINT "claims_text_check" CHECK (length(btrim("text")) > 0);
ALTER TABLE "claims" ADD CONSTRAINT "claims_claimant_check" CHECK (length(btrim("claimant")) > 0);
ALTER TABLE "claims" ADD CONSTRAINT "claims_version_check" CHECK ("version" >= 1);
ALTER TABLE "claims" ADD CONSTRAINT "claims_appearance_check" CHECK (
  ("sentence" IS NULL OR "document_id" IS NOT NULL) AND ("sentence_start" IS NULL OR ("sentence" IS NOT NULL AND "sentence_start" >= 0))
);
CREATE INDEX "claims_search_idx" ON "claims" USING GIN (to_tsvector('english', "text" || ' ' || "claimant"));
CREATE INDEX "claims_text_trgm_idx" ON "claims" USING GIN ("text" gin_trgm_ops);
CREATE INDEX "claims_claimant_trgm_idx" ON "claims" USING GIN ("claimant" gin_trgm_ops);

-- Sources: only web addresses (no javascript:, data:, file: ...)
ALTER TABLE "sources" ADD CONSTRAINT "sources_url_check" CHECK ("url" ~* '^https?://[^\s]+$' AND "normalized_url" ~* '^https?://[^\s]+$');
ALTER TABLE "sources" ADD CONSTRAINT "sources_archive_url_check" CHECK ("archive_url" IS NULL OR "archive_url" ~* '^https?://[^\s]+$');
ALTER TABLE "sources" ADD CONSTRAINT "sources_outlet_check" CHECK (length(btrim("outlet")) > 0);
ALTER TABLE "sources" ADD CONSTRAINT "sources_language_check" CHECK ("language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

-- Evidence and figures
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_excerpt_check" CHECK (length(btrim("excerpt")) > 0);
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_cites_other_check" CHECK ("cites_source_id" IS NULL OR "cites_source_id" <> "source_id");
ALTER TABLE "reported_figures" ADD CONSTRAINT "reported_figures_range_check" CHECK ("low" >= 0 AND "low" <= "high");
ALTER TABLE "reported_figures" ADD CONSTRAINT "reported_figures_counted_check" CHECK (length(btrim("counted")) > 0 AND "counted" = lower("counted"));

-- Verdicts and reviews
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_rating_value_check" CHECK ("rating_value" BETWEEN 1 AND 5);
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_revision_check" CHECK ("revision" >= 1);
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_supersedes_check" CHECK ("supersedes_id" IS NULL OR "supersedes_id" <> "id");
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reasoning_check" CHECK (length(btrim("reasoning")) > 0);
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_published_at_check" CHECK ("state" NOT IN ('PUBLISHED', 'SUPERSEDED') OR "published_at" IS NOT NULL);
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_correction_check" CHECK ("supersedes_id" IS NULL OR length(btrim(coalesce("correction_note", ''))) > 0);
-- At most one published verdict per claim.
CREATE UNIQUE INDEX "verdicts_one_published_per_claim_idx" ON "verdicts" ("claim_id") WHERE "state" = 'PUBLISHED';
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_revision_check" CHECK ("verdict_revision" >= 1);

-- Everyone who wrote or edited a verdict is recorded, whatever code path wrote it.
CREATE FUNCTION verdict_record_editors() RETURNS trigger AS $$
BEGIN
  INSERT INTO "verdict_editors" ("verdict_id", "user_id") VALUES (NEW."id", NEW."author_id") ON CONFLICT DO NOTHING;
  INSERT INTO "verdict_editors" ("verdict_id", "user_id") VALUES (NEW."id", NEW."last_edited_by_id") ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "verdicts_record_editors" AFTER INSERT OR UPDATE OF "author_id", "last_edited_by_id", "revision" ON "verdicts"
  FOR EACH ROW EXECUTE FUNCTION verdict_record_editors();

-- Four-eyes rule: nobody approves a verdict they wrote or edited. Admins are not exempt.
CREATE FUNCTION review_four_eyes() RETURNS trigger AS $$
BEGIN
  IF NEW."outcome" = 'APPROVED' AND EXISTS (
    SELECT 1 FROM "verdict_editors" e WHERE e."verdict_id" = NEW."verdict_id" AND e."user_id" = NEW."reviewer_id"
  ) THEN
    RAISE EXCEPTION 'four-eyes rule: user % wrote or edited verdict % and cannot approve it', NEW."reviewer_id", NEW."verdict_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'review_decisions_four_eyes';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "review_decisions_four_eyes" BEFORE INSERT OR UPDATE ON "review_decisions"
  FOR EACH ROW EXECUTE FUNCTION review_four_eyes();

-- A verdict becomes approved only through an approving review of its current revision.
CREATE FUNCTION verdict_require_approval() RETURNS trigger AS $$
BEGIN
  IF NEW."state" = 'APPROVED' AND (OLD."state" IS DISTINCT FROM 'APPROVED' OR OLD."revision" <> NEW."revision") AND NOT EXISTS (
    SELECT 1 FROM "review_decisions" r
    WHERE r."verdict_id" = NEW."id" AND r."outcome" = 'APPROVED' AND r."verdict_revision" = NEW."revision"
  ) THEN
    RAISE EXCEPTION 'verdict % revision % has no approving review', NEW."id", NEW."revision"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'verdicts_approval_required';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "verdicts_require_approval" BEFORE UPDATE ON "verdicts"
  FOR EACH ROW EXECUTE FUNCTION verdict_require_approval();

-- Audit log: append-only, hash-chained. The hash covers the row's content and the previous hash.
CREATE FUNCTION audit_log_hash(r "audit_log") RETURNS text AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    r."prev_hash", r."id"::text, coalesce(r."actor_id"::text, ''), r."action", r."entity_type", r."entity_id",
    coalesce(r."before"::text, 'null'), coalesce(r."after"::text, 'null'),
    to_char(r."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ), 'UTF8')), 'hex')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION audit_log_chain() RETURNS trigger AS $$
DECLARE
  previous text;
BEGIN
  -- Serialise writers so ids and the chain follow the same order.
  PERFORM pg_advisory_xact_lock(7207369);
  NEW."id" := nextval(pg_get_serial_sequence('"audit_log"', 'id'));
  NEW."created_at" := clock_timestamp();
  SELECT "hash" INTO previous FROM "audit_log" ORDER BY "id" DESC LIMIT 1;
  NEW."prev_hash" := coalesce(previous, repeat('0', 64));
  NEW."hash" := audit_log_hash(NEW);
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();
