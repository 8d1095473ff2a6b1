-- Desk conversation (issue 19): comments on a claim with @mentions, and the desk's notifications.
-- Both are desk-only: no public query, snapshot or feed reads these tables.

CREATE TYPE "NotificationKind" AS ENUM ('ASSIGNED', 'REVIEW_REQUESTED', 'APPROVED', 'SENT_BACK', 'MENTIONED');

CREATE TABLE "claim_comments" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "claim_id" UUID NOT NULL,
  "author_id" UUID NOT NULL,
  "body" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "claim_comments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "claim_comments_body_check" CHECK (length(btrim("body")) BETWEEN 1 AND 4000),
  CONSTRAINT "claim_comments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "claim_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "claim_comments_claim_id_created_at_idx" ON "claim_comments"("claim_id", "created_at");

CREATE TABLE "notifications" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "recipient_id" UUID NOT NULL,
  "kind" "NotificationKind" NOT NULL,
  "claim_id" UUID NOT NULL,
  "actor_id" UUID,
  "comment_id" UUID,
  "read_at" TIMESTAMPTZ(3),
  -- Set once the e-mail copy went out (only when SMTP_URL is configured).
  "emailed_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "notifications_mention_check" CHECK (("kind" = 'MENTIONED') = ("comment_id" IS NOT NULL)),
  CONSTRAINT "notifications_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notifications_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "notifications_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "claim_comments"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "notifications_recipient_id_read_at_created_at_idx" ON "notifications"("recipient_id", "read_at", "created_at");
CREATE INDEX "notifications_claim_id_idx" ON "notifications"("claim_id");
CREATE INDEX "notifications_comment_id_idx" ON "notifications"("comment_id");

-- Stories are created, edited and archived in the desk (lib/services/stories.ts).
ALTER TABLE "stories" ADD COLUMN "archived_at" TIMESTAMPTZ(3);
