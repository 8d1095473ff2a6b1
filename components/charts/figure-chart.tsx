import type { ReactNode } from "react";

export type ChartFigure = {
  id: string;
  source: string;
  low: number;
  high: number;
  words: string | null;
  unit: string;
  asOf: string | null;
};

// Colour-blind-safe palette (Okabe–Ito) and a distinct shape per source, so colour is never the only cue.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
const SHAPES = ["circle", "square", "triangle", "diamond", "cross"] as const;
type Shape = (typeof SHAPES)[number];

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 20, bottom: 40, left: 60 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const HOUR = 3_600_000;

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const tickDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function Marker({ shape, x, y, colour }: { shape: Shape; x: number; y: number; colour: string }) {
  const r = 5;
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={r} fill={colour} />;
    case "square":
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
    case "triangle":
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />;
    case "diamond":
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} fill={colour} />;
    case "cross":
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} stroke={colour} strokeWidth={2.5} />;
  }
}

const describeValue = (f: ChartFigure) =>
  `${f.low === f.high ? numberFormat.format(f.low) : `${numberFormat.format(f.low)} to ${numberFormat.format(f.high)}`}${f.words ? ` (“${f.words}”)` : ""}`;

/**
 * Reported figures over time by source, rendered on the server as plain SVG: ranges are vertical
 * bars, exact values dots, x is the as-of time. Screen readers get a summary and the data table.
 */
export function FigureChart({ counted, figures }: { counted: string; figures: ChartFigure[] }): ReactNode {
  if (figures.length === 0) return null;
  const sources = [...new Set(figures.map((f) => f.source))];
  const style = (source: string) => {
    const index = sources.indexOf(source);
    return { colour: COLOURS[index % COLOURS.length] ?? "#000", shape: SHAPES[index % SHAPES.length] ?? "circle" };
  };
  const dated = figures.filter((f) => f.asOf).map((f) => ({ ...f, time: new Date(f.asOf as string).getTime() }));
  const times = dated.map((f) => f.time);
  const minTime = times.length ? Math.min(...times) : 0;
  const maxTime = times.length ? Math.max(...times) : 0;
  const span = Math.max(maxTime - minTime, 12 * HOUR);
  const [x0, x1] = [minTime - span * 0.08 - (maxTime === minTime ? 6 * HOUR : 0), maxTime + span * 0.08 + (maxTime === minTime ? 6 * HOUR : 0)];
  const yStep = niceStep(Math.max(...figures.map((f) => f.high), 1), 4);
  const yMax = Math.ceil(Math.max(...figures.map((f) => f.high), 1) / yStep) * yStep;
  const x = (time: number) => MARGIN.left + ((time - x0) / (x1 - x0)) * PLOT_W;
  const y = (value: number) => MARGIN.top + PLOT_H - (value / yMax) * PLOT_H;
  const yTicks = Array.from({ length: Math.round(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const xTicks = times.length ? Array.from({ length: 4 }, (_, i) => x0 + ((i + 0.5) * (x1 - x0)) / 4) : [];
  // Sources reporting at the same moment are nudged apart so their bars do not hide each other.
  const nudge = (f: (typeof dated)[number]) => {
    const same = dated.filter((g) => g.time === f.time);
    return (same.indexOf(f) - (same.length - 1) / 2) * 12;
  };

  const lowest = Math.min(...figures.map((f) => f.low));
  const highest = Math.max(...figures.map((f) => f.high));
  const undated = figures.length - dated.length;
  const summary =
    `Reported ${counted} by ${sources.length} source${sources.length === 1 ? "" : "s"}` +
    (times.length ? `, from ${longDate.format(minTime)} to ${longDate.format(maxTime)} UTC` : "") +
    `: values range from ${numberFormat.format(lowest)} to ${numberFormat.format(highest)}. ` +
    [...dated]
      .sort((a, b) => a.time - b.time)
      .map((f) => `${f.source}: ${describeValue(f)} as of ${longDate.format(f.time)}`)
      .join("; ") +
    (undated ? `. ${undated} figure${undated === 1 ? " has" : "s have"} no as-of time and ${undated === 1 ? "is" : "are"} listed in the table only.` : ".");

  return (
    <figure className="figure-chart">
      <figcaption>
        <strong>Reported {counted}</strong> <span className="muted">over time, by source</span>
      </figcaption>
      {dated.length > 0 ? (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: WIDTH }}>
          {yTicks.map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e4e0d8" />
              <text x={MARGIN.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#5b5852">
                {numberFormat.format(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <text key={tick} x={x(tick)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize="11" fill="#5b5852">
              {tickDate.format(tick)}
            </text>
          ))}
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#5b5852" />
          <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="11" fill="#5b5852">
            As of (UTC)
          </text>
          <text transform={`translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" fontSize="11" fill="#5b5852">
            {dated[0]?.unit ?? ""}
          </text>
          {dated.map((f) => {
            const { colour, shape } = style(f.source);
            const cx = x(f.time) + nudge(f);
            return (
              <g key={f.id}>
                {f.low !== f.high ? (
                  <>
                    <rect x={cx - 3} y={y(f.high)} width={6} height={Math.max(y(f.low) - y(f.high), 1)} fill={colour} opacity={0.35} />
                    <line x1={cx - 7} x2={cx + 7} y1={y(f.high)} y2={y(f.high)} stroke={colour} strokeWidth={2} />
                    <line x1={cx - 7} x2={cx + 7} y1={y(f.low)} y2={y(f.low)} stroke={colour} strokeWidth={2} />
                    <Marker shape={shape} x={cx} y={y((f.low + f.high) / 2)} colour={colour} />
                  </>
                ) : (
                  <Marker shape={shape} x={cx} y={y(f.low)} colour={colour} />
                )}
              </g>
            );
          })}
        </svg>
      ) : (
        <p className="hint">None of these figures has an as-of time, so they cannot be placed on a timeline.</p>
      )}
      <ul className="chart-legend" aria-label="Legend">
        {sources.map((source) => {
          const { colour, shape } = style(source);
          return (
            <li key={source}>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <Marker shape={shape} x={7} y={7} colour={colour} />
              </svg>{" "}
              {source}
            </li>
          );
        })}
        <li className="muted">Bars are ranges; single marks are exact values.</li>
      </ul>
      <table className="visually-hidden">
        <caption>Reported {counted}, by source</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Value ({figures[0]?.unit})</th>
            <th scope="col">As of</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.source}</th>
              <td>{describeValue(f)}</td>
              <td>{f.asOf ? `${longDate.format(new Date(f.asOf))} UTC` : "no as-of time"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
