import { z } from "./zod";
import { Rating, type VerdictState } from "../generated/prisma/enums";
import { DATE_RANGE_MESSAGE, MAX_DATE, MIN_DATE } from "./bounds";
import { blankToUndefined, NUL_MESSAGE, noNul, optionalText, requiredText } from "./claim";

export const VERDICT_STATE_LABEL: Record<VerdictState, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted for review",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  PUBLISHED: "Published",
  SUPERSEDED: "Superseded",
};

// A datetime-local field ("2022-01-07T12:00") carries no zone: the desk works in UTC.
const utcLocalTime = (value: unknown) => {
  const v = blankToUndefined(value);
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}Z` : v;
};

const id = z.uuid("Unknown record.");
const revision = z.coerce.number({ error: "Missing revision." }).int().min(1).max(2_147_483_647, "Unknown revision.");

export const ratingSchema = z.enum(Rating, { error: "Pick a rating from the scale." });

/** The content of a verdict, shared by drafting, editing and corrections. */
const verdictContent = z.object({
  rating: ratingSchema,
  reasoning: requiredText("the reasoning", 20_000),
  evidenceIds: z.array(id).max(200).default([]),
  asOf: z.preprocess(
    utcLocalTime,
    z.coerce.date({ error: "Enter a valid date and time." }).min(MIN_DATE, DATE_RANGE_MESSAGE).max(MAX_DATE, DATE_RANGE_MESSAGE).optional(),
  ),
  evidenceGap: optionalText(5_000),
});

type Content = z.output<typeof verdictContent>;

// "Framing claims may be rated unproven with the evidence gap stated."
function requireGapWhenUnproven(value: Content, ctx: z.RefinementCtx) {
  if (value.rating === "UNPROVEN" && !value.evidenceGap) {
    ctx.addIssue({ code: "custom", path: ["evidenceGap"], message: "An unproven rating must state the evidence gap." });
  }
}

export const draftVerdictSchema = verdictContent.extend({ claimId: id }).superRefine(requireGapWhenUnproven);

/** An amendment of a published claim: an update keeps the rating, a correction changes the rating or the substance. */
export const amendmentKindSchema = z.enum(["UPDATE", "CORRECTION"], { error: "Choose update or correction." });

export const AMENDMENT_KIND_LABEL = { UPDATE: "Update", CORRECTION: "Correction" } as const;

export const editVerdictSchema = verdictContent
  .extend({
    verdictId: id,
    /** The revision the editor opened: a newer one means someone else changed it meanwhile. */
    revision,
    correctionNote: optionalText(5_000),
    amendmentKind: z.preprocess(blankToUndefined, amendmentKindSchema.optional()),
  })
  .superRefine(requireGapWhenUnproven);

export const correctVerdictSchema = verdictContent
  .extend({
    /** The published verdict being corrected. */
    verdictId: id,
    amendmentKind: z.preprocess((v) => blankToUndefined(v) ?? "CORRECTION", amendmentKindSchema),
    correctionNote: requiredText("a public note", 5_000).refine(
      (note) => note.length >= 10,
      "Say what changed and why (at least 10 characters).",
    ),
  })
  .superRefine(requireGapWhenUnproven);

export const submitVerdictSchema = z.object({ verdictId: id, revision: revision.optional() });

export const reviewVerdictSchema = z
  .object({
    verdictId: id,
    revision,
    outcome: z.enum(["APPROVED", "REJECTED"], { error: "Choose approve or reject." }),
    comment: z.preprocess((v) => v ?? "", z.string().trim().max(5_000, "Keep it under 5000 characters.").refine(noNul, NUL_MESSAGE)),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "REJECTED" && value.comment.length === 0) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Tell the author what needs to change." });
    }
  });

export const publishVerdictSchema = z.object({ verdictId: id });

/** Takes a submitted or approved verdict back to draft and the claim out of review, in one step. */
export const withdrawVerdictSchema = z.object({
  verdictId: id,
  reason: requiredText("a reason", 2_000),
});

export const retractClaimSchema = z.object({
  claimId: id,
  note: requiredText("a public note", 5_000).refine(
    (note) => note.length >= 10,
    "Explain the retraction to readers (at least 10 characters).",
  ),
});

export type DraftVerdictInput = z.input<typeof draftVerdictSchema>;
export type EditVerdictInput = z.input<typeof editVerdictSchema>;
export type CorrectVerdictInput = z.input<typeof correctVerdictSchema>;
export type ReviewVerdictInput = z.input<typeof reviewVerdictSchema>;
export type RetractClaimInput = z.input<typeof retractClaimSchema>;
export type WithdrawVerdictInput = z.input<typeof withdrawVerdictSchema>;
