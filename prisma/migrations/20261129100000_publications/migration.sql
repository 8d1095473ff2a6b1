-- Publications: what readers see is an immutable snapshot that two people reviewed.
--
-- publication_content() builds, from the desk rows, exactly what the public ledger shows for a
-- claim and a verdict (claim, story, appearance, each evidence item with its source, citation and
-- figure, the verdict). Its jsonb text is the canonical JSON: jsonb orders keys and formats values
-- one way only, and dates are written as UTC ISO strings here. publication_digest() is the sha256
-- of that text. An approving review records the digest of the content it approved; a publication
-- stores the snapshot itself and is refused unless it equals both the approved digest and the
-- current content. Nobody can update or delete a publication.

CREATE TYPE "PublicationKind" AS ENUM ('ORIGINAL', 'UPDATE', 'CORRECTION', 'RETRACTION');

ALTER TABLE "verdicts" ADD COLUMN "amendment_kind" "PublicationKind";
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_amendment_kind_check"
  CHECK ("amendment_kind" IS NULL OR "amendment_kind" IN ('UPDATE', 'CORRECTION'));
ALTER TABLE "review_decisions" ADD COLUMN "content_digest" TEXT;

CREATE TABLE "publications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "verdict_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "PublicationKind" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "digest" TEXT NOT NULL,
    "note" TEXT,
    "checked_by_id" UUID,
    "checked_by_name" TEXT,
    "checked_at" TIMESTAMP(3),
    "approved_by_id" UUID,
    "approved_by_name" TEXT,
    "approved_at" TIMESTAMP(3),
    "published_by_id" UUID,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "publications_claim_id_version_key" ON "publications"("claim_id", "version");
CREATE INDEX "publications_verdict_id_idx" ON "publications"("verdict_id");
CREATE INDEX "publications_kind_published_at_idx" ON "publications"("kind", "published_at");
CREATE INDEX "publications_published_at_claim_id_idx" ON "publications"("published_at" DESC, "claim_id" DESC);
ALTER TABLE "publications" ADD CONSTRAINT "publications_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_checked_by_id_fkey" FOREIGN KEY ("checked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_version_check" CHECK ("version" >= 1);
-- Every later version tells readers what changed and why.
ALTER TABLE "publications" ADD CONSTRAINT "publications_note_check"
  CHECK ("kind" = 'ORIGINAL' OR length(btrim(coalesce("note", ''))) > 0);
-- Search over what readers see (the published text and claimant), not over desk rows.
CREATE INDEX "publications_search_idx" ON "publications" USING GIN (
  to_tsvector('english', ("snapshot" -> 'claim' ->> 'text') || ' ' || ("snapshot" -> 'claim' ->> 'claimant')));

CREATE FUNCTION publication_iso(ts timestamp) RETURNS text AS $$
  SELECT to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION publication_source(s "sources") RETURNS jsonb AS $$
  SELECT CASE WHEN s."id" IS NULL THEN NULL ELSE jsonb_build_object(
    'id', s."id", 'url', s."url", 'outlet', s."outlet", 'type', s."type", 'title', s."title",
    'publishedAt', publication_iso(s."published_at"), 'archiveUrl', s."archive_url",
    'reliabilityNote', s."reliability_note") END
$$ LANGUAGE sql STABLE;

CREATE FUNCTION publication_content(p_claim uuid, p_verdict uuid) RETURNS jsonb AS $$
  SELECT jsonb_build_object(
    'claim', jsonb_build_object('slug', c."slug", 'text', c."text", 'claimant', c."claimant",
                                'claimedAt', publication_iso(c."claimed_at"), 'kind', c."kind"),
    'story', (SELECT jsonb_build_object('slug', st."slug", 'title', st."title", 'summary', st."summary",
                                        'startsOn', to_char(st."starts_on", 'YYYY-MM-DD'))
              FROM "stories" st WHERE st."id" = c."story_id"),
    'appearance', jsonb_build_object(
      'sentence', c."sentence",
      'document', (SELECT jsonb_build_object('title', d."title", 'outlet', d."outlet", 'url', d."url",
                                             'publishedAt', publication_iso(d."published_at"))
                   FROM "documents" d WHERE d."id" = c."document_id")),
    'evidence', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
               'stance', e."stance", 'excerpt', e."excerpt", 'location', e."location",
               'attribution', e."attribution",
               'source', publication_source(s), 'cites', publication_source(cs),
               'figure', (SELECT jsonb_build_object('low', f."low", 'high', f."high", 'words', f."words",
                                                    'unit', f."unit", 'counted', f."counted",
                                                    'asOf', publication_iso(f."as_of"))
                          FROM "reported_figures" f WHERE f."evidence_id" = e."id"))
             ORDER BY e."created_at", e."id")
      FROM "evidence" e
      JOIN "sources" s ON s."id" = e."source_id"
      LEFT JOIN "sources" cs ON cs."id" = e."cites_source_id"
      WHERE e."claim_id" = c."id"), '[]'::jsonb),
    'verdict', (SELECT jsonb_build_object('rating', v."rating", 'ratingValue', v."rating_value",
                                          'reasoning', v."reasoning", 'evidenceGap', v."evidence_gap",
                                          'asOf', publication_iso(v."as_of"))
                FROM "verdicts" v WHERE v."id" = p_verdict AND v."claim_id" = c."id"))
  FROM "claims" c WHERE c."id" = p_claim
