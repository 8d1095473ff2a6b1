-- Evidence can be edited (lib/services/evidence.ts editEvidence) under optimistic locking: the edit
-- form carries the revision it was opened at, and an edit of an older revision is refused.
ALTER TABLE "evidence" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_revision_positive" CHECK ("revision" >= 1);

-- Four eyes on amendments: whoever edited a published claim's evidence since its last publication
-- cannot approve the amendment either (as for attaching or removing it). The function of
-- 20261129100000_publications, with 'evidence.update' added.
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
        OR (a."entity_type" = 'evidence' AND a."action" IN ('evidence.create', 'evidence.update', 'evidence.delete')
            AND coalesce(a."after" ->> 'claimId', a."before" ->> 'claimId') = v_claim::text))
  ) THEN
    RAISE EXCEPTION 'four-eyes rule: user % changed claim % since its last publication and cannot approve the amendment', NEW."reviewer_id", v_claim
      USING ERRCODE = 'check_violation', CONSTRAINT = 'review_decisions_four_eyes';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
