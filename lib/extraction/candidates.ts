// Heuristic claim-candidate proposer. It only *suggests*: an editor confirms every claim, so it
// favours recall on check-worthy signals (figures, quotes, attribution, reported events) and keeps
// each suggestion explainable through `reasons`. One candidate per checkable claim: a sentence that
// joins independent claims ("58 people died and 1,293 others were sickened") gives one per clause.
// Everything is one pass over the text with constant work per token (see bench/linear.ts).
import { attributionVerb, claimantOf, claimantResolver, guessClaimantType, NEGATED_ATTRIBUTION, type ClaimantType } from "./claimants";
import { splitClaims, type Clause } from "./clauses";
import { findFigures, type ExtractedFigure } from "./figures";
import { detectLanguage, type Language } from "./language";
import { endsLikeSentence, splitSentences, type Sentence } from "./sentences";
import { tokenize } from "./tokens";

export type CandidateReason = "figure" | "quote" | "attribution" | "claimant" | "event";
export type CandidateKind = "NUMERIC" | "EVENT" | "FRAMING" | "QUOTE";
export type Candidate = {
  sentence: Sentence;
  /** The claim as proposed: the sentence, or one of its clauses (offsets within the text). */
  claim: { text: string; start: number; end: number };
  score: number;
  reasons: CandidateReason[];
  suggestedKind: CandidateKind;
  suggestedClaimant: string | null;
  claimantType: ClaimantType | null;
  figures: ExtractedFigure[];
};
export type ProposeOptions = {
  /** Claimant of what the article states in its own voice (events, figures without attribution). */
  outlet?: string | null;
  /** Detected from the text when not given. */
  language?: Language;
};

const QUOTED = /“[^”]*(?:”|$)|"[^"\n]*"|«[^»]*(?:»|$)/g;
const FRAMING =
  /\b(?:terroris\w*|interference|attack\w*|gangs?|bandits?|extremis\w*|thugs?|looters?|rioters?|invaders?|invasion|coup|provocat\w*|traitors?|mob|hooligans?|massacre|genocide|puppets?|illegal)\b/i;
// Reported events in the article's own voice: "protesters threw stones", "were killed", "had been evacuated".
const EVENT =
  /\b(?:killed|died|dead|injured|wounded|arrested|detained|fired|threw|marched|gathered|clashed|attacked|destroyed|collapsed|occurred|struck|burned|burnt|seized|stormed|protested|fled|evacuated|rescued|pulled|carried|demanded|hurled|shot|bombed|exploded|erupted|won|lost|voted|elected|resigned|issued|launched|deployed|imposed|declared|banned|closed|blocked|raised|rose|fell|increased|signed|approved|hampered|captured|took|responded|used|opened|torched|looted|shelled|crashed|sank|flooded|displaced|reportedly|(?:was|were|been|wasn[’']t|weren[’']t) \w+ed)\b/i;
// What may happen is not checkable yet ("it will complicate efforts", "volunteers may become endangered").
const SPECULATIVE = /\b(?:will|would|may|might|could)\b/i;
// What is said to be possible is not checkable either ("warned that volunteers may become endangered").
const POSSIBLE = /\b(?:may|might|could)\b/i;

type Analysis = {
  sentence: Sentence;
  masked: string;
  figures: ExtractedFigure[];
  quoted: boolean;
  framing: boolean;
  claimant: string | null;
  attributed: boolean;
  event: boolean;
  skip: boolean;
  clauses: Clause[];
};

