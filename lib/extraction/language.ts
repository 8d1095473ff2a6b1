// The article's language, from its script and, for Latin script, how often English function words
// occur: Cyrillic text is read as Russian (Kazakh in Cyrillic reads the same for segmentation,
// quotes and digits), English as English, anything else as "other" (sentences, quotes, figures in
// digits of any script with the European thousands dot), whether in Latin script or another (Arabic,
// Devanagari, Chinese ...). The import form lets the person override the guess.
export const LANGUAGES = ["en", "ru", "other"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABEL: Record<Language, string> = {
  en: "English",
  ru: "Russian or Kazakh (Cyrillic)",
  other: "Another language",
};

const ENGLISH = new Set("the of and to in a is was were said that for on with by at from as have has".split(" "));

/** One pass, counting letters by script (Latin, Cyrillic, any other) and English function words. */
export function detectLanguage(text: string): Language {
  let cyrillic = 0;
  let latin = 0;
  let others = 0;
  let words = 0;
  let english = 0;
  for (const m of text.matchAll(/\p{Script=Cyrillic}+|\p{Script=Latin}+|\p{L}+/gu)) {
    if (/^\p{Script=Cyrillic}/u.test(m[0])) cyrillic += m[0].length;
    else if (/^\p{Script=Latin}/u.test(m[0])) {
      latin += m[0].length;
      words++;
      if (ENGLISH.has(m[0].toLowerCase())) english++;
    } else others += m[0].length;
  }
  if (others > latin && others > cyrillic) return "other";
  if (cyrillic > latin) return "ru";
  // English prose runs at about a quarter function words; other languages share few of these.
  return words < 8 || english / words > 0.08 ? "en" : "other";
}
