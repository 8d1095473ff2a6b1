import type { EvidenceSummary } from "@/lib/data/evidence";
import { describeAsOf } from "@/lib/domain/figures";
import { formatFigure, formatWhen } from "./format";
import { StanceBadge } from "./stance-badge";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * Who said what, and when: every source side by side, figures ordered by their as-of time. A column
 * appears only when some source fills it, so a claim without figures shows no empty figure columns.
 * With a `limit`, the earliest rows only.
 */
export function ConflictTable({ summary, limit = null }: { summary: EvidenceSummary; limit?: number | null }) {
  const sorted = [...summary.items].sort((a, b) => (a.figure?.asOf ?? a.source.publishedAt ?? "").localeCompare(b.figure?.asOf ?? b.source.publishedAt ?? ""));
  const rows = limit === null ? sorted : sorted.slice(0, limit);
  const withSpeaker = rows.some((e) => e.attribution);
  const withFigure = rows.some((e) => e.figure);
  const withDate = rows.some((e) => e.figure?.asOf ?? e.source.publishedAt);
  return (
    <TableScroll label="Accounts by source">
      <table>
        <caption className="visually-hidden">Accounts by source</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            {withSpeaker ? <th scope="col">Who speaks</th> : null}
            <th scope="col">Stance</th>
            {withFigure ? <th scope="col">Figure</th> : null}
            {withDate ? <th scope="col">{withFigure ? "As of (or published)" : "Published"}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((evidence) => (
            <tr key={evidence.id}>
              <th scope="row">{evidence.source.outlet}</th>
              {withSpeaker ? <td>{evidence.attribution ?? <span className="muted">not named</span>}</td> : null}
              <td>
                <StanceBadge stance={evidence.stance} />
              </td>
              {withFigure ? <td>{evidence.figure ? formatFigure(evidence.figure) : <span className="muted">no figure</span>}</td> : null}
              {withDate ? (
                <td>
                  {evidence.figure?.asOf
                    ? evidence.figure.asOfEnd
                      ? describeAsOf(evidence.figure)
                      : formatWhen(evidence.figure.asOf)
                    : evidence.source.publishedAt
                      ? formatWhen(evidence.source.publishedAt)
                      : <span className="muted">not stated</span>}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
