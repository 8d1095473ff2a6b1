// The article's language, from its script and, for Latin script, how often English function words
// occur: Cyrillic text is read as Russian (Kazakh in Cyrillic reads the same for segmentation,
// quotes and digits), English as English, anything else as "other" (sentences, quotes, figures in
// digits with the European thousands dot). The import form lets the person override the guess.
export const LANGUAGES = ["en", "ru", "other"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABEL: Record<Language, string> = {
  en: "English",
  ru: "Russian or Kazakh (Cyrillic)",
  other: "Another language (Latin script)",
};

const ENGLISH = new Set("the of and to in a is was were said that for on with by at from as have has".split(" "));

/** One pass, counting letters by script and English function words. */
export function detectLanguage(text: string): Language {
  let cyrillic = 0;
  let latin = 0;
  let words = 0;
  let english = 0;
  for (const m of text.matchAll(/\p{Script=Cyrillic}+|\p{Script=Latin}+/gu)) {
    if (/^\p{Script=Cyrillic}/u.test(m[0])) cyrillic += m[0].length;
    else {
      latin += m[0].length;
      words++;
      if (ENGLISH.has(m[0].toLowerCase())) english++;
    }
  }
  if (cyrillic > latin) return "ru";
  // English prose runs at about a quarter function words; other languages share few of these.
  return words < 8 || english / words > 0.08 ? "en" : "other";
}
