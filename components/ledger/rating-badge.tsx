import type { Rating } from "@/lib/generated/prisma/enums";
import { RATINGS } from "@/lib/ratings";

// Every rating has its own colour (app/globals.css, .rating-*) and its own symbol, so two ratings
// never look alike to someone who cannot tell the colours apart; the label is always written out.
const SYMBOL: Record<Rating, string> = {
  TRUE: "✔",
  MOSTLY_TRUE: "≈",
  MIXED: "◐",
  UNPROVEN: "?",
  MISLEADING: "!",
  MOSTLY_FALSE: "≠",
  FALSE: "✘",
};

export function RatingBadge({ rating }: { rating: Rating }) {
  const { label, value } = RATINGS[rating];
  return (
    <span className={`badge rating-${rating.toLowerCase().replace("_", "-")}`} title={`${value} on a scale of 1 (false) to 5 (true)`}>
      <span aria-hidden="true" className="rating-symbol">
        {SYMBOL[rating]}
      </span>{" "}
      {label}
    </span>
  );
}
