-- Figures with honest bounds: "at least 164" is an open bound, not the fake range 164-164.
-- A figure is EXACT (low = high), a closed RANGE, the desk's ESTIMATE for vague words
-- ("dozens": words kept, range stated), or an open bound with one end only: AT_LEAST,
-- MORE_THAN, OVER (low end) and UP_TO, NEARLY, FEWER_THAN (high end).

CREATE TYPE "FigureBound" AS ENUM ('EXACT', 'RANGE', 'ESTIMATE', 'AT_LEAST', 'MORE_THAN', 'OVER', 'UP_TO', 'NEARLY', 'FEWER_THAN');

ALTER TABLE "reported_figures" ADD COLUMN "bound" "FigureBound" NOT NULL DEFAULT 'EXACT';
ALTER TABLE "reported_figures" DROP CONSTRAINT "reported_figures_range_check";
ALTER TABLE "reported_figures" ALTER COLUMN "low" DROP NOT NULL, ALTER COLUMN "high" DROP NOT NULL;

-- Existing rows: words with a range were the desk's reading of vague words; other ranges are ranges.
UPDATE "reported_figures" SET "bound" = CASE
  WHEN "words" IS NOT NULL AND "low" <> "high" THEN 'ESTIMATE'::"FigureBound"
  WHEN "low" <> "high" THEN 'RANGE'::"FigureBound"
  ELSE 'EXACT'::"FigureBound" END;

ALTER TABLE "reported_figures" ADD CONSTRAINT "reported_figures_bound_check" CHECK (
  ("low" IS NULL OR "low" >= 0) AND ("high" IS NULL OR "high" >= 0) AND coalesce(CASE
    WHEN "bound" = 'EXACT' THEN "low" IS NOT NULL AND "high" IS NOT NULL AND "low" = "high"
    WHEN "bound" = 'RANGE' THEN "low" IS NOT NULL AND "high" IS NOT NULL AND "low" < "high"
    WHEN "bound" = 'ESTIMATE' THEN "low" IS NOT NULL AND "high" IS NOT NULL AND "low" <= "high" AND "words" IS NOT NULL
    WHEN "bound" IN ('AT_LEAST', 'MORE_THAN', 'OVER') THEN "low" IS NOT NULL AND "high" IS NULL
    ELSE "low" IS NULL AND "high" IS NOT NULL END, false));

-- Snapshots carry the bound. Snapshots written before this migration have no "bound" key:
-- the public readers infer it (lib/domain/figures.ts inferBound), so they stay readable.
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
                                                    'words', f."words", 'unit', f."unit", 'counted', f."counted",
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
