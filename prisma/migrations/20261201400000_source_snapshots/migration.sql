-- Sources that do not disappear or silently change (issue 20). A snapshot is a page as the fetcher
-- (lib/fetcher) received it: at citation, on demand, or when the recheck found it changed. Its
-- digests are SHA-256 hex of the stored HTML and of the extracted main text.
CREATE TYPE "ExcerptCheck" AS ENUM ('FOUND', 'NOT_FOUND');
CREATE TYPE "SourceAlertKind" AS ENUM ('CHANGED', 'GONE');

CREATE TABLE "source_snapshots" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "source_id" UUID NOT NULL,
  "final_url" TEXT NOT NULL,
  "status" INTEGER NOT NULL,
  "headers" JSONB NOT NULL,
  "html" TEXT NOT NULL,
  "html_sha256" TEXT NOT NULL,
  "main_text" TEXT NOT NULL,
  "main_text_sha256" TEXT NOT NULL,
  "title" TEXT,
  "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "source_snapshots_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "source_snapshots_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "source_snapshots_final_url_check" CHECK ("final_url" ~ '^https?://[^\s]+$'),
  CONSTRAINT "source_snapshots_status_check" CHECK ("status" BETWEEN 100 AND 599),
  CONSTRAINT "source_snapshots_digests_check" CHECK ("html_sha256" ~ '^[0-9a-f]{64}$' AND "main_text_sha256" ~ '^[0-9a-f]{64}$')
);
CREATE INDEX "source_snapshots_source_id_fetched_at_idx" ON "source_snapshots" ("source_id", "fetched_at" DESC);

CREATE TABLE "source_alerts" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "source_id" UUID NOT NULL,
  "kind" "SourceAlertKind" NOT NULL,
  "status" INTEGER NOT NULL,
  "before_snapshot_id" UUID NOT NULL,
  "after_snapshot_id" UUID,
  "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "confirmed_at" TIMESTAMPTZ(3),
  "confirmed_by_id" UUID,
  CONSTRAINT "source_alerts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "source_alerts_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "source_alerts_before_snapshot_id_fkey" FOREIGN KEY ("before_snapshot_id") REFERENCES "source_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "source_alerts_after_snapshot_id_fkey" FOREIGN KEY ("after_snapshot_id") REFERENCES "source_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "source_alerts_confirmed_by_id_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  -- A changed page has its new snapshot; a vanished one (404/410) has none.
  CONSTRAINT "source_alerts_shape_check" CHECK (("kind" = 'CHANGED') = ("after_snapshot_id" IS NOT NULL)),
  CONSTRAINT "source_alerts_status_check" CHECK ("status" BETWEEN 100 AND 599)
);
CREATE INDEX "source_alerts_source_id_detected_at_idx" ON "source_alerts" ("source_id", "detected_at" DESC);

ALTER TABLE "evidence"
  ADD COLUMN "excerpt_language" TEXT,
  ADD COLUMN "translation" TEXT,
  ADD COLUMN "translated_by_id" UUID,
  ADD COLUMN "excerpt_check" "ExcerptCheck",
  ADD COLUMN "checked_snapshot_id" UUID,
  ADD CONSTRAINT "evidence_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD CONSTRAINT "evidence_checked_snapshot_id_fkey" FOREIGN KEY ("checked_snapshot_id") REFERENCES "source_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD CONSTRAINT "evidence_excerpt_language_check" CHECK ("excerpt_language" IS NULL OR "excerpt_language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  ADD CONSTRAINT "evidence_translation_check" CHECK ("translation" IS NULL OR char_length(btrim("translation")) BETWEEN 1 AND 5000),
  -- A check names the snapshot it was made against.
  ADD CONSTRAINT "evidence_excerpt_check_check" CHECK (("excerpt_check" IS NULL) = ("checked_snapshot_id" IS NULL));
UPDATE "evidence" e SET "excerpt_language" = s."language" FROM "sources" s WHERE s."id" = e."source_id";

-- The searchable text of an excerpt: the original under its language's dictionary (PostgreSQL has
-- russian and english; Kazakh and the rest fall back to simple) and the desk's English translation.
-- Search code matches `evidence_search_document(excerpt, excerpt_language, translation) @@ query`;
-- the index below serves exactly that expression.
CREATE FUNCTION evidence_search_document(p_excerpt text, p_language text, p_translation text) RETURNS tsvector AS $$
  SELECT to_tsvector(CASE split_part(coalesce(p_language, ''), '-', 1)
                       WHEN 'ru' THEN 'russian'::regconfig
                       WHEN 'en' THEN 'english'::regconfig
                       ELSE 'simple'::regconfig END, p_excerpt)
         || to_tsvector('simple'::regconfig, p_excerpt)
         || to_tsvector('english'::regconfig, coalesce(p_translation, ''))
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
CREATE INDEX "evidence_search_idx" ON "evidence" USING GIN (evidence_search_document("excerpt", "excerpt_language", "translation"));

-- Published content gains "excerptLanguage" and "translation" on an excerpt only when it has a
-- translation, so content without one stays byte-identical and existing digests stay valid. The
-- rest is 20261130600000_claimants's definition, unchanged.
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
             || CASE WHEN e."translation" IS NULL THEN '{}'::jsonb
                     ELSE jsonb_build_object('excerptLanguage', coalesce(e."excerpt_language", s."language"),
                                             'translation', e."translation") END
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

SELECT claimdesk_grant_app_role();
