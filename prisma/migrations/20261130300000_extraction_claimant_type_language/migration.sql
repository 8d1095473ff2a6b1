-- Whether a claimant is a person or an organisation: chosen in the form (the extractor's guess is
-- only the default). NULL for claims created before, and when nobody chose.
CREATE TYPE "ClaimantType" AS ENUM ('PERSON', 'ORGANISATION');
ALTER TABLE "claims" ADD COLUMN "claimant_type" "ClaimantType";

-- The language of an imported article, detected from its script or chosen at import; extraction
-- reads it (lib/extraction/language.ts).
ALTER TABLE "documents" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "documents" ADD CONSTRAINT "documents_language_check" CHECK ("language" IN ('en', 'ru', 'other'));
