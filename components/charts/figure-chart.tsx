import type { ReactNode } from "react";
import { describeAsOf, describeEvolution, describeQuantity, LOWER_BOUNDS, UPPER_BOUNDS, type FigureBound } from "@/lib/domain/figures";

export type ChartFigure = {
  id: string;
  source: string;
  bound: FigureBound;
  low: number | null;
  high: number | null;
  words: string | null;
  unit: string;
  asOf: string | null;
  /** The end of the period the figure covers, when it covers one. */
  asOfEnd?: string | null;
  /** Why a running total is lower than an earlier count. */
  explanation?: string | null;
};

// Colour-blind-safe palette (Okabe–Ito) and a distinct shape per source, so colour is never the only cue.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
const SHAPES = ["circle", "square", "triangle", "diamond", "cross"] as const;
type Shape = (typeof SHAPES)[number];

// A narrow drawing scaled to the column: its 13-unit text stays about 10 px tall on a 390 px phone.
const WIDTH = 420;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 62 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const HOUR = 3_600_000;

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const DAY = 24 * HOUR;
const tickDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const tickHour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Ticks at whole days (or whole hours for a short span), at most six, labelled "9 Jan" or "06:00" (the first with its day). */
export function timeTicks(x0: number, x1: number): Array<{ time: number; label: string }> {
  const steps = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];
  const step = steps.find((candidate) => (x1 - x0) / candidate <= 6) ?? 28 * DAY;
  const ticks: Array<{ time: number; label: string }> = [];
  for (let time = Math.ceil(x0 / step) * step; time <= x1; time += step) {
    const date = new Date(time);
    const atMidnight = date.getUTCHours() === 0;
    const label = step >= DAY || atMidnight ? tickDay.format(date) : ticks.length === 0 ? `${tickDay.format(date)} ${tickHour.format(date)}` : tickHour.format(date);
    ticks.push({ time, label });
  }
  return ticks;
}

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

const describeValue = (f: ChartFigure) => describeQuantity(f);
/** The number a figure is drawn at: its value, its stated end for an open bound, the top of a range. */
const topOf = (f: ChartFigure) => f.high ?? f.low ?? 0;
const bottomOf = (f: ChartFigure) => f.low ?? f.high ?? 0;

/**
 * Reported figures over time by source, rendered on the server as plain SVG: ranges are vertical
 * bars, exact values dots, x is the as-of time. Screen readers get a summary and the data table.
 */
