import type { Rating } from "./generated/prisma/enums";

/**
 * The newsroom's scale and the numbers published in ClaimReview (worst 1 .. best 5).
 * "Misleading" and "unproven" are not points on the true/false line; they sit at 2 and 3
 * because that is how readers and aggregators compare them.
 */
export const RATINGS: Record<Rating, { label: string; value: number; meaning: string }> = {
  TRUE: { label: "True", value: 5, meaning: "Accurate, and nothing significant is missing." },
  MOSTLY_TRUE: { label: "Mostly true", value: 4, meaning: "Accurate, but needs clarification or extra context." },
  MIXED: { label: "Mixed", value: 3, meaning: "Partly accurate and partly wrong." },
  UNPROVEN: { label: "Unproven", value: 3, meaning: "The evidence available cannot confirm or refute it; the gap is stated." },
  MISLEADING: { label: "Misleading", value: 2, meaning: "Contains accurate elements but leaves a false impression." },
  MOSTLY_FALSE: { label: "Mostly false", value: 2, meaning: "Contains an element of truth but ignores facts that change it." },
  FALSE: { label: "False", value: 1, meaning: "Not accurate." },
};

export const RATING_LABEL = Object.fromEntries(Object.entries(RATINGS).map(([k, v]) => [k, v.label])) as Record<Rating, string>;
export const BEST_RATING = 5;
export const WORST_RATING = 1;
