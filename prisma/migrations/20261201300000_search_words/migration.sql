-- Search that finds what people type (issue 19). Typos are corrected word by word against the words
-- the searchable documents actually hold (lib/search/): "airprot" becomes "airport" because a claim
-- says "airport". A word is marked "in_desk" when a claim holds it and "published" when a
-- publication snapshot does; the public search corrects only towards published words, so a reader's
-- query is never steered by unpublished text. Words are only added: a word no document holds any
-- more corrects a query to something that matches nothing, which is harmless.
CREATE TABLE "search_words" (
  "word" TEXT NOT NULL,
  "in_desk" BOOLEAN NOT NULL DEFAULT false,
  "published" BOOLEAN NOT NULL DEFAULT false,
  CONSTRAINT "search_words_pkey" PRIMARY KEY ("word"),
  CONSTRAINT "search_words_word_check" CHECK (char_length("word") BETWEEN 3 AND 40 AND "word" = lower("word"))
);
-- Served by this trigram index: `word % $1` (similarity above pg_trgm's 0.3 threshold).
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING GIN ("word" gin_trgm_ops);

-- The words of a document. Only words that are new, or need a flag set, are written: a word
-- already recorded is read, never locked, so writers of common words ("the", "police") never wait
-- on each other until commit or deadlock. The rest are written sorted, so concurrent writers lock
-- them in one order.
CREATE FUNCTION search_words_add(p_text text, p_published boolean) RETURNS void AS $$
  INSERT INTO "search_words" ("word", "in_desk", "published")
  SELECT w, NOT p_published, p_published
    FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(p_text, '')))) w
   WHERE char_length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9.,:-]+$'
     AND NOT EXISTS (
       SELECT 1 FROM "search_words" s
        WHERE s."word" = w AND (s."published" OR NOT p_published) AND (s."in_desk" OR p_published)
     )
   ORDER BY w
  ON CONFLICT ("word") DO UPDATE
    SET "in_desk" = "search_words"."in_desk" OR EXCLUDED."in_desk",
        "published" = "search_words"."published" OR EXCLUDED."published"
  WHERE (EXCLUDED."in_desk" AND NOT "search_words"."in_desk") OR (EXCLUDED."published" AND NOT "search_words"."published")
$$ LANGUAGE sql;

-- The columns here are the searchable documents' columns (lib/search/document.ts): a column added
-- there is added here too.
CREATE FUNCTION claims_search_words() RETURNS trigger AS $$
BEGIN
  PERFORM search_words_add(NEW."text" || ' ' || NEW."claimant", false);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "claims_search_words" AFTER INSERT OR UPDATE OF "text", "claimant" ON "claims"
  FOR EACH ROW EXECUTE FUNCTION claims_search_words();

CREATE FUNCTION publications_search_words() RETURNS trigger AS $$
BEGIN
  PERFORM search_words_add((NEW."snapshot" -> 'claim' ->> 'text') || ' ' || (NEW."snapshot" -> 'claim' ->> 'claimant'), true);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "publications_search_words" AFTER INSERT ON "publications"
  FOR EACH ROW EXECUTE FUNCTION publications_search_words();

INSERT INTO "search_words" ("word", "in_desk", "published")
SELECT w, bool_or(NOT published), bool_or(published) FROM (
  SELECT unnest(tsvector_to_array(to_tsvector('simple', c."text" || ' ' || c."claimant"))) AS w, false AS published FROM "claims" c
  UNION ALL
  SELECT unnest(tsvector_to_array(to_tsvector('simple', (p."snapshot" -> 'claim' ->> 'text') || ' ' || (p."snapshot" -> 'claim' ->> 'claimant')))), true
    FROM "publications" p
) words
WHERE char_length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9.,:-]+$'
GROUP BY w;
