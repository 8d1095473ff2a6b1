// Heuristic claim-candidate proposer. It only *suggests*: an editor confirms every
// claim, so we favour recall on check-worthy signals (numbers, quotes, attribution)
// and keep each suggestion explainable through `reasons`.
import { splitSentences, type Sentence } from "./sentences";

export type CandidateReason = "figure" | "quote" | "attribution" | "claimant";
export type CandidateKind = "NUMERIC" | "EVENT" | "FRAMING" | "QUOTE";
export type Candidate = {
  sentence: Sentence;
  score: number;
  reasons: CandidateReason[];
  suggestedKind: CandidateKind;
  suggestedClaimant: string | null;
  figures: string[];
};

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const NUMBER_WORDS =
  "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|" +
  "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|" +
  "million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions|half|double|doubled|" +
  "doubling|triple|tripled|tripling|quadrupled|halved";
// Quantities are what make a sentence NUMERIC; the lookbehind skips digits glued to
// names or codes ("Khabar-24", "Covid-19").
const QUANTITY = new RegExp(
  String.raw`[$€£¥₽]\s?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m|k)\b)?` +
    String.raw`|(?<![\p{L}\d-])\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:%|percent\b|per cent\b))?` +
    String.raw`(?:\s(?:million|billion|trillion|thousand|hundred)\b)?` +
    String.raw`(?:\s(?:days|weeks|months|years|hours|people|dollars|euros|tenge|rubles)\b)?` +
    String.raw`|\b(?:${NUMBER_WORDS})\b(?:\s(?:percent|per cent)\b)?`,
  "giu",
);
// Dates, years and ages are worth listing but don't make the claim itself numeric.
const CONTEXT_FIGURE = new RegExp(
  String.raw`\b(?:${MONTHS})\s\d{1,2}\b(?:,?\s\d{4}\b)?|\b\d{1,2}\s(?:${MONTHS})\b(?:\s\d{4}\b)?` +
    String.raw`|\b\d{4}-\d{2}-\d{2}\b|\b\d+-year-old\b|(?<![\d,.$])\b(?:1[89]|20)\d{2}\b(?![\d%]|[,.]\d)`,
  "gu",
);
const QUOTED = /“[^”]*(?:”|$)|"[^"\n]*"/g;
const ATTRIBUTION =
  /\b(?:according to|said|says|say|saying|told|tells|announced|announces|reported|described|describes|describing|characteri[sz](?:ed|es|ing)|claimed|claiming|stated)\b/i;
const FRAMING =
  /\b(?:terroris\w*|interference|attack\w*|gangs?|bandits?|extremis\w*|thugs?|looters?|rioters?|invaders?|invasion|coup|provocat\w*|traitors?|mob|hooligans?|massacre|genocide|puppets?)\b/i;
// Lowercase nouns that can be (part of) a claimant: "Almaty police", "Police spokeswoman ...".
const ROLE_NOUNS = new Set(
  ("police officials official authorities spokeswoman spokesman spokesperson ministry government agency " +
    "agencies news media sources officers military army prosecutors activists activist protesters residents " +
    "witnesses analysts experts observers monitors lawyers doctors organizers organisers leaders minister")
    .split(" "),
);
// Capitalised words that start sentences or name times/places-in-time, never claimants.
const NOT_NAMES = new Set(
  ("The A An This That These Those It Its He She They We I But And However In On At As After Before When " +
    "While If Then Therefore Meanwhile Much Many Some Monday Tuesday Wednesday Thursday Friday Saturday Sunday " +
    MONTHS.replace(/\|/g, " ")).split(" "),
);
const CONNECTORS = new Set(["of", "the", "and"]);
// A capitalised word after a comma that opens an appositive ("Nikol Pashinyan, Prime Minister of ...").
const APPOSITIVE_START =
  /^(?:\p{Ll}|(?:A|An|The|President|Prime|Chairman|Chairwoman|Chief|Head|Director|Spokesman|Spokeswoman|Secretary|Governor|Mayor|Senator|Leader|CEO)\b)/u;
const AUXILIARY = /\s+(?:has|have|had|was|were|is|are|been|also|not|never|reportedly|later|previously|initially|earlier|publicly|again)$/i;

type Analysis = {
  sentence: Sentence;
  figures: string[];
  quantity: boolean; // at least one figure is a quantity (not just a date/year/age)
  quoted: boolean;
  attributed: boolean;
  claimant: string | null;
  framing: boolean;
  skip: boolean;
};

