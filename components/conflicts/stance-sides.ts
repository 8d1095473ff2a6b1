/** A source's account as the stance table shows it. */
export type StanceAccount = { key: string; source: string; attribution?: string | null; stance: "SUPPORTS" | "CONTRADICTS" | "MIXED" | "CONTEXT" };

export const SAYS = { SUPPORTS: "supports", CONTRADICTS: "contradicts" } as const;

export type SayingAccount = StanceAccount & { stance: keyof typeof SAYS };

/**
 * Both sides of a stance conflict within `limit` rows (when set), each given at least half of them
 * when it has that many, so a long list of one side never hides the other; the caption says how
 * many of each are listed.
 */
export function stanceSides(accounts: StanceAccount[], limit: number | null): { rows: SayingAccount[]; shown: string | null } {
  const saying = accounts.filter((a): a is SayingAccount => a.stance === "SUPPORTS" || a.stance === "CONTRADICTS");
  if (limit === null || saying.length <= limit) return { rows: saying, shown: null };
  const supports = saying.filter((a) => a.stance === "SUPPORTS");
  const contradicts = saying.filter((a) => a.stance === "CONTRADICTS");
  const fromContradicts = Math.min(contradicts.length, Math.max(Math.floor(limit / 2), limit - supports.length));
  const kept = new Set([...supports.slice(0, limit - fromContradicts), ...contradicts.slice(0, fromContradicts)]);
  const count = (list: SayingAccount[], word: string) => `${list.filter((a) => kept.has(a)).length} of ${list.length} ${word}`;
  return { rows: saying.filter((a) => kept.has(a)), shown: `${count(supports, "supporting")} and ${count(contradicts, "contradicting")} sources listed` };
}
