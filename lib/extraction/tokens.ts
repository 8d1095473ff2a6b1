/** A word, a number or a sign of a sentence, with its offsets in that sentence. */
export type Token = { text: string; lower: string; start: number; end: number; kind: "word" | "number" | "sign" };

// Numbers keep their thousands separators and decimals ("2,500", "7.8", "13.434.857"); words keep inner apostrophes and hyphens ("Ethiopia’s", "Fifty-two", "Tsz-Lok").
// Thousands may also be grouped by a no-break or narrow no-break space ("1 000" in Russian and French).
const TOKEN = /\d{1,3}(?:[\u00A0\u202F]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:[’'-][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]/gu;

/** One pass over the text: every token with its offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const value = m[0];
    const kind = /^\d/.test(value) ? "number" : /^[\p{L}\p{M}]/u.test(value) ? "word" : "sign";
    tokens.push({ text: value, lower: value.toLowerCase(), start: m.index, end: m.index + value.length, kind });
  }
  return tokens;
}

export const isCapitalised = (t: Token | undefined) => t !== undefined && t.kind === "word" && /^\p{Lu}/u.test(t.text);