$$ LANGUAGE sql STABLE;

CREATE FUNCTION publication_digest(content jsonb) RETURNS text AS $$
  SELECT encode(sha256(convert_to(content::text, 'UTF8')), 'hex')
$$ LANGUAGE sql IMMUTABLE;

-- An approval records the digest of the content it approved, whatever the client sent.
CREATE FUNCTION review_record_digest() RETURNS trigger AS $$
BEGIN
  IF NEW."outcome" = 'APPROVED' THEN
    NEW."content_digest" := publication_digest(publication_content(
      (SELECT v."claim_id" FROM "verdicts" v WHERE v."id" = NEW."verdict_id"), NEW."verdict_id"));
  ELSE
    NEW."content_digest" := NULL;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "review_decisions_record_digest" BEFORE INSERT OR UPDATE ON "review_decisions"
  FOR EACH ROW EXECUTE FUNCTION review_record_digest();

-- Four eyes on amendments too: whoever changed a published claim's text or evidence since its
-- last publication (the audit log knows) cannot approve the amendment.
CREATE OR REPLACE FUNCTION review_four_eyes() RETURNS trigger AS $$
DECLARE
  v_claim uuid;
  v_since timestamp;
BEGIN
  IF NEW."outcome" <> 'APPROVED' THEN RETURN NEW; END IF;
  IF EXISTS (
    SELECT 1 FROM "verdict_editors" e WHERE e."verdict_id" = NEW."verdict_id" AND e."user_id" = NEW."reviewer_id"
  ) THEN
    RAISE EXCEPTION 'four-eyes rule: user % wrote or edited verdict % and cannot approve it', NEW."reviewer_id", NEW."verdict_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'review_decisions_four_eyes';
  END IF;
  SELECT v."claim_id" INTO v_claim FROM "verdicts" v WHERE v."id" = NEW."verdict_id";
  SELECT max(p."published_at") INTO v_since FROM "publications" p WHERE p."claim_id" = v_claim;
  IF v_since IS NOT NULL AND EXISTS (
    SELECT 1 FROM "audit_log" a
    WHERE a."actor_id" = NEW."reviewer_id" AND a."created_at" >= (v_since AT TIME ZONE 'UTC')
      AND ((a."entity_type" = 'claim' AND a."entity_id" = v_claim::text AND a."action" = 'claim.update')
        OR (a."entity_type" = 'evidence' AND a."action" IN ('evidence.create', 'evidence.delete')
            AND coalesce(a."after" ->> 'claimId', a."before" ->> 'claimId') = v_claim::text))
  ) THEN
    RAISE EXCEPTION 'four-eyes rule: user % changed claim % since its last publication and cannot approve the amendment', NEW."reviewer_id", v_claim
      USING ERRCODE = 'check_violation', CONSTRAINT = 'review_decisions_four_eyes';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

