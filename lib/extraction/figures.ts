// Figures in a sentence: numbers in digits or words, with the qualifier that bounds them ("at least",
// "more than", "nearly", "up to", "dozens of"), their unit and the thing they count. Dates, times,
// years, ages, durations, ordinals, sizes used as adjectives ("three-story") and names with digits
// ("Khabar 24") are not figures. One left-to-right pass over the tokens; each figure looks at most a
// few tokens around it, so the work is linear in the sentence.
import type { FigureBound } from "../domain/figures";
import type { Language } from "./language";
import { asciiDigits, digitsValue, readNumberWords, SCALES } from "./numbers";
import { isCapitalised, SPACELESS_SCRIPT, type Token } from "./tokens";

export type ExtractedFigure = {
  /** The figure as written, qualifier and counted thing included ("at least 480 people"). */
  words: string;
  bound: FigureBound;
  low: number | null;
  high: number | null;
  unit: string;
  /** What is counted, as written ("emergency workers"); "people" when the noun is left out. */
  counted: string;
  /** Offset of `words` in the text the figure was read from. */
  at: number;
};

const MONTHS = new Set(
  ("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря " +
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre " +
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre " +
    "januar februar märz april juni juli oktober dezember").split(" "),
);
const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));
const DURATIONS = new Set(
  ("second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries year-old years-old " +
    "год года лет дня дней месяца месяцев часа часов минут").split(" "),
);
const TIMES = new Set(["a.m", "p.m", "am", "pm", "gmt", "utc", "hrs", "o’clock", "o'clock"]);
const MEASURES = new Set(
  ("magnitude km kilometre kilometres kilometer kilometers mile miles metre metres meter meters m " +
    "tonne tonnes ton tons kg kilogram kilograms hectare hectares acre acres litre litres liter liters " +
    "degree degrees celsius barrel barrels").split(" "),
);
const CURRENCIES: Record<string, string> = { $: "dollars", "€": "euros", "£": "pounds", "₽": "rubles", "¥": "yen" };
const CURRENCY_WORDS = new Set("dollars euros pounds rubles roubles tenge yuan rupees shillings naira".split(" "));
const PERSON_NOUNS = new Set(
  ("people person persons civilians villagers residents protesters demonstrators soldiers troops officers police policemen " +
    "children adults women men students workers voters patients refugees migrants fighters militants victims survivors " +
    "detainees prisoners casualties dead deaths bodies others").split(" "),
);
// Words that end a counted noun phrase ("480 people *died*", "58 people *and* ...").
const STOP = new Set(
  ("was were is are be been being had have has will would could may might can did do does died " +
    "in on at of from to for with by during since after before between among across into onto over under about as than " +
    "and or but nor who that which whom whose including while when where because so then there here " +
    "it they he she we you this these those its their his her our said says say told according more " +
    // Irregular participles ("a toll of 410 *given* on Tuesday").
    "given taken seen done made found known shown held left hit put set brought thought shot up down out off away back " +
    "through toward towards near against around along without within via per amid despite like upon beneath below above behind beyond").split(" "),
);
// Words between a noun and its figure in "the toll of 410", "votes then was 10,713,650".
const COPULA = new Set("was were is are stood standing at to of reached rose totalled totaled then cast now had has been stands".split(" "));

