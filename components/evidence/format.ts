import type { FigureDto } from "@/lib/data/evidence";
import { describeFigure } from "@/lib/domain/figures";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "12 police killed", "at least 164 deaths", "deaths: “dozens” (read as 24–99)". */
export const formatFigure = (figure: Pick<FigureDto, "bound" | "low" | "high" | "words" | "unit" | "counted">): string => describeFigure(figure);

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
