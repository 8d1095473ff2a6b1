-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FACT_CHECKER', 'EDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('NUMERIC', 'EVENT', 'FRAMING', 'QUOTE');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('NEW', 'RESEARCHING', 'VERDICT_DRAFTED', 'IN_REVIEW', 'PUBLISHED', 'RETRACTED');

-- CreateEnum
CREATE TYPE "SourceType" AS ENUM ('OFFICIAL', 'WIRE', 'NEWS_OUTLET', 'NGO_MONITOR', 'SOCIAL', 'EYEWITNESS', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'MIXED', 'CONTEXT');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('TRUE', 'MOSTLY_TRUE', 'MIXED', 'MOSTLY_FALSE', 'FALSE', 'MISLEADING', 'UNPROVEN');

-- CreateEnum
CREATE TYPE "VerdictState" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'FACT_CHECKER',
    "password_hash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stories" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "starts_on" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "story_id" UUID,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "published_at" TIMESTAMP(3),
    "text" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "story_id" UUID,
    "text" TEXT NOT NULL,
    "claimant" TEXT NOT NULL,
    "claimed_at" TIMESTAMP(3),
    "kind" "ClaimKind" NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'NEW',
    "document_id" UUID,
    "sentence" TEXT,
    "sentence_start" INTEGER,
    "has_conflict" BOOLEAN NOT NULL DEFAULT false,
    "assignee_id" UUID,
    "created_by_id" UUID,
    "external_review" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "normalized_url" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "type" "SourceType" NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "title" TEXT,
    "published_at" TIMESTAMP(3),
    "accessed_at" TIMESTAMP(3),
    "archive_url" TEXT,
    "snapshot_text" TEXT,
    "reliability_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "stance" "Stance" NOT NULL,
    "excerpt" TEXT NOT NULL,
    "location" TEXT,
    "attribution" TEXT,
    "cites_source_id" UUID,
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reported_figures" (
    "id" UUID NOT NULL,
    "evidence_id" UUID NOT NULL,
    "low" DECIMAL(14,2) NOT NULL,
    "high" DECIMAL(14,2) NOT NULL,
    "words" TEXT,
    "unit" TEXT NOT NULL DEFAULT 'people',
    "counted" TEXT NOT NULL,
    "as_of" TIMESTAMP(3),

    CONSTRAINT "reported_figures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verdicts" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "rating" "Rating" NOT NULL,
    "rating_value" INTEGER NOT NULL,
    "reasoning" TEXT NOT NULL,
    "evidence_gap" TEXT,
    "as_of" TIMESTAMP(3),
    "state" "VerdictState" NOT NULL DEFAULT 'DRAFT',
    "author_id" UUID NOT NULL,
    "last_edited_by_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "supersedes_id" UUID,
    "correction_note" TEXT,
    "submitted_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verdict_editors" (
    "verdict_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verdict_editors_pkey" PRIMARY KEY ("verdict_id", "user_id")
);

-- CreateTable
CREATE TABLE "verdict_evidence" (
    "verdict_id" UUID NOT NULL,
    "evidence_id" UUID NOT NULL,

    CONSTRAINT "verdict_evidence_pkey" PRIMARY KEY ("verdict_id", "evidence_id")
);

-- CreateTable
CREATE TABLE "review_decisions" (
    "id" UUID NOT NULL,
    "verdict_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "outcome" "ReviewOutcome" NOT NULL,
    "verdict_revision" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prev_hash" TEXT NOT NULL DEFAULT '',
    "hash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "stories_slug_key" ON "stories"("slug");

-- CreateIndex
CREATE INDEX "documents_story_id_idx" ON "documents"("story_id");

-- CreateIndex
CREATE UNIQUE INDEX "claims_slug_key" ON "claims"("slug");

-- CreateIndex
CREATE INDEX "claims_story_id_status_idx" ON "claims"("story_id", "status");

-- CreateIndex
CREATE INDEX "claims_status_updated_at_idx" ON "claims"("status", "updated_at");

-- CreateIndex
CREATE INDEX "claims_assignee_id_idx" ON "claims"("assignee_id");

-- CreateIndex
CREATE INDEX "claims_document_id_idx" ON "claims"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "sources_normalized_url_key" ON "sources"("normalized_url");

-- CreateIndex
CREATE INDEX "evidence_source_id_idx" ON "evidence"("source_id");

-- CreateIndex
CREATE INDEX "evidence_cites_source_id_idx" ON "evidence"("cites_source_id");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_claim_id_source_id_key" ON "evidence"("claim_id", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "reported_figures_evidence_id_key" ON "reported_figures"("evidence_id");

-- CreateIndex
CREATE INDEX "reported_figures_counted_idx" ON "reported_figures"("counted");

-- CreateIndex
CREATE UNIQUE INDEX "verdicts_supersedes_id_key" ON "verdicts"("supersedes_id");

-- CreateIndex
CREATE INDEX "verdicts_claim_id_state_idx" ON "verdicts"("claim_id", "state");

-- CreateIndex
CREATE INDEX "verdicts_state_submitted_at_idx" ON "verdicts"("state", "submitted_at");

-- CreateIndex
CREATE INDEX "review_decisions_reviewer_id_idx" ON "review_decisions"("reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_decisions_verdict_id_verdict_revision_reviewer_id_key" ON "review_decisions"("verdict_id", "verdict_revision", "reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_hash_key" ON "audit_log"("hash");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- CreateIndex
CREATE INDEX "login_attempts_email_created_at_idx" ON "login_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_cites_source_id_fkey" FOREIGN KEY ("cites_source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reported_figures" ADD CONSTRAINT "reported_figures_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_last_edited_by_id_fkey" FOREIGN KEY ("last_edited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_editors" ADD CONSTRAINT "verdict_editors_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_editors" ADD CONSTRAINT "verdict_editors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_evidence" ADD CONSTRAINT "verdict_evidence_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_evidence" ADD CONSTRAINT "verdict_evidence_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
