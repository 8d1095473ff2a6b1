-- Readers' suggestions and correction requests (issue 21). Never public: public pages show only
-- publications.from_reader_request (set when the amendment is inserted, so a public page changes
-- only with a publication) and monthly counts of completed months.
CREATE TYPE "ReaderRequestKind" AS ENUM ('SUGGESTION', 'CORRECTION');
CREATE TYPE "ReaderRequestStatus" AS ENUM ('OPEN', 'ACTED', 'DECLINED');
CREATE TYPE "ReaderNotice" AS ENUM ('NONE', 'PENDING', 'SENT', 'NOT_CONFIGURED', 'FAILED');

ALTER TABLE "publications" ADD COLUMN "from_reader_request" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "reader_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" TEXT NOT NULL,
    "kind" "ReaderRequestKind" NOT NULL,
    "status" "ReaderRequestStatus" NOT NULL DEFAULT 'OPEN',
    "text" TEXT NOT NULL,
    "seen_at" TEXT,
    "email" TEXT,
    "notice" "ReaderNotice" NOT NULL DEFAULT 'NONE',
    "page_path" TEXT,
    "claim_id" UUID,
    "fingerprint" TEXT NOT NULL,
    "submissions" INTEGER NOT NULL DEFAULT 1,
    "assignee_id" UUID,
    "close_reason" TEXT,
    "close_note" TEXT,
    "publication_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    CONSTRAINT "reader_requests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reader_requests_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "reader_requests_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "reader_requests_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "reader_requests_reference_check" CHECK ("reference" ~ '^R-[0-9A-HJKMNP-TV-Z]{8}$'),
    CONSTRAINT "reader_requests_text_check" CHECK (length(btrim("text")) BETWEEN 1 AND 2000),
    CONSTRAINT "reader_requests_seen_at_check" CHECK ("seen_at" IS NULL OR length("seen_at") BETWEEN 1 AND 500),
    CONSTRAINT "reader_requests_email_check" CHECK ("email" IS NULL OR (length("email") <= 254 AND position('@' in "email") > 1)),
    CONSTRAINT "reader_requests_submissions_check" CHECK ("submissions" >= 1),
    CONSTRAINT "reader_requests_close_note_check" CHECK ("close_note" IS NULL OR length("close_note") <= 1000),
    -- Open requests have no outcome; closed ones have a reason and a time.
    CONSTRAINT "reader_requests_closed_check" CHECK (
      ("status" = 'OPEN' AND "closed_at" IS NULL AND "close_reason" IS NULL)
      OR ("status" <> 'OPEN' AND "closed_at" IS NOT NULL AND "close_reason" IS NOT NULL)
    ),
    CONSTRAINT "reader_requests_close_reason_check" CHECK ("close_reason" IS NULL OR "close_reason" IN
      ('CLAIM_CREATED', 'LINKED', 'CORRECTED', 'ANSWERED', 'NOT_CHECKABLE', 'NO_ERROR_FOUND', 'DUPLICATE', 'OUT_OF_SCOPE', 'SPAM'))
);

CREATE UNIQUE INDEX "reader_requests_reference_key" ON "reader_requests"("reference");
CREATE INDEX "reader_requests_status_kind_created_at_idx" ON "reader_requests"("status", "kind", "created_at");
CREATE INDEX "reader_requests_claim_id_status_idx" ON "reader_requests"("claim_id", "status");
CREATE INDEX "reader_requests_closed_at_idx" ON "reader_requests"("closed_at");
-- Duplicate folding: one open request per fingerprint; a repeat adds to its submissions.
CREATE UNIQUE INDEX "reader_requests_open_fingerprint_idx" ON "reader_requests"("fingerprint") WHERE "status" = 'OPEN';

CREATE TABLE "reader_request_slots" (
    "id" BIGSERIAL NOT NULL,
    "ip" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reader_request_slots_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reader_request_slots_ip_created_at_idx" ON "reader_request_slots"("ip", "created_at");
CREATE INDEX "reader_request_slots_created_at_idx" ON "reader_request_slots"("created_at");

-- A public submission's slot, in one statement (the pattern of reserve_login_slot): under one
-- advisory lock, count the address's and everyone's submissions in the window and, when both are
-- under their limits, record this one. Concurrent submissions queue on the lock and see each other.
CREATE FUNCTION reserve_reader_slot(p_ip text, p_window_minutes integer, p_per_address integer, p_global integer)
RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  since timestamptz := now() - make_interval(mins => p_window_minutes);
  by_address integer;
  overall integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('reader:slots', 0));
  SELECT count(*) INTO by_address FROM reader_request_slots WHERE ip = p_ip AND created_at >= since;
  IF by_address >= p_per_address THEN
    RETURN 'address';
  END IF;
  SELECT count(*) INTO overall FROM reader_request_slots WHERE created_at >= since;
  IF overall >= p_global THEN
    RETURN 'global';
  END IF;
  INSERT INTO reader_request_slots (ip, created_at) VALUES (p_ip, now());
  RETURN 'allowed';
END
$$;