export function FigureChart({ counted, figures, alsoCalled = [], cumulative = true }: { counted: string; figures: ChartFigure[]; alsoCalled?: string[]; cumulative?: boolean }): ReactNode {
  if (figures.length === 0) return null;
  const sources = [...new Set(figures.map((f) => f.source))];
  const style = (source: string) => {
    const index = sources.indexOf(source);
    return { colour: COLOURS[index % COLOURS.length] ?? "#000", shape: SHAPES[index % SHAPES.length] ?? "circle" };
  };
  const dated = figures.filter((f) => f.asOf).map((f) => ({ ...f, time: new Date(f.asOf as string).getTime(), end: f.asOfEnd ? new Date(f.asOfEnd).getTime() : null }));
  const times = dated.flatMap((f) => (f.end === null ? [f.time] : [f.time, f.end]));
  const minTime = times.length ? Math.min(...times) : 0;
  const maxTime = times.length ? Math.max(...times) : 0;
  const span = Math.max(maxTime - minTime, 12 * HOUR);
  const [x0, x1] = [minTime - span * 0.08 - (maxTime === minTime ? 6 * HOUR : 0), maxTime + span * 0.08 + (maxTime === minTime ? 6 * HOUR : 0)];
  // Headroom above the highest value, so an "at least" arrow has room to point up.
  const peak = Math.max(...figures.map((f) => topOf(f) * (LOWER_BOUNDS.includes(f.bound) ? 1.15 : 1)), 1);
  const yStep = niceStep(peak, 4);
  const yMax = Math.ceil(peak / yStep) * yStep;
  const x = (time: number) => MARGIN.left + ((time - x0) / (x1 - x0)) * PLOT_W;
  const y = (value: number) => MARGIN.top + PLOT_H - (value / yMax) * PLOT_H;
  const yTicks = Array.from({ length: Math.round(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const xTicks = times.length ? timeTicks(x0, x1) : [];
  // Sources reporting at the same moment are nudged apart so their bars do not hide each other.
  const nudge = (f: (typeof dated)[number]) => {
    const same = dated.filter((g) => g.time === f.time);
    return (same.indexOf(f) - (same.length - 1) / 2) * 12;
  };

  const lowest = Math.min(...figures.map(bottomOf));
  const highest = Math.max(...figures.map(topOf));
  const undated = figures.length - dated.length;
  const evolution = describeEvolution(figures);
  const summary =
    `Reported ${counted} by ${sources.length} source${sources.length === 1 ? "" : "s"}` +
    (times.length ? `, from ${longDate.format(minTime)} to ${longDate.format(maxTime)} UTC` : "") +
    `: values range from ${numberFormat.format(lowest)} to ${numberFormat.format(highest)}. ` +
    [...dated]
      .sort((a, b) => a.time - b.time)
      .map((f) => `${f.source}: ${describeValue(f)} as of ${f.end === null ? longDate.format(f.time) : describeAsOf(f)}`)
      .join("; ") +
    (undated ? `. ${undated} figure${undated === 1 ? " has" : "s have"} no as-of time and ${undated === 1 ? "is" : "are"} listed in the table only.` : ".");

  return (
    <figure className="figure-chart">
      <figcaption>
        <strong>Reported {counted}</strong> <span className="muted">over time, by source</span>
        {alsoCalled.length > 0 || !cumulative ? (
          <p className="hint">
            {alsoCalled.length > 0 ? `Also reported as ${alsoCalled.map((word) => `“${word}”`).join(", ")}. ` : ""}
            {cumulative ? "" : "Not a running total: this count can go down without contradiction."}
          </p>
        ) : null}
        {evolution ? <p className="chart-evolution">{evolution}</p> : null}
        {figures
          .filter((f) => f.explanation)
          .map((f) => (
            <p key={f.id} className="hint">
              {f.source}, {describeValue(f)}
              {f.asOf ? ` as of ${describeAsOf(f)}` : ""}: lower than an earlier count. {f.explanation}
            </p>
          ))}
      </figcaption>
      {dated.length > 0 ? (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} className="figure-chart-plot">
          {yTicks.map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e4e0d8" />
              <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="13" fill="#5b5852">
                {numberFormat.format(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <g key={tick.time}>
              <line x1={x(tick.time)} x2={x(tick.time)} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom + 4} stroke="#5b5852" />
              {/* A label near the right edge ends at its tick instead of running off the drawing. */}
              <text x={x(tick.time)} y={HEIGHT - MARGIN.bottom + 18} textAnchor={x(tick.time) > WIDTH - 30 ? "end" : "middle"} fontSize="13" fill="#5b5852">
                {tick.label}
              </text>
            </g>
          ))}
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#5b5852" />
          <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 4} textAnchor="middle" fontSize="13" fill="#5b5852">
            As of (UTC)
          </text>
          <text transform={`translate(12 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" fontSize="13" fill="#5b5852">
            {dated[0]?.unit === "people" ? counted : (dated[0]?.unit ?? "")}
          </text>
          {dated.map((f) => {
            const { colour, shape } = style(f.source);
            const cx = x(f.time) + nudge(f);
            return (
              <g key={f.id}>
                {/* A figure for a period: a line from its start to its end, at its value. */}
                {f.end !== null ? <line x1={cx} x2={x(f.end) + nudge(f)} y1={y(bottomOf(f))} y2={y(bottomOf(f))} stroke={colour} strokeWidth={2} strokeDasharray="4 3" /> : null}
                {LOWER_BOUNDS.includes(f.bound) || UPPER_BOUNDS.includes(f.bound) ? (
                  <>
                    {/* An open bound: the stated end, and an arrow towards the values it allows. */}
                    <line x1={cx} x2={cx} y1={y(bottomOf(f))} y2={y(bottomOf(f)) + (LOWER_BOUNDS.includes(f.bound) ? -26 : 26)} stroke={colour} strokeWidth={2} />
                    <polygon
                      points={
                        LOWER_BOUNDS.includes(f.bound)
                          ? `${cx - 5},${y(bottomOf(f)) - 22} ${cx + 5},${y(bottomOf(f)) - 22} ${cx},${y(bottomOf(f)) - 30}`
                          : `${cx - 5},${y(bottomOf(f)) + 22} ${cx + 5},${y(bottomOf(f)) + 22} ${cx},${y(bottomOf(f)) + 30}`
                      }
                      fill={colour}
                    />
                    <Marker shape={shape} x={cx} y={y(bottomOf(f))} colour={colour} />
                  </>
                ) : f.low !== f.high && f.low !== null && f.high !== null ? (
                  <>
                    <rect x={cx - 3} y={y(f.high)} width={6} height={Math.max(y(f.low) - y(f.high), 1)} fill={colour} opacity={0.35} />
                    <line x1={cx - 7} x2={cx + 7} y1={y(f.high)} y2={y(f.high)} stroke={colour} strokeWidth={2} />
                    <line x1={cx - 7} x2={cx + 7} y1={y(f.low)} y2={y(f.low)} stroke={colour} strokeWidth={2} />
                    <Marker shape={shape} x={cx} y={y((f.low + f.high) / 2)} colour={colour} />
                  </>
                ) : (
                  <Marker shape={shape} x={cx} y={y(bottomOf(f))} colour={colour} />
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
        <li className="muted">
          Bars are ranges; single marks are exact values; arrows are open bounds (“at least”, “up to”){dated.some((f) => f.end !== null) ? "; dashed lines are periods a figure covers" : ""}.
        </li>
      </ul>
      {/* The wrapper hides the table: a table box ignores width and overflow, and would widen the page. */}
      <div className="visually-hidden">
        <table>
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
                <td>{f.asOf ? (f.asOfEnd ? describeAsOf(f) : `${longDate.format(new Date(f.asOf))} UTC`) : "no as-of time"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
