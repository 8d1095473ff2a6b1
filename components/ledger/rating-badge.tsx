import type { Rating } from "@/lib/generated/prisma/enums";
import { RATINGS } from "@/lib/ratings";

const tone = (value: number) => (value >= 4 ? "badge-ok" : value <= 2 ? "badge-conflict" : "badge-warn");

export function RatingBadge({ rating }: { rating: Rating }) {
  const { label, value } = RATINGS[rating];
  return (
    <span className={`badge ${tone(value)}`} title={`${value} on a scale of 1 (false) to 5 (true)`}>
      {label}
    </span>
  );
}
