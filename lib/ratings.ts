import type { Rating } from "./generated/prisma/enums";

/**
 * The newsroom's scale. `value` is the number stored with each verdict (worst 1 .. best 5; kept as
 * it was, so published snapshots do not change). `axis` is the number published in ClaimReview
 * markup: one value per label, Google's reference scale (1 False .. 3 Half true .. 5 True), and
 * none for "misleading" and "unproven", which are not points on the true/false line: their markup
 * carries the label (alternateName) only.
 */
export const RATINGS: Record<Rating, { label: string; value: number; axis: number | null; meaning: string }> = {
  TRUE: { label: "True", value: 5, axis: 5, meaning: "Accurate, and nothing significant is missing." },
  MOSTLY_TRUE: { label: "Mostly true", value: 4, axis: 4, meaning: "Accurate, but needs clarification or extra context." },
  MIXED: { label: "Mixed", value: 3, axis: 3, meaning: "Partly accurate and partly wrong." },
  UNPROVEN: { label: "Unproven", value: 3, axis: null, meaning: "The evidence available cannot confirm or refute it; the gap is stated." },
  MISLEADING: { label: "Misleading", value: 2, axis: null, meaning: "Contains accurate elements but leaves a false impression." },
  MOSTLY_FALSE: { label: "Mostly false", value: 2, axis: 2, meaning: "Contains an element of truth but ignores facts that change it." },
  FALSE: { label: "False", value: 1, axis: 1, meaning: "Not accurate." },
};

export const RATING_LABEL = Object.fromEntries(Object.entries(RATINGS).map(([k, v]) => [k, v.label])) as Record<Rating, string>;
export const BEST_RATING = 5;
export const WORST_RATING = 1;
