-- The story page and the ledger's story filter select publications by the story in their snapshot.
CREATE INDEX "publications_story_slug_idx" ON "publications" ((("snapshot" -> 'story') ->> 'slug'));
