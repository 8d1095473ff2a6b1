/*
 * How a query is read before it reaches PostgreSQL: its words, whether it uses websearch syntax,
 * and the Latin spelling of Cyrillic words. Pure functions, shared by the desk and public search.
 */

const MAX_WORDS = 12;

// Russian and Kazakh letters, spelled the way English-language news spells names (Токаев -> tokaev).
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", ә: "a", ғ: "g", қ: "k", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", і: "i",
};

/** The query's words, lower case, in order, without repeats (letters and digits in any script). */
export function queryWords(q: string): string[] {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** True when the query uses websearch syntax ("a phrase", -exclusion, or): it is then taken literally. */
export function usesOperators(q: string): boolean {
  return /"|(^|\s)-\S|\sor\s/i.test(q);
}

/** The Latin spelling of a word holding Cyrillic letters, else null. */
export function latinSpelling(word: string): string | null {
  if (!/\p{Script=Cyrillic}/u.test(word)) return null;
  return [...word.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join("");
}
