-- Claimants as records (issue 17): a person or organisation chosen by the desk, reused across
-- claims. "type" is NULL until a person sets it (records created by this migration from claims
-- without a chosen type, or from the ClaimReview importer): the desk lists those as needing review,
-- and the public markup falls back to its old guess for them. "same_as" is a Wikidata or official
-- URL (schema.org sameAs). Names and aliases are matched case-insensitively.
CREATE TABLE "claimants" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "type" "ClaimantType",
  "same_as" TEXT,
  "aliases" TEXT[] NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "claimants_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "claimants_name_check" CHECK (char_length(btrim("name")) BETWEEN 1 AND 200),
  CONSTRAINT "claimants_same_as_check" CHECK ("same_as" IS NULL OR "same_as" ~ '^https?://[^\s]+$')
);
CREATE UNIQUE INDEX "claimants_name_key" ON "claimants" (lower("name"));
CREATE INDEX "claimants_aliases_idx" ON "claimants" USING GIN ("aliases");

-- A desk summary for ClaimReview's claimReviewed (at most 75 characters); NULL: derived from the
-- claim text (lib/claim-review/summary.ts).
ALTER TABLE "claims" ADD COLUMN "summary" TEXT;
ALTER TABLE "claims" ADD CONSTRAINT "claims_summary_check"
  CHECK ("summary" IS NULL OR char_length("summary") BETWEEN 1 AND 75);

-- One claimant per distinct claimant text (case and surrounding spaces ignored). Its type is the
-- type people chose on those claims (the most common, when they disagree), else NULL: the old
-- keyword guess is never taken as truth.
INSERT INTO "claimants" ("name", "type")
SELECT min(btrim(c."claimant")), mode() WITHIN GROUP (ORDER BY c."claimant_type")
FROM "claims" c
GROUP BY lower(btrim(c."claimant"));

ALTER TABLE "claims" ADD COLUMN "claimant_id" UUID;
UPDATE "claims" c SET "claimant_id" = cl."id" FROM "claimants" cl WHERE lower(cl."name") = lower(btrim(c."claimant"));
-- The claim rows' text and updated_at stay as they were. The column stays nullable for Prisma's
-- writers; the trigger below fills it on every write, so no row keeps a NULL.
ALTER TABLE "claims" ADD CONSTRAINT "claims_claimant_id_fkey" FOREIGN KEY ("claimant_id") REFERENCES "claimants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "claims_claimant_id_idx" ON "claims" ("claimant_id");

-- The desk links every claim it writes to a record (lib/data/claimants.ts, audited). Rows written
-- without one (imported reviews, fixtures) are linked here by name or alias, creating a record
-- with no type when the name is new; a changed claimant text with an unchanged link is relinked.
CREATE FUNCTION claims_link_claimant() RETURNS trigger AS $$
DECLARE
  v_name text := btrim(NEW."claimant");
BEGIN
  IF NEW."claimant_id" IS NOT NULL AND NOT (TG_OP = 'UPDATE' AND NEW."claimant" IS DISTINCT FROM OLD."claimant"
                                            AND NEW."claimant_id" IS NOT DISTINCT FROM OLD."claimant_id") THEN
    RETURN NEW;
  END IF;
  SELECT cl."id" INTO NEW."claimant_id" FROM "claimants" cl
   WHERE lower(cl."name") = lower(v_name)
      OR EXISTS (SELECT 1 FROM unnest(cl."aliases") a WHERE lower(a) = lower(v_name))
   ORDER BY (lower(cl."name") = lower(v_name)) DESC, cl."created_at" LIMIT 1;
  IF NEW."claimant_id" IS NULL THEN
    INSERT INTO "claimants" ("name") VALUES (v_name)
    ON CONFLICT (lower("name")) DO UPDATE SET "name" = "claimants"."name"
    RETURNING "id" INTO NEW."claimant_id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "claims_link_claimant" BEFORE INSERT OR UPDATE OF "claimant", "claimant_id" ON "claims"
  FOR EACH ROW EXECUTE FUNCTION claims_link_claimant();

-- Snapshots gain "claimantType", "claimantSameAs" (from the claimant record) and "summary" only
-- when set, so content without them stays byte-identical and existing digests stay valid. The rest
-- is 20261130100000_counted_things's definition, unchanged.
CREATE OR REPLACE FUNCTION publication_content(p_claim uuid, p_verdict uuid) RETURNS jsonb AS $$
  SELECT jsonb_build_object(
    'claim', jsonb_build_object('slug', c."slug", 'text', c."text", 'claimant', c."claimant",
                                'claimedAt', publication_iso(c."claimed_at"), 'kind', c."kind")
             || CASE WHEN cl."type" IS NULL THEN '{}'::jsonb
                     ELSE jsonb_build_object('claimantType', cl."type") END
             || CASE WHEN cl."same_as" IS NULL THEN '{}'::jsonb
                     ELSE jsonb_build_object('claimantSameAs', cl."same_as") END
             || CASE WHEN c."summary" IS NULL THEN '{}'::jsonb
                     ELSE jsonb_build_object('summary', c."summary") END,
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
               'figure', (SELECT jsonb_build_object('bound', f."bound", 'low', f."low", 'high', f."high",
                                                    'words', f."words", 'unit', ct."unit", 'counted', ct."label",
                                                    'asOf', publication_iso(f."as_of"))
                                 || CASE WHEN f."as_of_end" IS NULL THEN '{}'::jsonb
                                         ELSE jsonb_build_object('asOfEnd', publication_iso(f."as_of_end")) END
                                 || CASE WHEN ct."cumulative" THEN '{}'::jsonb
                                         ELSE jsonb_build_object('cumulative', false) END
                                 || CASE WHEN cardinality(ct."synonyms") = 0 THEN '{}'::jsonb
                                         ELSE jsonb_build_object('alsoCalled', to_jsonb(ct."synonyms")) END
                                 || CASE WHEN f."explanation" IS NULL THEN '{}'::jsonb
                                         ELSE jsonb_build_object('explanation', f."explanation") END
                          FROM "reported_figures" f JOIN "counted_things" ct ON ct."id" = f."counted_thing_id"
                          WHERE f."evidence_id" = e."id"))
             ORDER BY e."created_at", e."id")
      FROM "evidence" e
      JOIN "sources" s ON s."id" = e."source_id"
      LEFT JOIN "sources" cs ON cs."id" = e."cites_source_id"
      WHERE e."claim_id" = c."id"), '[]'::jsonb),
    'verdict', (SELECT jsonb_build_object('rating', v."rating", 'ratingValue', v."rating_value",
                                          'reasoning', v."reasoning", 'evidenceGap', v."evidence_gap",
                                          'asOf', publication_iso(v."as_of"))
                FROM "verdicts" v WHERE v."id" = p_verdict AND v."claim_id" = c."id"))
  FROM "claims" c LEFT JOIN "claimants" cl ON cl."id" = c."claimant_id" WHERE c."id" = p_claim
$$ LANGUAGE sql STABLE;
