import { FigureChart, type ChartFigure } from "@/components/charts/figure-chart";

/** A figure to chart: what it counts (the vocabulary's label, synonyms, running total or not) and where it comes from. */
export type PublishedFigure = ChartFigure & { counted: string; cumulative: boolean; alsoCalled?: string[] };

/**
 * One time-series chart per counted thing and unit, one series per source: the public claim page
 * passes one claim's published figures, the story page all its claims', the desk a claim's evidence.
 */
export function ReportedFigures({ figures }: { figures: PublishedFigure[] }) {
  const groups = new Map<string, { counted: string; cumulative: boolean; alsoCalled: string[]; figures: ChartFigure[] }>();
  for (const f of figures) {
    const key = `${f.counted}\u0000${f.unit}`;
    const group = groups.get(key) ?? { counted: f.counted, cumulative: f.cumulative, alsoCalled: f.alsoCalled ?? [], figures: [] };
    group.figures.push(f);
    groups.set(key, group);
  }
  return [...groups].map(([key, { figures: series, ...group }]) => <FigureChart key={key} {...group} figures={series} />);
}