-- A publication is checked and completed here, so a hand-written INSERT gets the same scrutiny.
CREATE FUNCTION publication_check() RETURNS trigger AS $$
DECLARE
  v_latest "publications";
  v_verdict "verdicts";
  v_review "review_decisions";
BEGIN
  -- One publication at a time per claim: versions are gapless.
  PERFORM 1 FROM "claims" WHERE "id" = NEW."claim_id" FOR UPDATE;
  SELECT * INTO v_latest FROM "publications" WHERE "claim_id" = NEW."claim_id" ORDER BY "version" DESC LIMIT 1;
  NEW."version" := coalesce(v_latest."version", 0) + 1;
  IF v_latest."kind" = 'RETRACTION' THEN
    RAISE EXCEPTION 'claim % was retracted; nothing more is published for it', NEW."claim_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_after_retraction';
  END IF;

  IF NEW."kind" = 'RETRACTION' THEN
    -- A retraction keeps the last published content on the record, unchanged.
    IF v_latest."id" IS NULL THEN
      RAISE EXCEPTION 'claim % was never published; there is nothing to retract publicly', NEW."claim_id"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_retraction_needs_publication';
    END IF;
    NEW."snapshot" := v_latest."snapshot";
    NEW."verdict_id" := v_latest."verdict_id";
    NEW."checked_by_id" := NULL; NEW."checked_by_name" := NULL; NEW."checked_at" := NULL;
    NEW."approved_by_id" := NULL; NEW."approved_by_name" := NULL; NEW."approved_at" := NULL;
  ELSE
    SELECT * INTO v_verdict FROM "verdicts" WHERE "id" = NEW."verdict_id";
    IF v_verdict."claim_id" IS DISTINCT FROM NEW."claim_id" THEN
      RAISE EXCEPTION 'verdict % does not belong to claim %', NEW."verdict_id", NEW."claim_id"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_verdict_claim';
    END IF;
    IF (NEW."kind" = 'ORIGINAL') <> (v_latest."id" IS NULL) THEN
      RAISE EXCEPTION 'the first publication of a claim is its original; later ones are updates or corrections'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_kind_sequence';
    END IF;
    SELECT * INTO v_review FROM "review_decisions"
      WHERE "verdict_id" = v_verdict."id" AND "outcome" = 'APPROVED' AND "verdict_revision" = v_verdict."revision"
      ORDER BY "created_at" DESC LIMIT 1;
    IF v_review."id" IS NULL THEN
      RAISE EXCEPTION 'verdict % revision % has no approving review', v_verdict."id", v_verdict."revision"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_approval_required';
    END IF;
    IF publication_digest(NEW."snapshot") IS DISTINCT FROM v_review."content_digest" THEN
      RAISE EXCEPTION 'publication snapshot differs from the content approved for verdict %', v_verdict."id"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_match_approval';
    END IF;
    IF NEW."snapshot" IS DISTINCT FROM publication_content(NEW."claim_id", v_verdict."id") THEN
      RAISE EXCEPTION 'claim % changed after its approval; it needs a fresh review', NEW."claim_id"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_match_content';
    END IF;
    IF NEW."kind" = 'UPDATE' AND (NEW."snapshot" -> 'verdict' ->> 'rating') IS DISTINCT FROM (v_latest."snapshot" -> 'verdict' ->> 'rating') THEN
      RAISE EXCEPTION 'an update keeps the rating; a changed rating is a correction'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'publications_update_keeps_rating';
    END IF;
    -- Bylines as they were on the day: later renames do not rewrite the record.
    NEW."checked_by_id" := v_verdict."author_id";
    NEW."checked_by_name" := (SELECT "name" FROM "users" WHERE "id" = v_verdict."author_id");
    NEW."checked_at" := coalesce(v_verdict."submitted_at", v_verdict."created_at");
    NEW."approved_by_id" := v_review."reviewer_id";
    NEW."approved_by_name" := (SELECT "name" FROM "users" WHERE "id" = v_review."reviewer_id");
    NEW."approved_at" := v_review."created_at";
  END IF;
  NEW."digest" := publication_digest(NEW."snapshot");
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "publications_check" BEFORE INSERT ON "publications"
  FOR EACH ROW EXECUTE FUNCTION publication_check();

