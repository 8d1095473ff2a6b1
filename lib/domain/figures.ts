/**
 * Reported figures with honest bounds. A figure is an exact value, a closed range, the desk's
 * estimate for vague words ("dozens": the range the desk assigns to them), or an open bound with
 * one end only ("at least 164", "up to 30"). Everything that shows or compares a figure goes
 * through here, so the desk, the public pages and the conflict rule read a figure the same way.
 */
export const FIGURE_BOUNDS = ["EXACT", "RANGE", "ESTIMATE", "AT_LEAST", "MORE_THAN", "OVER", "UP_TO", "NEARLY", "FEWER_THAN"] as const;
export type FigureBound = (typeof FIGURE_BOUNDS)[number];

/** Bounds given by one number: the low end ("at least") or the high end ("up to"). */
export const LOWER_BOUNDS: readonly FigureBound[] = ["AT_LEAST", "MORE_THAN", "OVER"];
export const UPPER_BOUNDS: readonly FigureBound[] = ["UP_TO", "NEARLY", "FEWER_THAN"];
export const isOpenBound = (bound: FigureBound) => LOWER_BOUNDS.includes(bound) || UPPER_BOUNDS.includes(bound);
/** Kinds entered as one number (the exact value or the open bound's end). */
export const isSingleValue = (bound: FigureBound) => bound === "EXACT" || isOpenBound(bound);

export const FIGURE_BOUND_LABEL: Record<FigureBound, string> = {
  EXACT: "Exact value",
  RANGE: "Range (low to high)",
  ESTIMATE: "Vague words (“dozens”): the desk’s range",
  AT_LEAST: "At least",
  MORE_THAN: "More than",
  OVER: "Over",
  UP_TO: "Up to",
  NEARLY: "Nearly",
  FEWER_THAN: "Fewer than",
};

const PHRASE: Partial<Record<FigureBound, string>> = {
  AT_LEAST: "at least",
  MORE_THAN: "more than",
  OVER: "over",
  UP_TO: "up to",
  NEARLY: "nearly",
  FEWER_THAN: "fewer than",
};

export type Figure = { bound: FigureBound; low: number | null; high: number | null; words: string | null; unit: string; counted: string };

/** Snapshots written before bounds existed have none: words with a range were the desk's estimate. */
export function inferBound(f: { bound?: FigureBound | null; low: number | null; high: number | null; words?: string | null }): FigureBound {
  if (f.bound) return f.bound;
  if (f.low !== null && f.high !== null && f.low !== f.high) return f.words ? "ESTIMATE" : "RANGE";
  return "EXACT";
}

/**
 * The counts a figure allows, as an interval with open or closed ends (null: unbounded).
 * "More than 100" and "over 100" exclude 100; "nearly 30" and "fewer than 30" exclude 30.
 */
export type Interval = { low: number | null; lowOpen: boolean; high: number | null; highOpen: boolean };
export function intervalOf(f: Pick<Figure, "bound" | "low" | "high">): Interval {
  const strictLow = f.bound === "MORE_THAN" || f.bound === "OVER";
  const strictHigh = f.bound === "NEARLY" || f.bound === "FEWER_THAN";
  return { low: f.low, lowOpen: strictLow, high: f.high, highOpen: strictHigh };
}

/** Whether every value x allows is below every value y allows. */
export const isBelow = (x: Interval, y: Interval) =>
  x.high !== null && y.low !== null && (x.high < y.low || (x.high === y.low && (x.highOpen || y.lowOpen)));

/** Whether two intervals share at least one value. */
export const intervalsOverlap = (a: Interval, b: Interval): boolean => !isBelow(a, b) && !isBelow(b, a);

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const n = (value: number | null) => (value === null ? "?" : numberFormat.format(value));

/** "225", "24–60", "at least 164", "“dozens” (read as 24–99)". */
export function describeQuantity(f: Pick<Figure, "bound" | "low" | "high" | "words">): string {
  switch (f.bound) {
    case "EXACT":
      return n(f.low);
    case "RANGE":
      return `${n(f.low)}–${n(f.high)}`;
    case "ESTIMATE":
      return `“${f.words ?? "?"}” (read as ${n(f.low)}–${n(f.high)})`;
    default:
      return `${PHRASE[f.bound]} ${n(LOWER_BOUNDS.includes(f.bound) ? f.low : f.high)}`;
  }
}

/** Counted things already name what a count of people counts ("deaths"), so "people" is not repeated. */
const unitIsImplied = (unit: string, counted: string) => unit === "people" || counted.split(" ").includes(unit);

/** "225 people killed", "at least 164 deaths", "deaths: “dozens” (read as 24–99)", "lpg price increase: 100 percent". */
export function describeFigure(f: Pick<Figure, "bound" | "low" | "high" | "words" | "unit" | "counted">): string {
  if (!unitIsImplied(f.unit, f.counted)) return `${f.counted}: ${describeQuantity(f)} ${f.unit}`;
  return f.bound === "ESTIMATE" ? `${f.counted}: ${describeQuantity(f)}` : `${describeQuantity(f)} ${f.counted}`;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * How a count moved between its earliest and its latest as-of time, in words: "Rose from at least
 * 164 on 9 Jan 2022 to 225 on 15 Jan 2022." Null with fewer than two as-of times.
 */
export function describeEvolution(figures: Array<Pick<Figure, "bound" | "low" | "high" | "words"> & { asOf: string | null }>): string | null {
  const dated = figures.filter((f) => f.asOf).sort((a, b) => (a.asOf as string).localeCompare(b.asOf as string));
  const [first, last] = [dated[0], dated.at(-1)];
  if (!first || !last || new Date(first.asOf as string).getTime() === new Date(last.asOf as string).getTime()) return null;
  const value = (f: typeof first) => f.low ?? f.high ?? 0;
  const verb = value(last) > value(first) ? "Rose" : value(last) < value(first) ? "Fell" : "Went";
  const when = (f: typeof first) => dayFormat.format(new Date(f.asOf as string));
  return `${verb} from ${describeQuantity(first)} on ${when(first)} to ${describeQuantity(last)} on ${when(last)}.`;
}

/** "9 Jan 2022" for an instant, "6–9 Jan 2022" for a span; null without an as-of time. */
export function describeAsOf(f: { asOf: string | null; asOfEnd?: string | null }): string | null {
  if (!f.asOf) return null;
  // formatRange pads its dash with thin spaces; plain ones read (and search) the same everywhere.
  return f.asOfEnd ? dayFormat.formatRange(new Date(f.asOf), new Date(f.asOfEnd)).replace(/\u2009/g, " ") : dayFormat.format(new Date(f.asOf));
}
