import { ConflictReasons } from "@/components/conflicts/conflict-reasons";
import type { ConflictReason } from "@/lib/domain/conflicts";
import type { PublicSource } from "@/lib/public/types";

/** Accounts that cannot all be true: one table per conflict, saying what conflicts and why (lib/domain/conflicts.ts). */
export function ConflictsTable({ conflicts, sources }: { conflicts: ConflictReason[]; sources: PublicSource[] }) {
  if (conflicts.length === 0) return <p className="muted">The sources do not contradict each other.</p>;
  return <ConflictReasons conflicts={conflicts} accounts={sources.map((s) => ({ key: s.source.url, source: s.source.outlet, attribution: s.attribution, stance: s.stance }))} />;
}
