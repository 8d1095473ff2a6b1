// Who makes a claim: the noun phrase as written before or after an attribution verb ("the regional
// government said", "said Yan Anqiao", "according to the Pentagon"), with an appositive after a
// comma kept ("Merera Gudina, chairman of the Oromo Federalist Congress"). Later mentions ("Gudina",
// "the ministry", "she") are resolved to the fullest earlier mention in the article.
import { isCapitalised, tokenize, type Token } from "./tokens";

export type ClaimantType = "PERSON" | "ORGANISATION";

// Verbs of saying ("said", "told", "according to", the Russian "заявил", "по словам", the Arabic
// "قالت" (she/it said, also with the "و" of "and") and "بحسب" (according to)) name the claimant
// first; other verbs that report a statement ("confirmed", "showed", "criticized") only when the
// sentence has none ("At least 589 people were confirmed dead, the ministry said").
export const ATTRIBUTION =
  /(?<![\p{L}])(?:according to|said|says|say|told|tells|announced|announces|reported|stated|states|added|insisted|claimed|claims|заявил[аи]?|сообщил[аи]?|сказал[аи]?|по словам|по данным|a déclaré|a dit|selon|dijo|declaró|según|sagte|erklärte|laut|و?(?:قال|قالت|أعلن|أعلنت|ذكر|ذكرت|أكد|أكدت|أضاف|أضافت|صرح|صرحت)|بحسب|حسب)(?![\p{L}])/iu;
export const WEAK_ATTRIBUTION =
  /(?<![\p{L}])(?:saying|describing|characteri[sz](?:ed|es|ing)|echoed|described|describes|claiming|confirmed|confirms|denied|denies|rejected|estimate|estimates|believed|believe|believes|noted|warned|called|complain|complained|complains|expressed|disclosed|showed|shows|show|criticized|criticised|condemned)(?![\p{L}])/iu;

/** The verb that attributes the sentence (outside quotations), if any. */
export function attributionVerb(masked: string): RegExpExecArray | null {
  return ATTRIBUTION.exec(masked) ?? WEAK_ATTRIBUTION.exec(masked);
}
// "did not say whether ...", "declined to say": what was not said is no claim.
export const NEGATED_ATTRIBUTION = /\b(?:did not|didn[’']t|would not|wouldn[’']t|declined to|refused to) (?:say|said|confirm|comment)\b/i;

const DETERMINERS = new Set(["the", "a", "an"]);
// Articles that open a name after an inverted verb in other languages ("a déclaré le ministère", "dijo el Ministerio", "sagte die Polizei").
const FOREIGN_ARTICLES = new Set(["le", "la", "les", "l’", "el", "los", "las", "die", "der", "das"]);
// Words that end a claimant read backwards from its verb: clause words, verbs, prepositions.
const NOT_IN_NAME = new Set(
  ("that which who whom whose when while where because as if but though although so than then there it is was were are be been being has have had " +
    "will would could may might also not never in on at to for with by from into during since after before about over under " +
    "this these those its their his her our said says told he she they we i you " +
    // Arabic "that" after a verb of saying ("قالت الوزارة إن ..."): the name ends before it.
    "إن أن بأن إنه أنه").split(" "),
);
// Dropped from the end of the subject: "police *had* said", "the opposition *today* criticized".
const AUXILIARIES = new Set(
  "has have had was were is are been also not never reportedly later previously initially earlier publicly again since today yesterday still then".split(" "),
);
const PRONOUNS = new Set(["he", "she", "it", "they", "we", "him", "her", "them", "i"]);
const ORGANISATION_WORDS = new Set(
  ("ministry government police commission agency authority authorities military army forces party council office department " +
    "committee court watch group groups union bank company media service services command pentagon opposition results data " +
    "release footage organisation organization institute coalition ministry's news times post press network television " +
    "agencies officials' parliament congress assembly embassy municipality administration").split(" "),
);
// A role makes a person even inside an organisation's name ("Police spokeswoman Saltanat Azirbek").
const PERSON_ROLES = new Set(
  ("spokeswoman spokesman spokesperson minister governor gov leader president chairman chairwoman chairperson witness resident " +
    "lecturer photographer reporter correspondent mayor senator director secretary commissioner prosecutor activist doctor " +
    "protester survivor girl boy woman man mother father official").split(" "),
);
const MAX_WORDS = 12;
// What opens an appositive or a relative clause after a name and a comma.
const APPOSITIVE =
  /^(?:\p{Ll}|(?:A|An|The|President|Prime|Chairman|Chairwoman|Chairperson|Chief|Head|Director|Spokesman|Spokeswoman|Secretary|Governor|Mayor|Senator|Leader|CEO|Minister|Deputy)\b)/u;

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !DETERMINERS.has(w));

