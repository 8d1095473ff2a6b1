import "server-only";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { documentVector, type SearchDocument } from "./document";
import { latinSpelling, queryWords, usesOperators } from "./terms";

/** "auto": exact first, typo-corrected when that finds nothing; "exact"/"fuzzy": that step only (later pages). */
export type SearchMode = "auto" | "exact" | "fuzzy";
/** What a caller filters and ranks with: a WHERE condition over the document and an ORDER BY expression. */
export type TextMatch = { match: Prisma.Sql; rank: Prisma.Sql };

/** A query word and what else counts as it: its Latin spelling, a claimant's names, a counted thing's synonyms. */
type Slot = { word: string; alternatives: string[] };
type Expansion = { slots: Slot[]; phrases: string[] };

const tsquery = (text: string) => Prisma.sql`plainto_tsquery('english', ${text})`;
const anyOf = (texts: string[]) => Prisma.sql`(${Prisma.join(texts.map(tsquery), " || ")})`;
const allOf = (slots: Slot[]) => Prisma.join(slots.map((slot) => anyOf(slot.alternatives)), " && ");

/**
 * The one search of the desk and the public ledger. The query matches the document's full-text
 * index (websearch syntax, English stemming: "burned" finds "burning"), in the desk also the
 * claims' evidence (an excerpt in its own language or in Latin letters, and its translation), and so does each word's
 * expansion: a claimant's name and aliases ("Tokaev" and "Токаев" find "Tokayev"; Cyrillic is also
 * spelled in Latin letters) and a counted thing's label and synonyms ("dead" finds "deaths",
 * "people killed"; the desk edits them under Counted things). When that finds nothing, words no
 * document holds are replaced by the nearest words that one does ("airprot" -> "airport"), through
 * the trigram index of search_words, and `fuzzy` says so. Every step is an index lookup: no
 * per-row similarity over the documents.
 */
export async function searchDocuments<T>(
  db: Db | Tx,
  input: { q: string; document: SearchDocument; mode?: SearchMode },
  find: (text: TextMatch) => Promise<T[]>,
): Promise<{ rows: T[]; fuzzy: boolean }> {
  const mode = input.mode ?? "auto";
  const expansion = await expandWords(db, input.q);
  if (mode !== "fuzzy") {
    const rows = await find(textMatch(input.document, exactQuery(input.q, expansion), input.q));
    if (rows.length > 0 || mode === "exact") return { rows, fuzzy: false };
  }
  const corrected = await correctTypos(db, expansion.slots, input.document.scope);
  if (!corrected) return { rows: [], fuzzy: false };
  return { rows: await find(textMatch(input.document, allOf(corrected), input.q)), fuzzy: true };
}

function textMatch(document: SearchDocument, query: Prisma.Sql, q: string): TextMatch {
  const vector = documentVector(document);
  const own = Prisma.sql`${vector} @@ (${query})`;
  if (!document.evidenceOf) return { match: own, rank: Prisma.sql`ts_rank(${vector}, (${query}))` };
  // The evidence's own words as typed too: a Russian query meets a Russian excerpt in `russian`
  // (other forms of the word) and in `simple`. The ids are collected once, so the planner can OR
  // the claims' index with a look-up by id.
  const inEvidence = Prisma.sql`(${query}) || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('simple', ${q})`;
  const cited = Prisma.sql`${document.evidenceOf} = ANY(ARRAY(
    SELECT e."claim_id" FROM "evidence" e WHERE evidence_search_document(e."excerpt", e."excerpt_language", e."translation") @@ (${inEvidence})))`;
  return { match: Prisma.sql`(${own} OR ${cited})`, rank: Prisma.sql`ts_rank(${vector}, (${query}))` };
}

/** The query as typed, or as expanded when a word has other spellings or synonyms. */
function exactQuery(q: string, { slots, phrases }: Expansion): Prisma.Sql {
  const typed = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  if (usesOperators(q)) return typed;
  const parts = [typed];
  if (slots.some((slot) => slot.alternatives.length > 1)) parts.push(Prisma.sql`(${allOf(slots)})`);
  if (phrases.length > 0) parts.push(anyOf(phrases));
  return Prisma.join(parts, " || ");
}