/** Blanks out quotations (one pass) so attribution verbs inside them are the speaker's words, not ours. */
function mask(text: string): { masked: string; quotes: string[] } {
  const parts: string[] = [];
  const quotes: string[] = [];
  let at = 0;
  for (const m of text.matchAll(QUOTED)) {
    parts.push(text.slice(at, m.index), " ".repeat(m[0].length));
    quotes.push(m[0]);
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return { masked: parts.join(""), quotes };
}

function analyse(sentence: Sentence, startsLine: boolean, language: Language): Analysis {
  const t = sentence.text;
  const { masked, quotes } = mask(t);
  const tokens = tokenize(t);
  const figures = findFigures(t, tokens, language);
  const negation = NEGATED_ATTRIBUTION.exec(masked);
  // "He did not say whether ..." is no claim, unless something was said before the negation
  // ("confirmed civilians were killed but didn’t say how many").
  const verb = attributionVerb(negation ? masked.slice(0, negation.index) : masked);
  const negated = negation !== null && verb === null;
  const words = tokens.filter((x) => x.kind === "word").length;
  // Headings and captions: a whole line with no closing punctuation.
  const heading = !endsLikeSentence(t) && words <= 40 && startsLine;
  const reported = verb ? masked.slice(verb.index + verb[0].length) : masked;
  const speculative = figures.length === 0 && (verb ? POSSIBLE : SPECULATIVE).test(reported) && !quotes.some((q) => q.length > 2);
  return {
    sentence,
    masked,
    figures,
    quoted: quotes.some((q) => q.length > 2),
    framing: quotes.some((q) => FRAMING.test(q)) || (verb !== null && /^called$/i.test(verb[0]) && FRAMING.test(reported)),
    claimant: verb ? claimantOf(masked, verb) : null,
    attributed: verb !== null,
    event: language === "en" && EVENT.test(masked),
    skip: heading || words < 4 || negated || speculative,
    clauses: splitClaims(t, sentence.start, tokens, figures),
  };
}

/** Proposals for an article, in document order; `options.outlet` claims the article's own statements. */
export function proposeCandidates(text: string, options: ProposeOptions = {}): Candidate[] {
  const language = options.language ?? detectLanguage(text);
  const outlet = options.outlet?.trim() || null;
  const sentences = splitSentences(text);
  let lineStart = 0;
  let scanned = 0;
  const analyses = sentences.map((s, i) => {
    // Line starts found by one forward scan over the whole text, not a search back per sentence.
    for (let nl = text.indexOf("\n", scanned); nl !== -1 && nl < s.start; nl = text.indexOf("\n", nl + 1)) lineStart = nl + 1;
    scanned = s.start;
    return analyse(s, (sentences[i - 1]?.end ?? 0) <= lineStart, language);
  });
  for (const [i, a] of analyses.entries()) {
    const prev = analyses[i - 1];
    if (!prev || /\n/.test(text.slice(prev.sentence.end, a.sentence.start))) continue;
    // "New York Times reported." is a dangling attribution for the sentence before it.
    if (a.sentence.text.split(/\s+/).length < 5 && a.attributed && a.claimant && !a.quoted && !a.figures.length) {
      a.skip = true;
      if (!prev.claimant) Object.assign(prev, { claimant: a.claimant, attributed: true });
    }
  }
  const resolver = claimantResolver();
  let lastClaimant: string | null = null;
  const out: Candidate[] = [];
  for (const a of analyses) {
    let claimant = a.claimant ? resolver.resolve(a.claimant) : null;
    // A quotation with no attribution of its own continues the last speaker's.
    if (!claimant && a.quoted && /^[“"«]/.test(a.sentence.text) && lastClaimant) claimant = lastClaimant;
    if (claimant) lastClaimant = claimant;
    if (a.skip || !(a.figures.length || a.quoted || a.attributed || a.event)) continue;
    const split = a.clauses.length > 1;
    const perClause = split ? figuresByClause(a) : [a.figures];
    for (const [k, clause] of (split ? a.clauses : [null]).entries()) {
      const own = clause?.attribution ? resolver.resolve(clause.attribution) : clause && !clause.ownVoice ? clauseClaimant(a, clause, resolver) : null;
      const figures = perClause[k] ?? [];
      out.push(toCandidate(a, clause, own ?? (clause?.ownVoice ? outlet : claimant) ?? outlet, figures, outlet));
    }
  }
  return out;
}

/** A clause's own attribution ("The government expressed ..." before "... and police said ..."). */
function clauseClaimant(a: Analysis, clause: Clause, resolver: { resolve(c: string): string }): string | null {
  const from = clause.start - a.sentence.start;
  const masked = a.masked.slice(from, from + clause.text.length);
  const verb = attributionVerb(masked);
  const claimant = verb ? claimantOf(masked, verb) : null;
  return claimant ? resolver.resolve(claimant) : null;
}

/**
 * The figures read inside each clause. Clauses follow each other in text order (a relative clause,
 * listed last, lies inside the first): one merge pass for the former, one filter for the latter.
 */
function figuresByClause(a: Analysis): ExtractedFigure[][] {
  const out = a.clauses.map((): ExtractedFigure[] => []);
  const ordered = a.clauses.filter((c) => !c.ownVoice);
  let c = 0;
  for (const f of a.figures) {
    const at = a.sentence.start + f.at;
    while (c < ordered.length - 1 && at >= ordered[c]!.end) c++;
    const clause = ordered[c];
    if (clause && at >= clause.start && at < clause.end) out[c]!.push(f);
  }
  a.clauses.forEach((clause, k) => {
    if (clause.ownVoice) out[k] = a.figures.filter((f) => a.sentence.start + f.at >= clause.start && a.sentence.start + f.at < clause.end);
  });
  return out;
}

function toCandidate(a: Analysis, clause: Clause | null, claimant: string | null, figures: ExtractedFigure[], outlet: string | null): Candidate {
  const signals: Array<[CandidateReason, boolean, number]> = [
    ["figure", figures.length > 0, 2],
    ["quote", a.quoted, 2],
    ["attribution", a.attributed, 1],
    ["claimant", claimant !== null && claimant !== outlet, 1],
    ["event", !a.attributed && a.event, 1],
  ];
  const present = signals.filter(([, on]) => on);
  const suggestedKind: CandidateKind = figures.length ? "NUMERIC" : a.framing ? "FRAMING" : a.quoted ? "QUOTE" : "EVENT";
  return {
    sentence: a.sentence,
    claim: clause ?? { text: a.sentence.text, start: a.sentence.start, end: a.sentence.end },
    score: present.reduce((sum, [, , weight]) => sum + weight, 0),
    reasons: present.map(([reason]) => reason),
    suggestedKind,
    suggestedClaimant: claimant,
    claimantType: claimant ? guessClaimantType(claimant, outlet) : null,
    figures,
  };
}
