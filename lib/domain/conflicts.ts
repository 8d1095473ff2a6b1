/** What the conflict rule needs to know about one piece of evidence. */
export type EvidenceForConflict = {
  stance: "SUPPORTS" | "CONTRADICTS" | "MIXED" | "CONTEXT";
  figure?: { low: number; high: number; counted: string } | null;
};

export type ConflictReason =
  | { kind: "stance"; supports: number; contradicts: number }
  | { kind: "figures"; counted: string; ranges: Array<[number, number]> };

/**
 * A claim has conflicting accounts when one source supports it and another contradicts it, or
 * when two figures for the same counted thing cannot both be true (their ranges do not overlap).
 */
export function findConflicts(evidence: EvidenceForConflict[]): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const supports = evidence.filter((e) => e.stance === "SUPPORTS").length;
  const contradicts = evidence.filter((e) => e.stance === "CONTRADICTS").length;
  if (supports > 0 && contradicts > 0) reasons.push({ kind: "stance", supports, contradicts });

  const byCounted = new Map<string, Array<[number, number]>>();
  for (const { figure } of evidence) {
    if (!figure) continue;
    const key = figure.counted.trim().toLowerCase();
    byCounted.set(key, [...(byCounted.get(key) ?? []), [figure.low, figure.high]]);
  }
  for (const [counted, ranges] of byCounted) {
    const highestLow = Math.max(...ranges.map(([low]) => low));
    const lowestHigh = Math.min(...ranges.map(([, high]) => high));
    // Ranges overlap pairwise iff they all share a point (intervals on a line: Helly's theorem).
    if (highestLow > lowestHigh) reasons.push({ kind: "figures", counted, ranges });
  }
  return reasons;
}

export const hasConflict = (evidence: EvidenceForConflict[]): boolean => findConflicts(evidence).length > 0;
