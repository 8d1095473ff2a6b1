import type { EvidenceSummary } from "@/lib/data/evidence";
import { formatFigure, formatWhen } from "./format";
import { StanceBadge } from "./stance-badge";

/** Who said what, and when: every source side by side, figures ordered by their as-of time. */
export function ConflictTable({ summary }: { summary: EvidenceSummary }) {
  const rows = [...summary.items].sort((a, b) => (a.figure?.asOf ?? a.source.publishedAt ?? "").localeCompare(b.figure?.asOf ?? b.source.publishedAt ?? ""));
  return (
    <table>
      <caption className="visually-hidden">Accounts by source</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Who speaks</th>
          <th scope="col">Stance</th>
          <th scope="col">Figure</th>
          <th scope="col">As of</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((evidence) => (
          <tr key={evidence.id}>
            <th scope="row">{evidence.source.outlet}</th>
            <td>{evidence.attribution ?? <span className="muted">—</span>}</td>
            <td>
              <StanceBadge stance={evidence.stance} />
            </td>
            <td>{evidence.figure ? `${formatFigure(evidence.figure)} ${evidence.figure.counted}` : <span className="muted">—</span>}</td>
            <td>{formatWhen(evidence.figure?.asOf ?? evidence.source.publishedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