async function expandWords(db: Db | Tx, q: string): Promise<Expansion> {
  const words = queryWords(q);
  if (words.length === 0) return { slots: [], phrases: [] };
  const spellings = words.map((word) => [word, latinSpelling(word)].filter((w): w is string => w !== null));
  const whole = words.length > 1 ? words.join(" ") : null;
  const found = await findEquivalents(db, [...spellings.flat(), ...(whole ? [whole] : [])]);
  const slots = spellings.map((own) => ({
    word: own[0]!,
    alternatives: [...new Set([...own, ...found.filter((row) => own.includes(row.key)).flatMap((row) => row.terms)])],
  }));
  const phrases = [...new Set(found.filter((row) => row.key === whole).flatMap((row) => row.terms))];
  return { slots, phrases };
}

/**
 * Names and aliases of the claimants a key names, and the label and synonyms of the counted things
 * it names (a single word also by its English stem: "death" names "deaths"). Both tables are small.
 */
async function findEquivalents(db: Db | Tx, keys: string[]): Promise<Array<{ key: string; terms: string[] }>> {
  return db.$queryRaw<Array<{ key: string; terms: string[] }>>`
    SELECT k AS "key", array_prepend(cl."name", cl."aliases") AS "terms"
      FROM unnest(${keys}::text[]) k
      JOIN "claimants" cl ON lower(cl."name") = k OR EXISTS (SELECT 1 FROM unnest(cl."aliases") a WHERE lower(a) = k)
    UNION ALL
    SELECT k, array_prepend(ct."label", ct."synonyms")
      FROM unnest(${keys}::text[]) k
      JOIN "counted_things" ct ON EXISTS (
        SELECT 1 FROM unnest(array_prepend(ct."label", ct."synonyms")) t
         WHERE lower(t) = k
            OR (position(' ' in k) = 0 AND position(' ' in t) = 0 AND cardinality(ts_lexize('english_stem', k)) > 0
                AND ts_lexize('english_stem', lower(t)) = ts_lexize('english_stem', k)))`;
}

/**
 * Each word no document in scope holds, replaced by up to three near words that one does; words
 * with no near word are left out. Null when nothing was corrected (the exact search already failed).
 */
async function correctTypos(db: Db | Tx, slots: Slot[], scope: SearchDocument["scope"]): Promise<Slot[] | null> {
  if (slots.length === 0) return null;
  const inScope = Prisma.raw(scope === "public" ? `"published"` : `"in_desk"`);
  const words = slots.map((slot) => latinSpelling(slot.word) ?? slot.word);
  const rows = await db.$queryRaw<Array<{ word: string; known: boolean; corrections: string[] }>>`
    SELECT k AS "word",
           EXISTS (SELECT 1 FROM "search_words" x WHERE x."word" = k AND x.${inScope}) AS "known",
           ARRAY(SELECT sw."word" FROM "search_words" sw
                  WHERE sw."word" % k AND sw.${inScope}
                  ORDER BY sw."word" <-> k, sw."word" LIMIT 3) AS "corrections"
      FROM unnest(${words}::text[]) k`;
  const byWord = new Map(rows.map((row) => [row.word, row]));
  let corrected = false;
  const kept = slots.flatMap((slot, i): Slot[] => {
    const row = byWord.get(words[i]!);
    if (!row || row.known) return [slot];
    if (row.corrections.length === 0) return [];
    corrected = true;
    return [{ word: slot.word, alternatives: [...new Set([...slot.alternatives, ...row.corrections])] }];
  });
  return corrected && kept.length > 0 ? kept : null;
}

/**
 * The claimant filter, over a column holding the claimant's text: the typed name, its Latin
 * spelling, and every name and alias of a claimant it names ("Tokaev" finds "President
 * Kassym-Jomart Tokayev"), each as a substring; or the typed name by word similarity ("police"
 * finds "Almaty police" despite a typo). Served by the column's trigram index.
 */
export async function claimantCondition(db: Db | Tx, typed: string, column: Prisma.Sql): Promise<Prisma.Sql> {
  const latin = latinSpelling(typed);
  const keys = [typed.toLowerCase(), ...(latin ? [latin] : [])];
  const rows = await db.$queryRaw<Array<{ terms: string[] }>>`
    SELECT array_prepend(cl."name", cl."aliases") AS "terms" FROM "claimants" cl
     WHERE lower(cl."name") = ANY(${keys}::text[])
        OR EXISTS (SELECT 1 FROM unnest(cl."aliases") a WHERE lower(a) = ANY(${keys}::text[]))`;
  const names = [...new Set([typed, ...(latin ? [latin] : []), ...rows.flatMap((row) => row.terms)])];
  const contains = names.map((name) => Prisma.sql`${column} ILIKE ${`%${escapeLike(name)}%`}`);
  return Prisma.sql`(${Prisma.join([...contains, Prisma.sql`${typed} <% ${column}`], " OR ")})`;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (m) => `\\${m}`);
