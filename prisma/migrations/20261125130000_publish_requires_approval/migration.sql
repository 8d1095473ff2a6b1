-- A verdict reaches APPROVED or PUBLISHED only through an approving review of its current
-- revision (the first version of this trigger guarded APPROVED alone, so a direct jump from
-- DRAFT to PUBLISHED slipped past it).
CREATE OR REPLACE FUNCTION verdict_require_approval() RETURNS trigger AS $$
BEGIN
  IF NEW."state" IN ('APPROVED', 'PUBLISHED')
     AND (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."revision" <> NEW."revision")
     AND NOT EXISTS (
       SELECT 1 FROM "review_decisions" r
       WHERE r."verdict_id" = NEW."id" AND r."outcome" = 'APPROVED' AND r."verdict_revision" = NEW."revision"
     ) THEN
    RAISE EXCEPTION 'verdict % revision % has no approving review', NEW."id", NEW."revision"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'verdicts_approval_required';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

-- New verdicts start as drafts: nothing is born approved or published.
CREATE FUNCTION verdict_born_draft() RETURNS trigger AS $$
BEGIN
  IF NEW."state" NOT IN ('DRAFT', 'SUBMITTED') THEN
    RAISE EXCEPTION 'a new verdict must start as a draft, not %', NEW."state"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'verdicts_born_draft';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "verdicts_born_draft" BEFORE INSERT ON "verdicts"
  FOR EACH ROW EXECUTE FUNCTION verdict_born_draft();
