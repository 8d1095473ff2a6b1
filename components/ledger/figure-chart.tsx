import type { PublicSource } from "@/lib/public/types";

const ROW = 28;
const LABEL = 180;
const WIDTH = 640;

/** Reported figures as ranges on one axis per counted thing: a server-rendered SVG with a text alternative. */
export function FigureChart({ sources }: { sources: PublicSource[] }) {
  const figures = sources.flatMap((s) => (s.figure ? [{ outlet: s.source.outlet, ...s.figure }] : []));
  if (figures.length === 0) return null;
  const groups = new Map<string, typeof figures>();
  for (const f of figures) groups.set(f.counted, [...(groups.get(f.counted) ?? []), f]);
  return (
    <>
      {[...groups].map(([counted, rows]) => {
        const max = Math.max(...rows.map((r) => r.high), 1);
        const x = (v: number) => LABEL + (v / max) * (WIDTH - LABEL - 60);
        const height = rows.length * ROW + 24;
        const summary = rows.map((r) => `${r.outlet}: ${r.low === r.high ? r.low : `${r.low} to ${r.high}`}`).join("; ");
        return (
          <figure key={counted} className="figure-chart">
            <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`Reported figures for ${counted}: ${summary}`}>
              {rows.map((r, i) => {
                const y = i * ROW + 14;
                return (
                  <g key={`${r.outlet}-${i}`}>
                    <text x={0} y={y + 4} fontSize="13">
                      {r.outlet.length > 24 ? `${r.outlet.slice(0, 23)}…` : r.outlet}
                    </text>
                    <line x1={x(r.low)} x2={Math.max(x(r.high), x(r.low) + 2)} y1={y} y2={y} stroke="currentColor" strokeWidth={8} strokeLinecap="round" />
                    <text x={x(r.high) + 10} y={y + 4} fontSize="13">
                      {r.low === r.high ? r.low : `${r.low}–${r.high}`}
                    </text>
                  </g>
                );
              })}
              <line x1={LABEL} x2={WIDTH - 60} y1={height - 6} y2={height - 6} stroke="#999" />
            </svg>
            <figcaption className="muted">
              {counted} ({rows[0]?.unit}), as reported by each source
            </figcaption>
          </figure>
        );
      })}
    </>
  );
}