/** A guess for the form's default: a person or an organisation (null when unsure). */
export function guessClaimantType(claimant: string, outlet: string | null): ClaimantType | null {
  if (outlet && claimant === outlet) return "ORGANISATION";
  const name = claimant.split(",")[0] ?? claimant;
  if (words(name).some((w) => PERSON_ROLES.has(w))) return "PERSON";
  if (words(name).some((w) => ORGANISATION_WORDS.has(w)) || /\b\p{Lu}{2,}\b/u.test(name)) return "ORGANISATION";
  return "PERSON";
}

/** Tokens accepted in a claimant, read backwards from its verb. */
function nameTokensBackwards(tokens: Token[], text: string): Token[] {
  const picked: Token[] = [];
  for (let j = tokens.length - 1; j >= 0 && picked.length < MAX_WORDS; j--) {
    const t = tokens[j]!;
    const prev = tokens[j - 1];
    if (t.text === ")") {
      // "(EC)": a short parenthesis belongs to the name.
      const open = tokens[j - 2]?.text === "(" ? j - 2 : -1;
      if (open < 0 || picked.length > 0) break;
      picked.push(t, tokens[j - 1]!, tokens[j - 2]!);
      j = open;
      continue;
    }
    // "Gov." and "U.S.": a full stop after a short capitalised abbreviation.
    if (t.text === "." && prev && prev.kind === "word" && prev.text.length <= 4 && /^\p{Lu}/u.test(prev.text) && text.charAt(t.start - 1) !== " ") {
      picked.push(t);
      continue;
    }
    // "Khabar 24", "Channel 4": a number ending a name.
    if (t.kind === "number" && picked.length === 0 && isCapitalised(prev)) {
      picked.push(t);
      continue;
    }
    if (t.kind !== "word") break;
    if (DETERMINERS.has(t.lower)) {
      picked.push(t);
      // "One of the survivors": the determiner does not end the name after "of".
      if (prev?.lower !== "of") break;
      continue;
    }
    if (NOT_IN_NAME.has(t.lower) && !isCapitalised(t)) break;
    picked.push(t);
  }
  while (picked.length && ["of", "and"].includes(picked.at(-1)!.lower)) picked.pop();
  return picked.reverse();
}

const slice = (text: string, tokens: Token[]) => (tokens.length ? text.slice(tokens[0]!.start, tokens.at(-1)!.end) : "");

/** The noun phrase that ends `before` (the text before an attribution verb), as written. */
function subjectBefore(before: string): string | null {
  let s = before.trimEnd();
  // Drop trailing auxiliaries word by word (linear in what is dropped).
  for (;;) {
    const m = /(\S+)$/.exec(s.slice(Math.max(0, s.length - 40)));
    if (!m || !AUXILIARIES.has(m[1]!.toLowerCase())) break;
    s = s.slice(0, s.length - m[1]!.length).trimEnd();
  }
  if (!s.endsWith(",")) {
    const tokens = tokenize(s.slice(Math.max(0, s.length - 400)));
    const text = s.slice(Math.max(0, s.length - 400));
    return slice(text, nameTokensBackwards(tokens, text)) || null;
  }
  // "Vinicio Alvarado, head of Ecuador's labor department, warned": the name is the segment before
  // the first appositive in the last few; the appositive is kept as written, while relative and
  // participle clauses ("who received ...", "consisting of ...") are left out.
  const segments = s.slice(0, -1).split(",");
  const first = Math.max(1, segments.length - 8);
  for (let k = first; k < segments.length; k++) {
    const segment = segments[k]!.trim();
    if (!APPOSITIVE.test(segment)) continue;
    const tokens = tokenize(segments[k - 1]!);
    const name = slice(segments[k - 1]!, nameTokensBackwards(tokens, segments[k - 1]!));
    if (!name) return null;
    const clause = /^(?:who|which|whose|whom)\b|^\p{Ll}+ing\b/u.test(segment);
    return clause ? name : [name, ...segments.slice(k, segments.length).map((x) => x.trim())].join(", ");
  }
  return null;
}

