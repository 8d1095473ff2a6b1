-- One-time links to set a password (issue 19): an admin invites a new person or sends an existing
-- one a reset link; nobody, admins included, ever sees a password. Only the SHA-256 of the token is
-- kept: the token itself (32 random bytes, base64url) is shown to the admin once and mailed.
CREATE TYPE "PasswordLinkPurpose" AS ENUM ('INVITE', 'RESET');

CREATE TABLE "password_links" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id"       UUID NOT NULL,
  "purpose"       "PasswordLinkPurpose" NOT NULL,
  "token_sha256"  TEXT NOT NULL,
  "created_by_id" UUID,
  "created_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at"    TIMESTAMPTZ(3) NOT NULL,
  -- Set when the link was used to choose a password (single use).
  "used_at"       TIMESTAMPTZ(3),
  -- Set when a newer link for the same person replaced it.
  "voided_at"     TIMESTAMPTZ(3),
  CONSTRAINT "password_links_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "password_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "password_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "password_links_token_sha256_check" CHECK ("token_sha256" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "password_links_expiry_check" CHECK ("expires_at" > "created_at" AND "expires_at" <= "created_at" + interval '72 hours'),
  CONSTRAINT "password_links_closed_once_check" CHECK ("used_at" IS NULL OR "voided_at" IS NULL)
);

CREATE UNIQUE INDEX "password_links_token_sha256_key" ON "password_links"("token_sha256");
CREATE INDEX "password_links_user_id_idx" ON "password_links"("user_id");
-- At most one open link per person: a newer one voids the older in the same transaction.
CREATE UNIQUE INDEX "password_links_one_open_per_user" ON "password_links"("user_id") WHERE "used_at" IS NULL AND "voided_at" IS NULL;

-- The app role gets SELECT, INSERT, UPDATE, DELETE through the default privileges; run the grants
-- again for databases restored without privileges.
SELECT claimdesk_grant_app_role();