type Qualifier = { words: number; bound: FigureBound };
// Read backwards from the number: the last word first ("at least" is ["least", "at"]).
const QUALIFIERS: Array<[string[], FigureBound]> = [
  [["least", "at"], "AT_LEAST"],
  [["than", "fewer", "no"], "AT_LEAST"],
  [["than", "less", "not"], "AT_LEAST"],
  [["than", "more"], "MORE_THAN"],
  [["of", "upwards"], "MORE_THAN"],
  [["over"], "OVER"],
  [["to", "up"], "UP_TO"],
  [["as", "many", "as"], "UP_TO"],
  [["most", "at"], "UP_TO"],
  [["nearly"], "NEARLY"],
  [["almost"], "NEARLY"],
  [["to", "close"], "NEARLY"],
  [["than", "fewer"], "FEWER_THAN"],
  [["than", "less"], "FEWER_THAN"],
  [["under"], "FEWER_THAN"],
  [["about"], "ESTIMATE"],
  [["around"], "ESTIMATE"],
  [["approximately"], "ESTIMATE"],
  [["roughly"], "ESTIMATE"],
  [["some"], "ESTIMATE"],
  [["estimated", "an"], "ESTIMATE"],
  [["estimated"], "ESTIMATE"],
  // Other languages read with these rules: French, Spanish, German qualifiers.
  [["de", "plus"], "MORE_THAN"],
  [["moins", "au"], "AT_LEAST"],
  [["environ"], "ESTIMATE"],
  [["de", "près"], "NEARLY"],
  [["de", "más"], "MORE_THAN"],
  [["menos", "al"], "AT_LEAST"],
  [["unos"], "ESTIMATE"],
  [["unas"], "ESTIMATE"],
  [["casi"], "NEARLY"],
  [["als", "mehr"], "MORE_THAN"],
  [["mindestens"], "AT_LEAST"],
  [["etwa"], "ESTIMATE"],
  [["rund"], "ESTIMATE"],
  // Russian: "более 100", "свыше 100", "не менее 100", "около 100", "почти 100"; Ukrainian:
  // "понад 100", "щонайменше 100", "близько 100", "майже 100".
  [["более"], "MORE_THAN"],
  [["свыше"], "OVER"],
  [["менее", "не"], "AT_LEAST"],
  [["около"], "ESTIMATE"],
  [["почти"], "NEARLY"],
  [["понад"], "MORE_THAN"],
  [["щонайменше"], "AT_LEAST"],
  [["близько"], "ESTIMATE"],
  [["майже"], "NEARLY"],
  // Arabic: "أكثر من 100" (more than), "ما لا يقل عن 100" (no fewer than), "حوالي 100", "نحو 100" (about).
  [["من", "أكثر"], "MORE_THAN"],
  [["عن", "يقل", "لا", "ما"], "AT_LEAST"],
  [["حوالي"], "ESTIMATE"],
  [["نحو"], "ESTIMATE"],
  // Chinese: 至少 (at least), 超过 (more than), 逾 (over), 约 and 大约 (about), 近 and 将近 (nearly), 不到 (under).
  [["至少"], "AT_LEAST"],
  [["超过"], "MORE_THAN"],
  [["逾"], "OVER"],
  [["约"], "ESTIMATE"],
  [["大约"], "ESTIMATE"],
  [["近"], "NEARLY"],
  [["将近"], "NEARLY"],
  [["不到"], "FEWER_THAN"],
  // Traditional Chinese and Japanese: 超過, 約; 少なくとも (at least). Korean: 최소 (at least), 약 (about).
  [["超過"], "MORE_THAN"],
  [["約"], "ESTIMATE"],
  [["少なくとも"], "AT_LEAST"],
  [["최소"], "AT_LEAST"],
  [["약"], "ESTIMATE"],
  // Hindi: "कम से कम 150" (at least), "लगभग 150" (about).
  [["कम", "से", "कम"], "AT_LEAST"],
  [["लगभग"], "ESTIMATE"],
];

// Written after the number, in reading order: Hindi "300 से अधिक" (more than 300), "300 से कम" (fewer than 300).
const QUALIFIERS_AFTER: Array<[string[], FigureBound]> = [
  [["से", "अधिक"], "MORE_THAN"],
  [["से", "ज़्यादा"], "MORE_THAN"],
  [["से", "ज्यादा"], "MORE_THAN"],
  [["से", "कम"], "FEWER_THAN"],
];

/** The first qualifier of `list` whose k-th word is the token `tokenAt(k)`. */
function qualifierAt(list: Array<[string[], FigureBound]>, tokenAt: (k: number) => Token | undefined): Qualifier | null {
  for (const [words, bound] of list) {
    if (words.every((w, k) => tokenAt(k)?.lower === w)) return { words: words.length, bound };
  }
  return null;
}

const qualifierBefore = (tokens: Token[], i: number) => qualifierAt(QUALIFIERS, (k) => tokens[i - 1 - k]);
const qualifierAfter = (tokens: Token[], end: number) => qualifierAt(QUALIFIERS_AFTER, (k) => tokens[end + k]);

/** A number at token i (digits, with a currency sign or scale word, or words), or null. */
function readNumber(tokens: Token[], i: number, language: Language): { value: number | null; end: number; vague: boolean; currency: string | null } | null {
  const t = tokens[i]!;
  if (t.kind === "number") {
    // "2.500" is two thousand five hundred in most languages other than English.
    let value = digitsValue(t.text, { dotGroupsThousands: language === "other" });
    if (Number.isNaN(value)) return null;
    let end = i + 1;
    const scale = tokens[end]?.lower;
    if (scale && scale in SCALES) {
      value *= SCALES[scale]!;
      end++;
    }
    const sign = tokens[i - 1]?.text ?? "";
    return { value, end, vague: false, currency: CURRENCIES[sign] ?? null };
  }
  const words = language === "en" ? readNumberWords(tokens, i) : null;
  return words ? { ...words, currency: null } : null;
}

