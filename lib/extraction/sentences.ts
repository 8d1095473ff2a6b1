// Sentence splitter for pasted news copy.
//
// Deliberately hand-rolled rather than Intl.Segmenter: ICU's default sentence
// rules break after "Mr." / "U.S." and inside quotations, and we need stable,
// explainable offsets back into the original paste so editors can highlight the
// exact span a claim came from.

export type Sentence = { index: number; text: string; start: number; end: number };

// Abbreviations that are essentially never sentence-final in news copy.
const TITLES = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
  "cmdr", "adm", "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "messrs", "mt", "ft",
]);
// Abbreviations that only bind to a following number ("Jan. 5", "No. 10").
const BEFORE_NUMBER = new Set([
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos",
]);
// Abbreviations that can legitimately end a sentence ("... in the U.S. The ...").
const MAYBE_FINAL = new Set(["inc", "ltd", "co", "corp", "plc", "llc", "vs", "etc", "approx", "dept", "est"]);
// Words that make a following capital look like a new sentence after an ambiguous abbreviation.
const STARTERS = new Set([
  "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
  "his", "her", "their", "there", "but", "and", "however", "in", "on", "at", "after", "before",
  "when", "while", "meanwhile", "so", "yet", "still", "if",
]);

// Full stops and question and exclamation marks of other scripts too: the CJK ones, the Devanagari
// danda, the Arabic question mark and the Urdu full stop.
const TERMINAL = /[.!?…。！？।॥؟۔]/;
// Those that end a sentence with no space after them (Chinese and Japanese leave none).
const SPACELESS_TERMINAL = /[。！？]/;
const CLOSERS = /[”"’')\]»」』）]/;

/** Whether a line ends as a sentence does (a stop, or a closing quote or bracket), not as a heading. */
export function endsLikeSentence(text: string): boolean {
  const last = text.charAt(text.length - 1);
  return TERMINAL.test(last) || CLOSERS.test(last);
}

/** Split text into trimmed sentences; newlines always end a sentence (headings, captions). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    for (const [s, e] of splitLine(text, lineStart, lineEnd)) {
      pushTrimmed(out, text, s, e);
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return out;
}

function pushTrimmed(out: Sentence[], text: string, s: number, e: number): void {
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  if (e > s) out.push({ index: out.length, text: text.slice(s, e), start: s, end: e });
}

/** Returns [start, end) ranges for the sentences within one line. */
function splitLine(text: string, from: number, to: number): Array<[number, number]> {
  const spans = quoteSpans(text, from, to);
  const ranges: Array<[number, number]> = [];
  let segStart = from;
  let i = from;
  while (i < to) {
    const ch = text.charAt(i);
    if (!TERMINAL.test(ch)) {
      i++;
      continue;
    }
    // Swallow runs like "?!" or "..." and any closing quotes/brackets after them.
    let j = i + 1;
    while (j < to && TERMINAL.test(text.charAt(j))) j++;
    while (j < to && CLOSERS.test(text.charAt(j))) j++;
    if (j < to && !/\s/.test(text.charAt(j)) && !SPACELESS_TERMINAL.test(ch)) {
      // No whitespace after: "3.5", "U.S.", "example.com" – not a boundary.
      i = j;
      continue;
    }
    if (isBoundary(text, from, i, j, to, spans)) {
      ranges.push([segStart, j]);
      segStart = j;
    }
    i = j;
  }
  ranges.push([segStart, to]);
  return ranges;
}

function isBoundary(
  text: string, lineFrom: number, i: number, j: number, to: number, spans: QuoteSpans,
): boolean {
  let k = j;
  while (k < to && /\s/.test(text.charAt(k))) k++;
  if (k >= to) return true;
  const next = text.charAt(k);
  // A lowercase continuation ("me … to help", "etc. and") is never a new sentence.
  if (next !== next.toUpperCase()) return false;
  // Keep a quotation with its attribution: don't break inside a quote that closes on this line.
  if (spans.insideQuote(i, j)) return false;
  if (text.charAt(i) !== "." || TERMINAL.test(text.charAt(i + 1))) return true;

  let w = i;
  while (w > lineFrom && !/\s/.test(text.charAt(w - 1))) w--;
  const token = text.slice(w, i).replace(/^[“"‘'(\[]+/, "");
  const lower = token.toLowerCase();
  const nextWord = (/^[\p{L}]+/u.exec(text.slice(k)) ?? [""])[0].toLowerCase();
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /\d/.test(next)) return false;
  // Middle initials ("John F. Kennedy") and initialisms ("U.S.", "U.N.").
  const initialism = /^\p{Lu}$/u.test(token) || /^(\p{L}\.)+\p{L}$/u.test(token);
  if (initialism || MAYBE_FINAL.has(lower)) return STARTERS.has(nextWord);
  return true;
}

type QuoteSpans = { insideQuote(i: number, j: number): boolean };

/**
 * Balanced quotation spans on one line, asked "does a quote open before i and close at or after j?"
 * for boundaries in increasing order. The spans are in closing order, so one pointer and the
 * smallest opening index of the spans from it onwards answer each question in constant time
 * (a search through every span per boundary was quadratic on a long line).
 */
function quoteSpans(text: string, from: number, to: number): QuoteSpans {
  const spans = balancedQuotes(text, from, to);
  const minOpenFrom: number[] = new Array<number>(spans.length + 1).fill(Infinity);
  for (let p = spans.length - 1; p >= 0; p--) minOpenFrom[p] = Math.min(spans[p]![0], minOpenFrom[p + 1]!);
  let p = 0;
  return {
    insideQuote(i, j) {
      while (p < spans.length && spans[p]![1] < j) p++;
      return minOpenFrom[p]! < i;
    },
  };
}

/** Balanced quotation spans [openIndex, closeIndex] on one line, in closing order. */
function balancedQuotes(text: string, from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const curly: number[] = [];
  let straight = -1;
  for (let i = from; i < to; i++) {
    const ch = text.charAt(i);
    if (ch === "“") curly.push(i);
    else if (ch === "”") {
      const open = curly.pop();
      if (open !== undefined) spans.push([open, i]);
    } else if (ch === '"') {
      // Straight quotes are ambiguous, so pair them left to right; an odd one out is ignored.
      if (straight === -1) straight = i;
      else {
        spans.push([straight, i]);
        straight = -1;
      }
    }
  }
  return spans;
}