CREATE FUNCTION publication_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'publications are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "publications_no_update" BEFORE UPDATE OR DELETE ON "publications"
  FOR EACH ROW EXECUTE FUNCTION publication_immutable();
CREATE TRIGGER "publications_no_truncate" BEFORE TRUNCATE ON "publications"
  FOR EACH STATEMENT EXECUTE FUNCTION publication_immutable();

-- A verdict is PUBLISHED only with its publication row (checked at commit, so the order of the
-- two writes inside a transaction does not matter).
CREATE FUNCTION verdict_published_has_publication() RETURNS trigger AS $$
BEGIN
  IF NEW."state" = 'PUBLISHED' AND NOT EXISTS (
    SELECT 1 FROM "publications" p WHERE p."verdict_id" = NEW."id" AND p."kind" <> 'RETRACTION'
  ) THEN
    RAISE EXCEPTION 'verdict % is published without a publication', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'verdicts_publication_required';
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER "verdicts_publication_required" AFTER UPDATE OF "state" ON "verdicts"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."state" = 'PUBLISHED' AND OLD."state" IS DISTINCT FROM NEW."state")
  EXECUTE FUNCTION verdict_published_has_publication();

-- Claims published before publications existed: their published and superseded verdicts become
-- versions 1..n with the content the desk holds today (the earlier snapshots were never kept), and
-- a retracted one gets its retraction with the note from the audit log.
ALTER TABLE "publications" DISABLE TRIGGER "publications_check";
INSERT INTO "publications" ("claim_id", "verdict_id", "version", "kind", "snapshot", "digest", "note",
                            "checked_by_id", "checked_by_name", "checked_at", "approved_by_id", "approved_by_name", "approved_at", "published_at")
SELECT v."claim_id", v."id",
       row_number() OVER (PARTITION BY v."claim_id" ORDER BY v."published_at", v."id"),
       CASE WHEN row_number() OVER (PARTITION BY v."claim_id" ORDER BY v."published_at", v."id") = 1 THEN 'ORIGINAL' ELSE 'CORRECTION' END::"PublicationKind",
       publication_content(v."claim_id", v."id"), publication_digest(publication_content(v."claim_id", v."id")),
       CASE WHEN row_number() OVER (PARTITION BY v."claim_id" ORDER BY v."published_at", v."id") = 1 THEN NULL
            ELSE coalesce(nullif(btrim(v."correction_note"), ''), 'Corrected.') END,
       v."author_id", a."name", coalesce(v."submitted_at", v."created_at"),
       r."reviewer_id", u."name", r."created_at", v."published_at"
FROM "verdicts" v
JOIN "users" a ON a."id" = v."author_id"
LEFT JOIN LATERAL (SELECT * FROM "review_decisions" d WHERE d."verdict_id" = v."id" AND d."outcome" = 'APPROVED'
                   ORDER BY d."created_at" DESC LIMIT 1) r ON true
LEFT JOIN "users" u ON u."id" = r."reviewer_id"
WHERE v."state" IN ('PUBLISHED', 'SUPERSEDED') AND v."published_at" IS NOT NULL;

INSERT INTO "publications" ("claim_id", "verdict_id", "version", "kind", "snapshot", "digest", "note", "published_at")
SELECT p."claim_id", p."verdict_id", p."version" + 1, 'RETRACTION', p."snapshot", p."digest",
       coalesce((SELECT l."after" ->> 'note' FROM "audit_log" l WHERE l."entity_type" = 'claim' AND l."entity_id" = c."id"::text
                 AND l."action" = 'claim.retract' ORDER BY l."id" DESC LIMIT 1), 'Retracted.'),
       c."updated_at"
FROM "claims" c
JOIN LATERAL (SELECT * FROM "publications" q WHERE q."claim_id" = c."id" ORDER BY q."version" DESC LIMIT 1) p ON true
WHERE c."status" = 'RETRACTED';
ALTER TABLE "publications" ENABLE TRIGGER "publications_check";
