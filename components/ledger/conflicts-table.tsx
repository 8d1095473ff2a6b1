import type { ConflictReason } from "@/lib/domain/conflicts";
import type { PublicSource } from "@/lib/public/types";

/** Accounts that cannot all be true: opposite stances, or figures whose ranges do not overlap. */
export function ConflictsTable({ conflicts, sources }: { conflicts: ConflictReason[]; sources: PublicSource[] }) {
  if (conflicts.length === 0) return <p className="muted">The sources do not contradict each other.</p>;
  const rows = sources.filter((s) => s.stance === "SUPPORTS" || s.stance === "CONTRADICTS" || s.figure);
  return (
    <div className="table-scroll">
      <table>
        <caption>
          Conflicting accounts:{" "}
          {conflicts.map((c) => (c.kind === "stance" ? `${c.supports} supporting vs ${c.contradicts} contradicting` : `figures for “${c.counted}” do not overlap`)).join("; ")}
        </caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Says</th>
            <th scope="col">Figure</th>
            <th scope="col">As of</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.source.url}>
              <th scope="row">{s.source.outlet}</th>
              <td>{s.stance.toLowerCase()}</td>
              <td>{s.figure ? `${s.figure.words ? `${s.figure.words}: ` : ""}${s.figure.low === s.figure.high ? s.figure.low : `${s.figure.low}–${s.figure.high}`} ${s.figure.unit} (${s.figure.counted})` : "—"}</td>
              <td>{s.figure?.asOf ? <time dateTime={s.figure.asOf}>{s.figure.asOf.slice(0, 10)}</time> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
