-- The public log of publications (docs/api.md#the-public-log) and least privilege for the app.
--
-- publication_log: one row per publication event (publish, update, correction, retraction), in
-- order, each linked to the previous one by hash. The application computes the digest and the
-- entry hash (lib/ledger/log.ts, in the transaction that publishes), because they are defined on
-- the canonical JSON (RFC 8785) readers recompute from the API; the database keeps the log
-- append-only. Publications written before this migration are logged by the first catch-up
-- (start-up, `db:migrate`, or the next publish).
CREATE TABLE "publication_log" (
    "seq" BIGINT NOT NULL,
    "publication_id" UUID NOT NULL,
    "logged_at" TIMESTAMP(3) NOT NULL,
    "claim_slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "PublicationKind" NOT NULL,
    "rating" TEXT,
    "digest" TEXT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "publication_log_pkey" PRIMARY KEY ("seq")
);
CREATE UNIQUE INDEX "publication_log_publication_id_key" ON "publication_log"("publication_id");
CREATE UNIQUE INDEX "publication_log_hash_key" ON "publication_log"("hash");
ALTER TABLE "publication_log" ADD CONSTRAINT "publication_log_publication_id_fkey"
  FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publication_log" ADD CONSTRAINT "publication_log_seq_check" CHECK ("seq" >= 1);
ALTER TABLE "publication_log" ADD CONSTRAINT "publication_log_hashes_check"
  CHECK ("digest" ~ '^[0-9a-f]{64}$' AND "prev_hash" ~ '^[0-9a-f]{64}$' AND "hash" ~ '^[0-9a-f]{64}$');

CREATE FUNCTION publication_log_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'publication_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "publication_log_no_update" BEFORE UPDATE OR DELETE ON "publication_log"
  FOR EACH ROW EXECUTE FUNCTION publication_log_immutable();
CREATE TRIGGER "publication_log_no_truncate" BEFORE TRUNCATE ON "publication_log"
  FOR EACH STATEMENT EXECUTE FUNCTION publication_log_immutable();

-- Least privilege (docs/security.md#database-roles). The app connects as claimdesk_app: no
-- superuser, owns nothing (so it can neither disable triggers nor alter tables), cannot set
-- session_replication_role, and may only read and append the audit log and the publication
-- tables. Roles are cluster-wide: created once, granted per database. The role running the
-- migrations must be able to create it, or an operator creates it first (docs/deployment.md).
-- One function holds the grants, so a restore (pg_restore --no-privileges, lib/backup.ts) can apply
-- them again. A later migration that adds an append-only table replaces it with that table added.
CREATE FUNCTION claimdesk_grant_app_role() RETURNS void AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'claimdesk_app') THEN
    IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
      CREATE ROLE claimdesk_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    ELSE
      RAISE EXCEPTION 'The application role claimdesk_app does not exist and % may not create it', current_user
        USING HINT = 'As a superuser: CREATE ROLE claimdesk_app LOGIN PASSWORD ''...''; then migrate again (docs/deployment.md).';
    END IF;
  END IF;
  IF (SELECT rolsuper OR rolbypassrls OR rolcreaterole OR rolreplication FROM pg_roles WHERE rolname = 'claimdesk_app') THEN
    RAISE EXCEPTION 'claimdesk_app must not be a superuser nor bypass row security, create roles or replicate';
  END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO claimdesk_app', current_database());
  GRANT USAGE ON SCHEMA public TO claimdesk_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO claimdesk_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO claimdesk_app;
  -- Append-only records: read and append, nothing else (their triggers refuse it too).
  REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log", "publications", "publication_log" FROM claimdesk_app;
  -- The migrations' bookkeeping is the owner's business.
  REVOKE ALL ON "_prisma_migrations" FROM claimdesk_app;
  -- Tables later migrations create get the same grants; an append-only one must REVOKE as above.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO claimdesk_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO claimdesk_app;
END $$ LANGUAGE plpgsql;
REVOKE ALL ON FUNCTION claimdesk_grant_app_role() FROM PUBLIC;
SELECT claimdesk_grant_app_role();
