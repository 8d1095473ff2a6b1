/*
 * Text that reads differently from what is stored. Bidirectional controls (U+202A-U+202E embeddings
 * and overrides, U+2066-U+2069 isolates) reorder what follows them, and zero-width characters
 * (U+200B, U+2060, U+FEFF, U+180E) hide inside a word, so "admin" and "ad<U+200B>min" look alike.
 * They are refused, with one message, in names, claimants, claim text, titles and every other
 * short field. Real right-to-left scripts need none of them: Arabic and Hebrew letters carry their
 * own direction. The joiners U+200C and U+200D are needed inside Persian, Arabic and Indic words
 * (and emoji sequences), so they are accepted only between two characters of such a word.
 */
const ALWAYS_REFUSED = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u180E]/u;
const JOINER = /[\u200C\u200D]/gu;
// Scripts whose words use the joiners, their combining marks, and emoji (for ZWJ sequences).
const JOINING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}]/u;

export const DECEPTIVE_TEXT_MESSAGE =
  "Remove the invisible direction or zero-width characters: they make the text read differently from what is stored.";

/** False when the text holds a character that changes how it reads without being seen. */
export function isPlainVisibleText(value: string): boolean {
  if (ALWAYS_REFUSED.test(value)) return false;
  for (const match of value.matchAll(JOINER)) {
    const before = [...value.slice(Math.max(0, match.index - 2), match.index)].at(-1) ?? "";
    const after = [...value.slice(match.index + 1, match.index + 3)][0] ?? "";
    if (!JOINING.test(before) || !JOINING.test(after)) return false;
  }
  return true;
}
