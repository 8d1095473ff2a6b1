import type { FigureDto } from "@/lib/data/evidence";

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "12 people", "24–60 people (“dozens”)". */
export function formatFigure(figure: Pick<FigureDto, "low" | "high" | "words" | "unit">): string {
  const value = figure.low === figure.high ? numberFormat.format(figure.low) : `${numberFormat.format(figure.low)}–${numberFormat.format(figure.high)}`;
  return `${value} ${figure.unit}${figure.words ? ` (“${figure.words}”)` : ""}`;
}

/** Dates stored at midnight UTC are dates; anything else has a time worth showing. */
export function formatWhen(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 ? dateFormat.format(date) : `${dateTimeFormat.format(date)} UTC`;
}

/** ["NYT", "Almaty police"] -> "NYT → citing Almaty police". */
export function formatCitationChain(chain: string[]): string {
  return chain.map((outlet, index) => (index === 0 ? outlet : `citing ${outlet}`)).join(" → ");
}
