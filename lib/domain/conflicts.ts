import { describeAsOf, describeQuantity, intervalOf, isBelow, type Figure } from "./figures";

/**
 * A figure as the rule sees it. `asOf` is the moment it is given for, or with `asOfEnd` the span it
 * covers. `cumulative` comes from the story's vocabulary: a running total (deaths so far) can rise
 * between two as-of times but never fall; `false` for a count of a state ("in hospital now").
 * Left out, a figure counts a running total (snapshots written before the vocabulary say nothing).
 */
export type FigureForConflict = Pick<Figure, "bound" | "low" | "high" | "counted"> & {
  unit?: string;
  words?: string | null;
  asOf?: string | null;
  asOfEnd?: string | null;
  cumulative?: boolean;
  /** The desk's reason a running total is lower than before (a recount, a narrower scope). */
  explanation?: string | null;
};

/** What the conflict rule needs to know about one piece of evidence. */
export type EvidenceForConflict = {
  stance: "SUPPORTS" | "CONTRADICTS" | "MIXED" | "CONTEXT";
  figure?: FigureForConflict | null;
  /** Who reported it (the outlet), so a conflict can name its sources. */
  source?: string;
};

export type ConflictingFigure = Pick<Figure, "bound" | "low" | "high" | "words"> & { asOf: string | null; asOfEnd: string | null; source: string | null };
export type ConflictReason =
  | { kind: "stance"; supports: number; contradicts: number }
  /** "same-time": the two counts cannot both be true at once; "went-down": a running total fell. */
  | { kind: "figures"; counted: string; why: "same-time" | "went-down"; figures: [ConflictingFigure, ConflictingFigure] };

/** When a figure holds: [start, end] in ms (an instant has start = end), or null without an as-of time. */
function spanOf(f: FigureForConflict): [number, number] | null {
  if (!f.asOf) return null;
  const start = new Date(f.asOf).getTime();
  return [start, f.asOfEnd ? new Date(f.asOfEnd).getTime() : start];
}

/** Why two figures for the same counted thing and unit cannot both be true, or null when they can. */
function contradiction(a: FigureForConflict, b: FigureForConflict, cumulative: boolean): "same-time" | "went-down" | null {
  const [sa, sb] = [spanOf(a), spanOf(b)];
  // Figures without an as-of time might describe the same moment, and overlapping times share one: compare them as at once.
  if (sa === null || sb === null || (sa[0] <= sb[1] && sb[0] <= sa[1])) {
    return isBelow(intervalOf(a), intervalOf(b)) || isBelow(intervalOf(b), intervalOf(a)) ? "same-time" : null;
  }
  if (!cumulative) return null;
  const [earlier, later] = sa[1] < sb[0] ? [a, b] : [b, a];
  // A running total may rise; it contradicts itself only when every later value is below every
  // earlier one and the desk has not recorded why the later count is lower.
  return isBelow(intervalOf(later), intervalOf(earlier)) && !later.explanation ? "went-down" : null;
}

const startOf = (f: FigureForConflict) => spanOf(f)?.[0] ?? 0;
type Reported = FigureForConflict & { source: string | null };
const toConflicting = ({ bound, low, high, words, asOf, asOfEnd, source }: Reported): ConflictingFigure => ({ bound, low, high, words: words ?? null, asOf: asOf ?? null, asOfEnd: asOfEnd ?? null, source });

/**
 * A claim has conflicting accounts when one source supports it and another contradicts it, or
 * when two figures for the same counted thing and unit cannot both be true: at overlapping as-of
 * times (or with no time) the counts they allow do not overlap, or a running total goes down
 * between two as-of times that do not overlap without an explanation recorded on the lower figure. A later, higher running total is an evolution, not a conflict.
 * One reason per counted thing: the earliest pair that contradicts.
 */
export function findConflicts(evidence: EvidenceForConflict[]): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const supports = evidence.filter((e) => e.stance === "SUPPORTS").length;
  const contradicts = evidence.filter((e) => e.stance === "CONTRADICTS").length;
  if (supports > 0 && contradicts > 0) reasons.push({ kind: "stance", supports, contradicts });

  const groups = new Map<string, { counted: string; figures: Reported[] }>();
  for (const { figure, source } of evidence) {
    if (!figure) continue;
    const counted = figure.counted.trim().toLowerCase();
    const key = `${counted}\u0000${figure.unit ?? "people"}`;
    const group = groups.get(key) ?? { counted, figures: [] };
    group.figures.push({ ...figure, source: source ?? null });
    groups.set(key, group);
  }
  for (const { counted, figures } of groups.values()) {
    // One counted thing has one vocabulary entry, so its figures agree; an old snapshot says nothing: a running total.
    const cumulative = figures.every((f) => f.cumulative !== false);
    pairs: for (const [i, a] of figures.entries()) {
      for (const b of figures.slice(i + 1)) {
        const why = contradiction(a, b, cumulative);
        if (!why) continue;
        const ordered = startOf(a) <= startOf(b) ? [a, b] : [b, a];
        reasons.push({ kind: "figures", counted, why, figures: [toConflicting(ordered[0]!), toConflicting(ordered[1]!)] });
        break pairs;
      }
    }
  }
  return reasons;
}

export const hasConflict = (evidence: EvidenceForConflict[]): boolean => findConflicts(evidence).length > 0;

const at = (f: ConflictingFigure) => (f.asOf ? ` (as of ${describeAsOf(f)})` : "");

/** A reader's sentence for any conflict: what conflicts and why. */
export function explainConflict(reason: ConflictReason): string {
  if (reason.kind === "figures") return explainFigureConflict(reason);
  const { supports, contradicts } = reason;
  return `${supports} source${supports === 1 ? " supports" : "s support"} the claim and ${contradicts} ${contradicts === 1 ? "contradicts" : "contradict"} it.`;
}

/** A reader's sentence for a figure conflict: what conflicts and why. */
export function explainFigureConflict(reason: Extract<ConflictReason, { kind: "figures" }>): string {
  const [a, b] = reason.figures;
  return reason.why === "went-down"
    ? `The count of ${reason.counted} is a running total, but it went down: ${describeQuantity(a)}${at(a)}, then ${describeQuantity(b)}${at(b)}.`
    : `${describeQuantity(a)}${at(a)} and ${describeQuantity(b)}${at(b)} ${reason.counted} cannot both be true.`;
}
