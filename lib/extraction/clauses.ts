// One claim per clause: a sentence that joins claims that can be true or false on their own is
// split ("the disease killed 58 people and sickened 1,293 others"; "2,401 people had been injured,
// 230,000 had been evacuated and ..."; "... regret” over his death and police said they will ...";
// the sentences of a multi-sentence quotation). A single predicate with two figures stays whole.
import { ATTRIBUTION } from "./claimants";
import type { ExtractedFigure } from "./figures";
import type { Token } from "./tokens";

export type Clause = {
  text: string;
  start: number;
  end: number;
  /** The clause's own claimant ("police" in "... and police said ..."), else null. */
  attribution: string | null;
  /** A relative clause inside the claimant ("Nur, who received 7.6 percent, said"): the outlet's statement. */
  ownVoice: boolean;
};

const AUX = new Set("had have has were was are is been being".split(" "));
const QUALIFYING = new Set("another more than at least nearly over about some up to almost".split(" "));
const PREDICATE = /^(?:\p{Ll}+ed|had|have|has|were|was|are|is|sickened|killed|injured|arrested|wounded|took|won|lost|rose|fell)$/u;

/**
 * Clauses of `text` (a sentence at `offset` in the article), or a single clause when nothing
 * splits. `tokens` and `figures` are the sentence's, already computed.
 */
export function splitClaims(text: string, offset: number, tokens: Token[], figures: ExtractedFigure[]): Clause[] {
  const inQuote = quoteDepths(text);
  // Where a clause ends, how many characters to skip, and who speaks in the clause after it.
  type Cut = { at: number; skip: number; attribution: string | null; ownVoice?: boolean };
  const cuts: Cut[] = [];
  // Figures are in text order: the first at or after an offset by binary search.
  const figureBetween = (from: number, to: number) => {
    let lo = 0;
    let hi = figures.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (figures[mid]!.at < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < figures.length && figures[lo]!.at < to;
  };
  const figureStarts = new Set(figures.map((f) => f.at));
  let segmentStart = 0;
  let lastComma = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    if (t.text === "," || t.start < segmentStart) lastComma = i;
    // Sentences inside one quotation: “... constituencies. At the end of ...”
    if ((t.text === "." || t.text === "?" || t.text === "!") && inQuote[t.start] && /^\p{Lu}/u.test(next.text) && next.start > t.end) {
      cuts.push({ at: t.end, skip: 0, attribution: null });
      segmentStart = t.end;
      continue;
    }
    if (inQuote[t.start] && t.text !== "," && t.lower !== "and") continue;
    if (t.text === ";") {
      cuts.push({ at: t.start, skip: 1, attribution: null });
      segmentStart = t.end;
      continue;
    }
    const coordinator = t.lower === "and" || t.lower === "while" ? i : t.text === "," && ["and", "while"].includes(next.lower) ? i + 1 : -1;
    if (coordinator >= 0) {
      const right = tokens.slice(coordinator + 1, coordinator + 8);
      const cutAt = tokens[coordinator]!.end;
      const rightEnd = right.at(-1)?.end ?? text.length;
      // "... and police said they will ...": a new speaker.
      const verbAt = right.findIndex((r) => ATTRIBUTION.test(r.text));
      // Not "the government and witnesses said": the left side is a clause of its own.
      const leftWords = i - lastComma;
      if (verbAt > 0 && verbAt <= 3 && leftWords > 6 && right.slice(0, verbAt).every((r) => r.kind === "word")) {
        const name = text.slice(right[0]!.start, right[verbAt - 1]!.end);
        cuts.push({ at: t.start, skip: 0, attribution: name });
        segmentStart = cutAt;
        i = coordinator;
        continue;
      }
      // "... killed 58 people and sickened 1,293 others": both sides have a figure, the right its own verb.
      if (figureBetween(segmentStart, t.start) && figureBetween(cutAt, rightEnd) && right.slice(0, 6).some((r) => PREDICATE.test(r.lower))) {
        cuts.push({ at: t.start, skip: 0, attribution: null });
        segmentStart = cutAt;
        i = coordinator;
        continue;
      }
    }
    // "he plunged from an upper floor but it wasn’t captured": the reporter's own contrast, with its own subject.
    if (t.lower === "but" && !inQuote[t.start] && /^(?:it|they|he|she|the|this|that|\p{Lu}\p{L}*)$/u.test(next.text) && tokens.slice(i + 2, i + 5).some((r) => AUX.has(r.lower) || /n[’']t$/.test(r.lower))) {
      cuts.push({ at: t.start, skip: 0, attribution: null, ownVoice: true });
      segmentStart = t.end;
      continue;
    }
    // "2,401 people had been injured, 230,000 had been evacuated": a figure with its own verb after a comma.
    if (t.text === "," && figureBetween(segmentStart, t.start)) {
      let k = i + 1;
      while (k < i + 4 && QUALIFYING.has(tokens[k]?.lower ?? "")) k++;
      const lead = tokens[k];
      const figureHere = lead !== undefined && (figureStarts.has(lead.start) || figureStarts.has(tokens[i + 1]!.start));
      if (figureHere && tokens.slice(k + 1, k + 4).some((r) => AUX.has(r.lower))) {
        cuts.push({ at: t.start, skip: 0, attribution: null });
        segmentStart = t.end;
      }
    }
  }
  const clauses: Clause[] = [];
  let from = 0;
  let speaker: Pick<Cut, "attribution" | "ownVoice"> = { attribution: null };
  for (const cut of [...cuts, { at: text.length, skip: 0, attribution: null }]) {
    pushClause(clauses, text, offset, from, cut.at, speaker);
    from = cut.at + cut.skip;
    speaker = cut;
  }
  return [...clauses, ...relativeClause(text, offset, figures)];
}

function pushClause(clauses: Clause[], text: string, offset: number, from: number, to: number, speaker: { attribution: string | null; ownVoice?: boolean }): void {
  let s = from;
  let e = to;
  while (s < e && /[\s,;]/.test(text.charAt(s))) s++;
  const lead = /^(?:and|while|but)\s+/i.exec(text.slice(s, Math.min(e, s + 8)));
  if (lead) s += lead[0].length;
  while (e > s && /[\s,;]/.test(text.charAt(e - 1))) e--;
  if (e > s) clauses.push({ text: text.slice(s, e), start: offset + s, end: offset + e, attribution: speaker.attribution, ownVoice: speaker.ownVoice ?? false });
}

/** "Ayman Nur, who received 7.6 percent of the votes, said ...": the relative clause holds the outlet's own figure. */
function relativeClause(text: string, offset: number, figures: ExtractedFigure[]): Clause[] {
  const m = /,\s+(?:who|which)\s+([^,]{1,200}),/.exec(text);
  if (!m) return [];
  const verb = ATTRIBUTION.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
  const start = m.index + m[0].indexOf(m[1]!);
  const end = start + m[1]!.length;
  if (!verb || verb.index > 2 || !figures.some((f) => f.at >= start && f.at < end)) return [];
  return [{ text: m[1]!, start: offset + start, end: offset + end, attribution: null, ownVoice: true }];
}

/** For each offset, whether it is inside a curly or guillemet quotation (one pass). */
function quoteDepths(text: string): boolean[] {
  const inside: boolean[] = new Array<boolean>(text.length).fill(false);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "“" || ch === "«") depth++;
    else if ((ch === "”" || ch === "»") && depth > 0) depth--;
    inside[i] = depth > 0;
  }
  return inside;
}