export function proposeCandidates(text: string): Candidate[] {
  const analyses = splitSentences(text).map((s) => analyse(text, s));
  for (const [i, a] of analyses.entries()) {
    const prev = analyses[i - 1];
    if (!prev || /\n/.test(text.slice(prev.sentence.end, a.sentence.start))) continue;
    // "New York Times reported." is a dangling attribution for the sentence before it.
    if (a.sentence.text.split(/\s+/).length < 5 && a.attributed && a.claimant && !a.quoted && !a.figures.length) {
      a.skip = true;
      if (!prev.claimant) Object.assign(prev, { claimant: a.claimant, attributed: true });
    }
  }
  for (const [i, a] of analyses.entries()) {
    const prev = analyses[i - 1];
    // A quote paragraph with no attribution usually continues the previous speaker's quote.
    if (prev?.quoted && prev.claimant && !a.claimant && a.quoted && /^[“"]/.test(a.sentence.text)) {
      a.claimant = prev.claimant;
    }
  }
  return analyses.filter((a) => !a.skip).map(toCandidate).filter((c) => c.score > 0);
}

function toCandidate(a: Analysis): Candidate {
  // Quantities and direct quotes are the most check-worthy; attribution alone is a weak hint.
  const signals: Array<[CandidateReason, boolean, number]> = [
    ["figure", a.figures.length > 0, a.quantity ? 2 : 1],
    ["quote", a.quoted, 2],
    ["attribution", a.attributed, 1],
    ["claimant", a.claimant !== null, 1],
  ];
  const present = signals.filter(([, on]) => on);
  const reasons = present.map(([reason]) => reason);
  const score = present.reduce((sum, [, , weight]) => sum + weight, 0);
  const suggestedKind: CandidateKind = a.quantity
    ? "NUMERIC"
    : a.quoted && a.framing ? "FRAMING" : a.quoted ? "QUOTE" : "EVENT";
  return { sentence: a.sentence, score, reasons, suggestedKind, suggestedClaimant: a.claimant, figures: a.figures };
}

function analyse(text: string, sentence: Sentence): Analysis {
  const t = sentence.text;
  const quotes = [...t.matchAll(QUOTED)].map((m) => ({ start: m.index, text: m[0] }));
  // Attribution verbs inside a quotation are the speaker's words, not ours: mask them out.
  let masked = t;
  for (const q of quotes) masked = masked.slice(0, q.start) + " ".repeat(q.text.length) + masked.slice(q.start + q.text.length);
  const { figures, quantity } = findFigures(t);
  const verb = ATTRIBUTION.exec(masked);
  const words = t.split(/\s+/).length;
  const lineStart = text.lastIndexOf("\n", sentence.start - 1) + 1;
  // Headings and captions: a whole line with no closing punctuation.
  const heading = !/[.!?…”"’)]$/.test(t) && words <= 15 && text.slice(lineStart, sentence.start).trim() === "";
  return {
    sentence,
    figures,
    quantity,
    quoted: quotes.some((q) => q.text.length > 2),
    attributed: verb !== null,
    claimant: verb ? findClaimant(t, masked, verb) : null,
    framing: quotes.some((q) => FRAMING.test(q.text)),
    skip: heading || (words < 5 && verb === null),
  };
}

function findFigures(t: string): { figures: string[]; quantity: boolean } {
  const context = [...t.matchAll(CONTEXT_FIGURE)].map((m) => ({ at: m.index, text: m[0], qty: false }));
  const overlaps = (at: number, len: number) => context.some((c) => at < c.at + c.text.length && c.at < at + len);
  const qty = [...t.matchAll(QUANTITY)]
    .filter((m) => !overlaps(m.index, m[0].length))
    .map((m) => ({ at: m.index, text: m[0].trim(), qty: true }));
  const all = [...context, ...qty].sort((a, b) => a.at - b.at);
  return { figures: all.map((f) => f.text), quantity: qty.length > 0 };
}

function findClaimant(t: string, masked: string, verb: RegExpExecArray): string | null {
  if (/^according to$/i.test(verb[0])) {
    const phrase = masked.slice(verb.index + verb[0].length).split(/[,.;:()]/)[0] ?? "";
    const cleaned = phrase.trim().replace(/^the\s+/i, "").split(/\s+/).slice(0, 6).join(" ");
    return leadingName(cleaned) ?? (cleaned || null);
  }
  const before = subjectBefore(masked.slice(0, verb.index));
  if (before) return before;
  // Inverted attribution after a quote: "…,” said Zauresh Shekenova, a protester.
  if (/(?:^|[,”"])\s*$/.test(t.slice(0, verb.index))) {
    const after = leadingName(masked.slice(verb.index + verb[0].length));
    if (after) return after;
  }
  // Participle attribution ("..., describing the protesters as ...") belongs to the subject.
  return leadingName(masked.replace(/^\s*The\s+/, ""));
}

function subjectBefore(before: string): string | null {
  let s = before.trimEnd();
  while (AUXILIARY.test(" " + s)) s = s.replace(/\s*\S+$/, "");
  if (!s.endsWith(",")) return trailingName(s);
  for (const m of s.matchAll(/,\s*/g)) {
    if (!APPOSITIVE_START.test(s.slice(m.index + m[0].length))) continue;
    const name = trailingName(s.slice(0, m.index));
    if (name) return name;
  }
  return null;
}

// Capitalised words (not sentence starters), role nouns, and "of/the/and" between them.
function acceptable(tok: string, inside: boolean): boolean {
  const name = /^\p{Lu}[\p{L}\p{M}\d’'.-]*$/u.test(tok) && !NOT_NAMES.has(tok);
  return name || ROLE_NOUNS.has(tok) || (inside && CONNECTORS.has(tok));
}

/** Run of name-like words from the start of `toks`; `backwards` means toks were reversed. */
function nameRun(toks: string[], backwards: boolean): string | null {
  const picked: string[] = [];
  for (const raw of toks) {
    const tok = raw.replace(/[,.;:!?”"]+$/, "");
    // Punctuation ends a name: read forwards it trails the last word, backwards it precedes the run.
    if (!acceptable(tok, picked.length > 0) || (backwards && tok !== raw)) break;
    picked.push(tok);
    if (tok !== raw) break;
  }
  if (backwards) picked.reverse();
  while (CONNECTORS.has(picked[0] ?? "")) picked.shift();
  while (CONNECTORS.has(picked.at(-1) ?? "")) picked.pop();
  return picked.length > 0 ? picked.join(" ") : null;
}

/** "... though Russian officials and news agencies" -> "Russian officials and news agencies". */
const trailingName = (s: string) => nameRun(s.trim().split(/\s+/).reverse(), true);
/** "Netblocks, a watchdog that ..." -> "Netblocks". */
const leadingName = (s: string) => nameRun(s.trim().split(/\s+/), false);