/** Why the number at tokens[i..end) is not a figure (a date, a year, an age...), or null when it is one. */
function notAFigure(text: string, tokens: Token[], i: number, end: number, sentenceStart: number, qualified: boolean): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[end];
  const after = text.charAt(tokens[end - 1]!.end);
  if (MONTHS.has(prev?.lower.replace(/\.$/, "") ?? "") || MONTHS.has(next?.lower ?? "")) return true;
  if (next && DURATIONS.has(next.lower)) return true;
  if (next && TIMES.has(next.lower)) return true;
  if (t.kind === "number") {
    if (/[\p{L}]/u.test(after) && !SPACELESS_SCRIPT.test(after) && !/\p{Script=Hangul}/u.test(after)) return true; // "22nd", "4am"; but in "150人" the next word starts
    if (after === ":" || (prev?.text === ":" && text.charAt(t.start - 1) === ":")) return true; // "1:40"
    if (!qualified && /^(1[5-9]|20)\d\d$/.test(asciiDigits(t.text)) && next?.text !== "%" && next?.lower !== "percent") return true; // a year
    // A name or code with digits: "Khabar 24", "Khabar-24", "Covid-19" (not the sentence's first word).
    if (prev && isCapitalised(prev) && prev.start > sentenceStart && t.start - prev.end <= 1 && !WEEKDAYS.has(prev.lower)) return true;
    // An age after a name, alone between commas: "said Yan Anqiao, 30.", "a man, 30, was held".
    if (prev?.text === "," && (!next || [",", ".", ")", ";"].includes(next.text))) return true;
  }
  // "One of the survivors": a partitive, not a count.
  if (t.lower === "one" && next?.lower === "of") return true;
  // "three-story", "two-page": a size used as an adjective (a unit after the hyphen is a measure).
  if (after === "-" && !MEASURES.has(tokens[end + 1]?.lower ?? "")) return true;
  return false;
}

