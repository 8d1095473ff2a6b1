-- Names in Cyrillic excerpts are found by their Latin spelling: "Tokaev" finds an excerpt that says
-- "Токаев". cyrillic_latin() spells Russian and Kazakh letters as English-language news does, with
-- the same table as latinSpelling() in lib/search/terms.ts (a test holds the two together), in
-- either case, whatever the database's locale.
CREATE FUNCTION cyrillic_latin(p_text text) RETURNS text AS $$
  SELECT translate(
    replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(p_text,
      'щ', 'shch'), 'Щ', 'Shch'), 'ж', 'zh'), 'Ж', 'Zh'), 'х', 'kh'), 'Х', 'Kh'), 'ц', 'ts'), 'Ц', 'Ts'),
      'ч', 'ch'), 'Ч', 'Ch'), 'ш', 'sh'), 'Ш', 'Sh'), 'ю', 'yu'), 'Ю', 'Yu'), 'я', 'ya'), 'Я', 'Ya'),
    'абвгдеёзийклмнопрстуфыэәғқңөұүһіАБВГДЕЁЗИЙКЛМНОПРСТУФЫЭӘҒҚҢӨҰҮҺІъьЪЬ',
    'abvgdeeziyklmnoprstufyeagknouuhiABVGDEEZIYKLMNOPRSTUFYEAGKNOUUHI')
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

-- The evidence document of 20261201400000_source_snapshots, plus the excerpt in Latin letters. The
-- index is built on the function's result, so it is dropped and built again with the new definition.
-- cyrillic_latin is named with its schema: pg_restore builds the index with an empty search_path.
DROP INDEX "evidence_search_idx";
CREATE OR REPLACE FUNCTION evidence_search_document(p_excerpt text, p_language text, p_translation text) RETURNS tsvector AS $$
  SELECT to_tsvector(CASE split_part(coalesce(p_language, ''), '-', 1)
                       WHEN 'ru' THEN 'russian'::regconfig
                       WHEN 'en' THEN 'english'::regconfig
                       ELSE 'simple'::regconfig END, p_excerpt)
         || to_tsvector('simple'::regconfig, p_excerpt)
         || to_tsvector('simple'::regconfig, public.cyrillic_latin(p_excerpt))
         || to_tsvector('english'::regconfig, coalesce(p_translation, ''))
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
CREATE INDEX "evidence_search_idx" ON "evidence" USING GIN (evidence_search_document("excerpt", "excerpt_language", "translation"));
