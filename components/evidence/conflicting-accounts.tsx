import type { EvidenceSummary } from "@/lib/data/evidence";
import { ConflictReasons } from "../conflicts/conflict-reasons";
import { ReportedFigures } from "../ledger/reported-figures";
import { ConflictTable } from "./conflict-table";

/** The "Conflicting accounts" section: what conflicts and why, who said what and when, and the figures. */
export function ConflictingAccounts({ summary, hasConflict }: { summary: EvidenceSummary; hasConflict: boolean }) {
  const withFigures = summary.items.filter((e) => e.figure);
  if (!hasConflict && withFigures.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="conflicts-heading">
      <div className="row">
        <h2 id="conflicts-heading">{hasConflict ? "Conflicting accounts" : "Reported figures"}</h2>
        {hasConflict ? <span className="badge badge-conflict">Conflicting accounts</span> : null}
      </div>
      <ConflictReasons
        conflicts={summary.conflicts}
        accounts={summary.items.map((e) => ({ key: e.id, source: e.source.outlet, attribution: e.attribution, stance: e.stance }))}
      />
      <h3>All accounts</h3>
      <ConflictTable summary={summary} />
      <ReportedFigures figures={withFigures.flatMap((e) => (e.figure ? [{ ...e.figure, id: e.id, source: e.source.outlet }] : []))} />
    </section>
  );
}