function counted(tokens: Token[], from: number, previous: ExtractedFigure | undefined, language: Language): { text: string; unit: string | null; end: number } {
  const first = tokens[from];
  if (!first) return { text: "", unit: null, end: from };
  if (first.text === "%" || first.lower === "percent" || first.lower === "pc") return { text: "percent", unit: "percent", end: from + 1 };
  if (first.lower === "per" && tokens[from + 1]?.lower === "cent") return { text: "percent", unit: "percent", end: from + 2 };
  if (first.text === "-" && tokens[from + 1] && MEASURES.has(tokens[from + 1]!.lower)) {
    return { text: tokens[from + 1]!.text, unit: tokens[from + 1]!.lower, end: from + 2 };
  }
  if (first.lower === "others" || first.lower === "more") return { text: previous?.counted ?? "people", unit: null, end: from + 1 };
  // "dozens of attackers", "one-third of Ethiopia’s population", "13,434,857 of them", "thousands of them children".
  let start = from;
  let ofThem = false;
  if (first.lower === "of") {
    start++;
    ofThem = ["them", "those"].includes(tokens[start]?.lower ?? "");
    if (ofThem || ["the", "these", "its", "their"].includes(tokens[start]?.lower ?? "")) start++;
    if (/[’']s$/.test(tokens[start]?.text ?? "")) start++;
  }
  const words: Token[] = [];
  for (let j = start; j < tokens.length && words.length < 4; j++) {
    const w = tokens[j]!;
    if (w.kind !== "word" || STOP.has(w.lower)) break;
    const followed = tokens[j + 1];
    const nounFollows = followed?.kind === "word" && !STOP.has(followed.lower);
    // A participle or a capitalised word opens a verb phrase or a name unless a noun follows it.
    if ((/(?:ed|ing)$/.test(w.lower) || isCapitalised(w)) && !nounFollows) break;
    words.push(w);
    // Outside English the noun right after the number is what it counts ("1000 человек", "52 personnes").
    if (MEASURES.has(w.lower) || CURRENCY_WORDS.has(w.lower) || language !== "en") break;
  }
  if (words.length === 0) return { text: ofThem ? (previous?.counted ?? "people") : "", unit: null, end: start };
  const head = words.at(-1)!.lower;
  const unit = MEASURES.has(head) || CURRENCY_WORDS.has(head) ? head : null;
  return { text: words.map((w) => w.text).join(" "), unit, end: start + words.length };
}

// What happens to people: "up to 20 are missing", "2,500 were injured" count people whatever came before.
const PEOPLE_VERBS = new Set("missing injured wounded killed dead died arrested detained hurt trapped rescued evacuated displaced hospitalised hospitalized".split(" "));
const aboutPeople = (tokens: Token[], from: number) => [0, 1, 2].some((k) => PEOPLE_VERBS.has(tokens[from + k]?.lower ?? ""));

/** "the toll of 410", "valid votes then was 10,713,650": the noun the figure is the value of. */
function countedBefore(tokens: Token[], from: number): string {
  let j = from - 1;
  let skipped = 0;
  while (j >= 0 && skipped < 4 && COPULA.has(tokens[j]!.lower)) {
    j--;
    skipped++;
  }
  let noun = tokens[j];
  // "the total valid votes in the polls were 13,119,460": the noun before the prepositional phrase.
  if (noun && ["the", "this", "that"].includes(tokens[j - 1]?.lower ?? "") && ["in", "of", "at", "on", "for"].includes(tokens[j - 2]?.lower ?? "")) noun = tokens[j - 3];
  if (skipped === 0 || !noun || noun.kind !== "word" || STOP.has(noun.lower) || isCapitalised(noun) || /ed$/.test(noun.lower)) return "";
  return noun.text;
}

/**
 * Figures in `text` (one sentence or clause), in order. `sentenceStart` is the offset of the
 * sentence's first token in `text`, so the first word may be capitalised without being a name.
 */
export function findFigures(text: string, tokens: Token[], language: Language = "en"): ExtractedFigure[] {
  const figures: ExtractedFigure[] = [];
  const sentenceStart = tokens[0]?.start ?? 0;
  for (let i = 0; i < tokens.length; i++) {
    const number = readNumber(tokens, i, language);
    if (!number) continue;
    let qualifier = qualifierBefore(tokens, i);
    let low = number.value;
    let high = number.value;
    let end = number.end;
    let bound: FigureBound = number.vague ? "ESTIMATE" : (qualifier?.bound ?? "EXACT");
    // "between 30 to 38 percent", "30-38", "30 to 38": a range.
    const sep = tokens[end];
    if (number.value !== null && sep && (sep.lower === "to" || sep.lower === "and" || sep.text === "-" || sep.text === "–")) {
      const second = tokens[end + 1] ? readNumber(tokens, end + 1, language) : null;
      const isRange = second?.value != null && second.value > number.value && (sep.lower !== "and" || tokens[i - 1]?.lower === "between");
      if (isRange && !notAFigure(text, tokens, end + 1, second.end, sentenceStart, true)) {
        high = second.value;
        end = second.end;
        bound = "RANGE";
        if (tokens[i - 1]?.lower === "between") qualifier = { words: 1, bound: "RANGE" };
      }
    }
    const after = bound === "EXACT" ? qualifierAfter(tokens, end) : null;
    if (after) {
      bound = after.bound;
      end += after.words;
    }
    if (notAFigure(text, tokens, i, number.end, sentenceStart, qualifier !== null || after !== null)) {
      i = number.end - 1;
      continue;
    }
    if (bound === "AT_LEAST" || bound === "MORE_THAN" || bound === "OVER") high = null;
    if (bound === "UP_TO" || bound === "NEARLY" || bound === "FEWER_THAN") low = null;
    const previous = figures.at(-1);
    const what = counted(tokens, end, previous, language);
    // A bare number counts what the figure before it counted ("13,500 emergency workers ...; about 400 have come").
    const countedText = what.text || (number.currency ?? countedBefore(tokens, i - (qualifier?.words ?? 0))) || (aboutPeople(tokens, end) ? "people" : previous?.counted) || "people";
    const from = tokens[i - (qualifier?.words ?? 0)]!.start;
    const to = tokens[Math.max(what.end, end) - 1]!.end;
    const unit = what.unit ?? number.currency ?? (PERSON_NOUNS.has(countedText.split(" ").at(-1)!.toLowerCase()) ? "people" : countedText.split(" ").at(-1)!.toLowerCase());
    figures.push({ words: text.slice(from, to), bound, low, high, unit, counted: countedText, at: from });
    i = Math.max(end, what.end) - 1;
  }
  return figures;
}
