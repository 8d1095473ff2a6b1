/** A word, a number or a sign of a sentence, with its offsets in that sentence. */
export type Token = { text: string; lower: string; start: number; end: number; kind: "word" | "number" | "sign" };

// Numbers keep their thousands separators and decimals ("2,500", "7.8", "13.434.857"); words keep inner apostrophes and hyphens ("Ethiopia’s", "Fifty-two", "Tsz-Lok").
// Thousands may also be grouped by a no-break or narrow no-break space ("1 000" in Russian and French).
// Digits of any script count ("١٥٠", "१५०"; numbers.ts reads their value), with the Arabic decimal and thousands separators.
const TOKEN = /\p{Nd}{1,3}(?:[\u00A0\u202F]\p{Nd}{3})+(?:[.,\u066B]\p{Nd}+)?|\p{Nd}+(?:[.,\u066B\u066C]\p{Nd}+)*|[\p{L}\p{M}]+(?:[’'-][\p{L}\p{M}\p{Nd}]+)*|[^\s\p{L}\p{M}\p{Nd}]/gu;

// Scripts written without spaces between words (Chinese, Japanese, Thai ...): a run of their
// letters is split into words by ICU's dictionary-based word segmenter (Intl.Segmenter).
export const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });
// ICU's segmenter slows down far faster than a run grows (here 0.1 s for 40,000 Chinese letters
// with no punctuation, 6 s for 80,000), so a longer run is segmented in pieces of this many
// characters: a word cut at a piece's end, once per page of unpunctuated text, costs nothing.
const SEGMENT_PIECE = 1_000;

function* pieces(run: string): Generator<{ piece: string; from: number }> {
  for (let from = 0; from < run.length; ) {
    let to = Math.min(run.length, from + SEGMENT_PIECE);
    // Never between the two halves of a character outside the Basic Multilingual Plane.
    if (to < run.length && /[\uD800-\uDBFF]/.test(run.charAt(to - 1))) to += 1;
    yield { piece: run.slice(from, to), from };
    from = to;
  }
}

/** One pass over the text: every token with its offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const value = m[0];
    const kind = /^\p{Nd}/u.test(value) ? "number" : /^[\p{L}\p{M}]/u.test(value) ? "word" : "sign";
    if (kind === "word" && SPACELESS_SCRIPT.test(value)) {
      for (const { piece, from } of pieces(value)) {
        for (const part of WORDS.segment(piece)) {
          const start = m.index + from + part.index;
          tokens.push({ text: part.segment, lower: part.segment.toLowerCase(), start, end: start + part.segment.length, kind: "word" });
        }
      }
    } else tokens.push({ text: value, lower: value.toLowerCase(), start: m.index, end: m.index + value.length, kind });
  }
  return tokens;
}

export const isCapitalised = (t: Token | undefined) => t !== undefined && t.kind === "word" && /^\p{Lu}/u.test(t.text);
