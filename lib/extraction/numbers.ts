// English numbers written as words ("Fifty-two", "one hundred and twelve", "a dozen",
// "one-third") and vague quantities ("dozens", "tens of thousands", "several hundred").
import type { Token } from "./tokens";

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, dozen: 12,
};
export const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9 };
const FRACTIONS: Record<string, number> = {
  half: 0.5, "one-half": 0.5, "one-third": 1 / 3, "two-thirds": 2 / 3, "one-quarter": 0.25, "three-quarters": 0.75, "one-fifth": 0.2,
};
// Vague quantities: the words are kept and no number is made up for them.
const VAGUE = new Set(["dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"]);
const VAGUE_LEAD = new Set(["several", "few", "many"]);

export type NumberMatch = { value: number | null; end: number; vague: boolean };

/** The value of one word ("fifty-two" as one hyphenated token), or null when it is not a number word. */
function wordValue(lower: string): number | null {
  if (lower in SMALL) return SMALL[lower]!;
  const [tens, unit, ...rest] = lower.split("-");
  if (rest.length === 0 && tens && unit && tens in SMALL && unit in SMALL && SMALL[tens]! >= 20 && SMALL[unit]! < 10) return SMALL[tens]! + SMALL[unit]!;
  return null;
}

/**
 * A number written in words starting at token `i`: "fifty-two", "one hundred and twelve",
 * "a dozen", "two-thirds", "tens of thousands", "several hundred". Reads at most a few tokens.
 */
export function readNumberWords(tokens: Token[], i: number): NumberMatch | null {
  const first = tokens[i];
  if (!first || first.kind !== "word") return null;
  if (first.lower in FRACTIONS) return { value: FRACTIONS[first.lower]!, end: i + 1, vague: false };
  if (first.lower === "a" && tokens[i + 1]?.lower === "dozen") return { value: 12, end: i + 2, vague: false };
  if (VAGUE.has(first.lower)) {
    // "tens of thousands", "hundreds of thousands": one vague quantity.
    const of = tokens[i + 1]?.lower === "of" && VAGUE.has(tokens[i + 2]?.lower ?? "");
    return { value: null, end: of ? i + 3 : i + 1, vague: true };
  }
  if (VAGUE_LEAD.has(first.lower) && (tokens[i + 1]?.lower ?? "") in SCALES) return { value: null, end: i + 2, vague: true };
  let total = 0;
  let current = 0;
  let j = i;
  let read = false;
  for (; j < tokens.length && j < i + 8; j++) {
    const lower = tokens[j]!.lower;
    const small = wordValue(lower);
    if (small !== null) {
      current += small;
      read = true;
    } else if (read && lower in SCALES) {
      const scale = SCALES[lower]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (read && lower === "and" && wordValue(tokens[j + 1]?.lower ?? "") !== null) {
      continue;
    } else break;
  }
  return read ? { value: total + current, end: j, vague: false } : null;
}

/**
 * A number in digits of any script: "2,500", "13,434,857", "13.434.857" and "1 000" group
 * thousands; "2,5" (a decimal comma) is 2.5; "1.500,5" is 1500.5; "2.500" is 2500 only with
 * `dotGroupsThousands` (most languages other than English), else 2.5. NaN for anything else ("1.2.3").
 */
export function digitsValue(text: string, { dotGroupsThousands = false } = {}): number {
  const plain = asciiDigits(text).replace(/[\u00A0\u202F]/g, "");
  if (dotGroupsThousands && /^\d{1,3}\.\d{3}$/.test(plain)) return Number(plain.replace(".", ""));
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(plain)) return Number(plain.replace(/,/g, ""));
  if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^\d{1,3}(?:\.\d{3})+,\d+$/.test(plain)) return Number(plain.replace(/\./g, "").replace(",", "."));
  return Number(plain.replace(",", "."));
}

// The zero of each script's decimal digits, 0 to 9 in a row: Arabic-Indic, Persian and Urdu, N'Ko,
// Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Thai, Lao,
// Tibetan, Myanmar, Khmer, Mongolian and full-width.
const DIGIT_ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10];

/** Decimal digits of any of those scripts as ASCII digits, and the Arabic decimal and thousands separators as "." and ",". */
export function asciiDigits(text: string): string {
  return text.replace(/[\p{Nd}\u066B\u066C]/gu, (c) => {
    if (c === "\u066B") return ".";
    if (c === "\u066C") return ",";
    const code = c.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code < z + 10);
    return zero === undefined ? c : String(code - zero);
  });
}
