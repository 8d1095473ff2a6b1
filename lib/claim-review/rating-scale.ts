/*
 * Other publishers' ratings mapped onto one scale, so verdicts from different desks can be compared
 * and filtered. Five points on the true/false axis, and labels that are not on it. The publisher's
 * own wording is always kept beside the mapped value; a rating that neither its words nor its
 * numbers place stays "unrated", never a guess.
 */

export const NORMALISED_RATINGS = [
  "true",
  "mostly_true",
  "mixed",
  "mostly_false",
  "false",
  "misleading",
  "missing_context",
  "unproven",
  "satire",
  "unrated",
] as const;
export type NormalisedRating = (typeof NORMALISED_RATINGS)[number];

export const NORMALISED_RATING_LABEL: Record<NormalisedRating, string> = {
  true: "True",
  mostly_true: "Mostly true",
  mixed: "Half true / mixed",
  mostly_false: "Mostly false",
  false: "False",
  misleading: "Misleading",
  missing_context: "Missing context",
  unproven: "Unproven",
  satire: "Satire",
  unrated: "Unrated",
};

export const isNormalisedRating = (value: unknown): value is NormalisedRating => NORMALISED_RATINGS.includes(value as NormalisedRating);

/**
 * Common rating words, by language (en, es, fr, de, pt, da, ru, and the ones seen in imports).
 * Keys are compared folded: lower case, accents and punctuation removed, spaces collapsed.
 */
export const RATING_WORDS: Record<Exclude<NormalisedRating, "unrated">, string[]> = {
  true: [
    "true", "correct", "accurate", "verified", "one pinocchio",
    "verdadero", "verdadera", "cierto", "correcto", "verdad",
    "vrai", "exact", "juste",
    "wahr", "richtig", "stimmt",
    "verdadeiro", "verdade", "correto",
    "sandt", "korrekt", "rigtigt",
    "правда", "верно", "это правда", "достоверно",
  ],
  mostly_true: [
    "mostly true", "mostly correct", "largely accurate", "largely true",
    "mayormente cierto", "mayormente verdadero", "casi verdadero",
    "plutot vrai", "globalement vrai",
    "uberwiegend richtig", "grosstenteils richtig", "uberwiegend wahr",
    "praticamente verdadeiro",
    "overvejende sandt", "mest sandt",
    "в основном правда", "скорее правда",
  ],
  mixed: [
    "half true", "mixture", "mixed", "partly true", "partially true", "half right", "two pinocchios",
    "medio verdadero", "verdad a medias", "mixto", "a medias", "parcialmente cierto", "parcialmente verdadero", "impreciso",
    "a moitie vrai", "en partie vrai", "partiellement vrai", "moitie vrai moitie faux", "c est plus complique",
    "teilweise richtig", "teilweise wahr", "halb wahr",
    "meia verdade", "parcialmente verdadeiro", "impreciso",
    "delvist sandt", "delvis sandt", "halvt sandt",
    "полуправда", "частично правда", "отчасти правда",
  ],
  mostly_false: [
    "mostly false", "three pinocchios", "partly false", "partially false", "largely false", "mostly inaccurate",
    "mayormente falso", "parcialmente falso", "casi falso",
    "plutot faux", "en partie faux", "partiellement faux", "globalement faux",
    "grosstenteils falsch", "uberwiegend falsch", "teilweise falsch",
    "parcialmente falso", "praticamente falso",
    "delvist falsk", "delvis falsk", "overvejende falsk",
    "в основном неправда", "скорее неправда", "частично неправда", "отчасти неправда",
  ],
  false: [
    "false", "incorrect", "wrong", "fake", "pants on fire", "pants on fire!", "four pinocchios", "inaccurate", "not true", "hoax", "fabricated", "totally false",
    "falso", "falsa", "bulo", "mentira", "no es cierto",
    "faux", "fausse", "infox", "intox", "completement faux",
    "falsch", "frei erfunden", "unwahr",
    "nao e verdade", "e falso",
    "falsk", "usandt", "forkert",
    "неправда", "ложь", "фейк", "фальшивка", "это неправда", "не соответствует действительности",
  ],
  misleading: [
    "misleading", "distorts the facts", "spins the facts", "manipulated", "altered", "miscaptioned",
    "enganoso", "enganosa", "manipulado", "distorsionado",
    "trompeur", "trompeuse", "manipule", "detourne",
    "irrefuhrend", "manipuliert",
    "distorcido",
    "misvisende", "vildledende", "manipuleret",
    "манипуляция", "вводит в заблуждение", "искажение",
  ],
  missing_context: [
    "missing context", "needs context", "lacks context", "out of context", "cherry picks",
    "falta contexto", "sin contexto", "sacado de contexto", "fuera de contexto", "descontextualizado",
    "manque de contexte", "hors contexte", "sorti de son contexte", "sans contexte",
    "fehlender kontext", "fehlende belege", "aus dem kontext gerissen", "kontext fehlt",
    "fora de contexto", "sem contexto", "descontextualizado", "falta de contexto",
    "manglende kontekst", "mangler kontekst", "taget ud af kontekst",
    "вырвано из контекста", "нет контекста", "недостаточно контекста",
  ],
  unproven: [
    "unproven", "unverified", "unsupported", "no evidence", "insufficient evidence", "unsubstantiated", "cannot be verified", "research in progress", "unverifiable",
    "sin pruebas", "no verificable", "inverificable", "sin evidencia", "no se puede probar",
    "inverifiable", "non prouve", "non verifie", "infonde", "sans preuve",
    "unbelegt", "nicht belegt", "unbewiesen", "nicht uberprufbar",
    "sem provas", "nao comprovado", "inverificavel",
    "ubekraeftet", "udokumenteret", "kan ikke bekraeftes",
    "не доказано", "неподтверждено", "не подтверждено", "недоказуемо",
  ],
  satire: ["satire", "satirical", "parody", "satira", "satirico", "parodia", "satirique", "parodie", "satirisch", "satirisk", "сатира", "пародия"],
};