/** The name that starts `after` ("said Yan Anqiao, 30", "according to the Pentagon"). */
function nameAfter(after: string): string | null {
  const text = after.slice(0, 300);
  const tokens = tokenize(text);
  const picked: Token[] = [];
  for (const t of tokens) {
    if (picked.length >= MAX_WORDS) break;
    if (t.kind !== "word") {
      if (t.text === "." && picked.length && picked.at(-1)!.text.length <= 4 && text.charAt(t.start - 1) !== " " && isCapitalised(picked.at(-1))) {
        picked.push(t);
        continue;
      }
      break;
    }
    // "according to officials", Russian "заявил представитель МВД": a lowercase noun may open the name.
    if (picked.length === 0 && !DETERMINERS.has(t.lower) && !FOREIGN_ARTICLES.has(t.lower) && !isCapitalised(t) && !/^\p{Ll}+s$|^\p{Script=Cyrillic}|^\p{Script=Arabic}/u.test(t.text)) break;
    if (picked.length > 0 && NOT_IN_NAME.has(t.lower) && !isCapitalised(t)) break;
    picked.push(t);
  }
  while (picked.length && ["of", "and", "."].includes(picked.at(-1)!.lower)) picked.pop();
  return slice(text, picked) || null;
}

/** The capitalised name that opens a sentence ("Police", "The Hospital Authority"). */
function leadingName(text: string): string | null {
  const tokens = tokenize(text.slice(0, 200));
  const picked: Token[] = [];
  for (const t of tokens) {
    if (picked.length >= MAX_WORDS || t.kind !== "word") break;
    if (!isCapitalised(t) && !(picked.length > 0 && ["of", "and", "the"].includes(t.lower))) break;
    picked.push(t);
  }
  while (picked.length && ["of", "and", "the"].includes(picked.at(-1)!.lower)) picked.pop();
  return slice(text, picked) || null;
}

/**
 * The claimant of a sentence given its text with quotations blanked out (`masked`) and the
 * attribution verb found in it.
 */
export function claimantOf(masked: string, verb: RegExpExecArray): string | null {
  const after = masked.slice(verb.index + verb[0].length);
  if (/^(?:according to|по словам|по данным|selon|según|laut|بحسب|حسب)$/i.test(verb[0])) return nameAfter(after);
  // "Tokayev sought help, describing the protesters as ...": the sentence's subject speaks.
  if (/ing$/i.test(verb[0])) return leadingName(masked);
  const before = masked.slice(0, verb.index);
  const subject = before.trim() === "" ? null : subjectBefore(before);
  if (subject) return subject;
  // Inverted attribution after a quote: "…,” said Zauresh Shekenova, a protester.
  const inverted = before.trim() === "" || /[,—–]\s*$/.test(before);
  // Otherwise the sentence's subject: "Police didn’t rule out ... but noted ...".
  return (inverted ? nameAfter(after) : null) ?? leadingName(masked);
}

/**
 * Resolves later mentions to the fullest earlier one in the article: "Gudina" and "Merera Gudina"
 * become "Merera Gudina, chairman of ...", "the ministry" becomes "the health ministry", a pronoun
 * the last claimant. Each word remembers the longest claimant containing it, so a lookup is constant.
 */
export function claimantResolver(): { resolve(claimant: string): string } {
  const longest = new Map<string, string>();
  let last: string | null = null;
  return {
    resolve(claimant) {
      if (PRONOUNS.has(claimant.toLowerCase())) return last ?? claimant;
      const name = claimant.split(",")[0] ?? claimant;
      const own = words(name);
      const candidate = longest.get(own.at(-1) ?? "");
      let resolved = claimant;
      // "the government and witnesses" is not "the government".
      if (candidate && candidate.length > claimant.length && (!/ and /i.test(candidate.split(",")[0] ?? "") || / and /i.test(name))) {
        const theirs = new Set(words(candidate.split(",")[0] ?? candidate));
        if (own.every((w) => theirs.has(w))) resolved = candidate;
      }
      for (const w of words(resolved.split(",")[0] ?? resolved)) {
        if ((longest.get(w)?.length ?? 0) < resolved.length) longest.set(w, resolved);
      }
      last = resolved;
      return resolved;
    },
  };
}
