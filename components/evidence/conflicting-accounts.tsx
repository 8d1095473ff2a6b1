import type { EvidenceSummary } from "@/lib/data/evidence";
import { FigureChart, type ChartFigure } from "../charts/figure-chart";
import { ConflictTable } from "./conflict-table";

/** The "Conflicting accounts" section: why the claim is flagged, who said what and when, and the figures. */
export function ConflictingAccounts({ summary, hasConflict }: { summary: EvidenceSummary; hasConflict: boolean }) {
  const withFigures = summary.items.filter((e) => e.figure);
  if (!hasConflict && withFigures.length === 0) return null;
  const byCounted = new Map<string, ChartFigure[]>();
  for (const evidence of withFigures) {
    const figure = evidence.figure;
    if (!figure) continue;
    byCounted.set(figure.counted, [
      ...(byCounted.get(figure.counted) ?? []),
      { id: evidence.id, source: evidence.source.outlet, low: figure.low, high: figure.high, words: figure.words, unit: figure.unit, asOf: figure.asOf },
    ]);
  }
  return (
    <section className="panel" aria-labelledby="conflicts-heading">
      <div className="row">
        <h2 id="conflicts-heading">{hasConflict ? "Conflicting accounts" : "Reported figures"}</h2>
        {hasConflict ? <span className="badge badge-conflict">Conflicting accounts</span> : null}
      </div>
      {summary.conflicts.length > 0 ? (
        <ul>
          {summary.conflicts.map((reason) =>
            reason.kind === "stance" ? (
              <li key="stance">
                {reason.supports} source{reason.supports === 1 ? " supports" : "s support"} the claim and {reason.contradicts}{" "}
                {reason.contradicts === 1 ? "contradicts" : "contradict"} it.
              </li>
            ) : (
              <li key={reason.counted}>The figures for “{reason.counted}” cannot all be true: their ranges do not overlap.</li>
            ),
          )}
        </ul>
      ) : null}
      <ConflictTable summary={summary} />
      {[...byCounted].map(([counted, figures]) => (
        <FigureChart key={counted} counted={counted} figures={figures} />
      ))}
    </section>
  );
}
