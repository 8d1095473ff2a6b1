-- Claim candidates are computed once when an article is imported, not on every view of its page.
-- NULL for articles imported before: their page computes them (in linear time) as before.
ALTER TABLE "documents" ADD COLUMN "candidates" JSONB;