/** Lower case, no accents, letters/digits/spaces only, spaces collapsed. Cyrillic is kept as letters. */
export function foldRatingWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/ß/g, "ss")
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const WORD_TABLE: Map<string, NormalisedRating> = new Map(
  Object.entries(RATING_WORDS).flatMap(([rating, words]) => words.map((word) => [foldRatingWords(word), rating as NormalisedRating] as const)),
);

/** The rating a label names, from the whole label or, failing that, its lead clause ("False. The photo…" → false). */
export function ratingFromWords(label: string): NormalisedRating | null {
  const folded = foldRatingWords(label);
  if (!folded) return null;
  const whole = WORD_TABLE.get(folded);
  if (whole) return whole;
  const lead = label.split(/[.,:;!?()\u2013\u2014]| - /)[0];
  return lead !== undefined && lead !== label ? (WORD_TABLE.get(foldRatingWords(lead)) ?? null) : null;
}

export type RatingNumbers = { ratingValue: number | null; bestRating: number | null; worstRating: number | null };

/**
 * The point on the true/false axis that a number names on its publisher's scale, in either
 * direction (best below worst is an inverted scale) and from any base. Needs best or worst: a
 * missing one takes schema.org's default (best 5, worst 1) only when that leaves a real scale.
 */
export function ratingFromNumbers({ ratingValue, bestRating, worstRating }: RatingNumbers): NormalisedRating | null {
  if (ratingValue === null || (bestRating === null && worstRating === null)) return null;
  const best = bestRating ?? 5;
  const worst = worstRating ?? 1;
  if (best === worst || ratingValue < Math.min(best, worst) || ratingValue > Math.max(best, worst)) return null;
  const position = (ratingValue - worst) / (best - worst); // 0 = worst (false) .. 1 = best (true)
  if (position <= 0.1) return "false";
  if (position <= 0.35) return "mostly_false";
  if (position < 0.65) return "mixed";
  if (position < 0.9) return "mostly_true";
  return "true";
}

export type NormalisedRatingResult = { rating: NormalisedRating; basis: "words" | "numbers" | "none" };

/** Words first (they say what the publisher meant, including labels off the true/false axis), then numbers. */
export function normaliseRating(input: RatingNumbers & { labels: string[] }): NormalisedRatingResult {
  for (const label of input.labels) {
    const rating = ratingFromWords(label);
    if (rating) return { rating, basis: "words" };
  }
  const rating = ratingFromNumbers(input);
  return rating ? { rating, basis: "numbers" } : { rating: "unrated", basis: "none" };
}
