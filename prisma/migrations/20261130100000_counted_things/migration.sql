-- A vocabulary of what figures count, per story (issue 14): "deaths", also called "people killed"
-- and "fatalities", in one unit, a running total or not. A reported figure references an entry
-- instead of free text, so figures counting the same thing are compared whatever words the source
-- used. Claims outside any story share the entries whose story is null (NULLS NOT DISTINCT keeps
-- those unique too). Synonyms are unique within a story across labels and synonyms; the service
-- checks that under a per-story lock (lib/services/counted-things.ts).

CREATE TABLE "counted_things" (
    "id" UUID NOT NULL,
    "story_id" UUID,
    "label" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT 'people',
    "cumulative" BOOLEAN NOT NULL DEFAULT true,
    "synonyms" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "counted_things_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "counted_things_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- Labels and synonyms are stored as they compare: lower case, single spaces, no padding.
    CONSTRAINT "counted_things_label_check" CHECK ("label" <> '' AND "label" = lower(regexp_replace(btrim("label"), '\s+', ' ', 'g'))),
    CONSTRAINT "counted_things_unit_check" CHECK (btrim("unit") <> ''),
    CONSTRAINT "counted_things_synonyms_check" CHECK (NOT ("label" = ANY ("synonyms")))
);
CREATE UNIQUE INDEX "counted_things_story_id_label_key" ON "counted_things"("story_id", "label") NULLS NOT DISTINCT;

-- Existing free-text "counted" values become one entry per story (or per claims outside a story),
-- unit and spelling; a label counted in two units in one story gets the unit added ("area (km2)").
-- Every entry starts as a running total: that is how the conflict rule treated them until now.
INSERT INTO "counted_things" ("id", "story_id", "label", "unit", "updated_at")
SELECT gen_random_uuid(), "story_id",
       CASE WHEN count(*) OVER (PARTITION BY "story_id", "counted") > 1 THEN "counted" || ' (' || lower(btrim("unit")) || ')' ELSE "counted" END,
       "unit", CURRENT_TIMESTAMP
FROM (SELECT DISTINCT c."story_id", lower(regexp_replace(btrim(f."counted"), '\s+', ' ', 'g')) AS "counted", f."unit"
      FROM "reported_figures" f JOIN "evidence" e ON e."id" = f."evidence_id" JOIN "claims" c ON c."id" = e."claim_id") AS used;

ALTER TABLE "reported_figures" ADD COLUMN "counted_thing_id" UUID, ADD COLUMN "as_of_end" TIMESTAMP(3), ADD COLUMN "explanation" TEXT;
UPDATE "reported_figures" f SET "counted_thing_id" = ct."id"
FROM "evidence" e, "claims" c, "counted_things" ct
WHERE e."id" = f."evidence_id" AND c."id" = e."claim_id"
  AND ct."story_id" IS NOT DISTINCT FROM c."story_id" AND ct."unit" = f."unit"
  AND ct."label" IN (lower(regexp_replace(btrim(f."counted"), '\s+', ' ', 'g')),
                     lower(regexp_replace(btrim(f."counted"), '\s+', ' ', 'g')) || ' (' || lower(btrim(f."unit")) || ')');
ALTER TABLE "reported_figures" ALTER COLUMN "counted_thing_id" SET NOT NULL,
  ADD CONSTRAINT "reported_figures_counted_thing_id_fkey" FOREIGN KEY ("counted_thing_id") REFERENCES "counted_things"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- A span runs forward from its start: "as of 6 to 9 January".
  ADD CONSTRAINT "reported_figures_as_of_span_check" CHECK ("as_of_end" IS NULL OR ("as_of" IS NOT NULL AND "as_of_end" > "as_of")),
  -- Why a running total is lower than an earlier count (a recount, a narrower scope): never blank.
  ADD CONSTRAINT "reported_figures_explanation_check" CHECK ("explanation" IS NULL OR btrim("explanation") <> ''),
  DROP COLUMN "counted",
  DROP COLUMN "unit";
CREATE INDEX "reported_figures_counted_thing_id_idx" ON "reported_figures"("counted_thing_id");

-- Snapshots carry what the reader sees of the vocabulary: the label and unit under the same keys as
-- before, and only when they differ from what older snapshots meant: "asOfEnd" for a span,
-- "cumulative": false for a count that may fall, "alsoCalled" for the synonyms, "explanation" for
-- a running total recorded lower than before on purpose. So a published
-- snapshot without them reads as before (an instant, a running total), existing claims' content
-- stays byte-identical, and a later vocabulary edit changes no public page until it is published.
CREATE OR REPLACE FUNCTION publication_content(p_claim uuid, p_verdict uuid) RETURNS jsonb AS $$
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
  FROM "claims" c WHERE c."id" = p_claim
$$ LANGUAGE sql STABLE;
