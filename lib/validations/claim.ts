import { z } from "./zod";
import { ClaimantType, ClaimKind, ClaimStatus } from "../generated/prisma/enums";
import { DECEPTIVE_TEXT_MESSAGE, isPlainVisibleText } from "./text";
import { CLAIM_SUMMARY_MAX } from "../claim-review/summary";

// Form posts arrive as strings, tests and scripts send anything: every helper below turns "" and
// null into "absent", and never throws on a strange value (property tests feed fc.anything()).

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
export const blankToUndefined = (value: unknown) => (isBlank(value) ? undefined : value);

/** PostgreSQL refuses NUL in text: every text field refuses it with this field error. */
export const noNul = (value: string) => !value.includes("\u0000");
export const NUL_MESSAGE = "Remove the invisible control characters.";

/** A required, trimmed single- or multi-line text. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Keep ${label} under ${max} characters.`)
    .refine(noNul, NUL_MESSAGE)
    .refine(isPlainVisibleText, DECEPTIVE_TEXT_MESSAGE);
}

/** An optional text: blank becomes undefined. */
export function optionalText(max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: "Enter text." })
      .trim()
      .max(max, `Keep this under ${max} characters.`)
      .refine(noNul, NUL_MESSAGE)
      .refine(isPlainVisibleText, DECEPTIVE_TEXT_MESSAGE)
      .optional(),
  );
}

/**
 * Entries typed as "a, b" or one per line (or sent as an array), as typed: at most 30, each under
 * 200 characters, none holding NUL. The caller tidies and de-duplicates them.
 */
export function entryList(names: { what: string; one: string; many: string }) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[,\n]/) : Array.isArray(value) ? value : blankToUndefined(value) === undefined ? [] : value),
    z
      .array(z.string({ error: `Enter the other ${names.what} as text.` }).max(200, `Keep each ${names.one} under 200 characters.`).refine(noNul, NUL_MESSAGE), {
        error: `Enter the other ${names.what}, separated by commas.`,
      })
      .max(30, `Keep the list under 30 ${names.many}.`),
  );
}

export const requiredId = (label = "record") => z.uuid({ error: `Choose a valid ${label}.` });
export const optionalId = (label = "record") => z.preprocess(blankToUndefined, requiredId(label).optional());

function toDate(value: unknown): unknown {
  if (typeof value !== "string" || value.length > 40) return value;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? value : date;
}

/** An optional date or date-time ("2022-01-06" or "2022-01-06T14:30"), within a sane range. */
export const optionalDate = z.preprocess(
  (value) => toDate(blankToUndefined(value)),
  z
    .date({ error: "Enter a valid date." })
    .min(new Date("1900-01-01T00:00:00Z"), "Enter a date after 1900.")
    .max(new Date("2100-12-31T00:00:00Z"), "Enter a date before 2100.")
    .optional(),
);

function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim().replace(/[,_\s]/g, "");
  if (trimmed === "") return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : value;
}

/** A whole number such as a version: accepts 3 or "3". */
export const positiveInt = (label: string) =>
  z.preprocess(toNumber, z.number({ error: `${label} is missing.` }).int(`${label} must be a whole number.`).min(1).max(2_147_483_647));

/** A non-negative amount that fits the database column (numeric(14,2)). */
export const optionalAmount = z.preprocess(
  (value) => toNumber(blankToUndefined(value)),
  z.number({ error: "Enter a number." }).min(0, "Enter zero or more.").max(999_999_999_999, "That number is too large.").optional(),
);

/** An HTML checkbox ("on"), or a boolean from code. Anything else is false. */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

export const CLAIM_KINDS = Object.values(ClaimKind) as [ClaimKind, ...ClaimKind[]];
export const CLAIM_STATUSES = Object.values(ClaimStatus) as [ClaimStatus, ...ClaimStatus[]];

export const CLAIM_KIND_LABEL: Record<ClaimKind, string> = {
  NUMERIC: "Numeric",
  EVENT: "Event",
  FRAMING: "Framing",
  QUOTE: "Quote",
};

const claimFields = {
  text: requiredText("the claim", 2000),
  claimant: requiredText("who made the claim", 200),
  // Used when the claimant is new (or its record has no type yet); blank: not chosen.
  claimantType: z.preprocess(blankToUndefined, z.enum(ClaimantType, "Pick a person or an organisation.").optional()),
  claimedAt: optionalDate,
  kind: z.enum(CLAIM_KINDS, { error: "Choose what kind of claim this is." }),
  storyId: optionalId("story"),
  // The appearance: the document the claim was found in and the exact sentence quoted from it.
  documentId: optionalId("document"),
  sentence: optionalText(4000),
};

export const createClaimSchema = z.object({
  ...claimFields,
  assigneeId: optionalId("fact-checker"),
  // Set once the person has seen the similar claims and wants to save anyway.
  confirmDuplicate: checkbox.optional(),
  // "Turn into a claim" from a reader's suggestion: the request is answered with the new claim.
  readerRequestId: optionalId("reader request"),
});
export type CreateClaimInput = z.output<typeof createClaimSchema>;

export const updateClaimSchema = z.object({
  id: requiredId("claim"),
  version: positiveInt("The claim version"),
  ...claimFields,
  // The desk's claimReviewed; blank: derived from the claim text.
  summary: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "Enter the summary as text." })
      .trim()
      .max(CLAIM_SUMMARY_MAX, `Keep the summary to ${CLAIM_SUMMARY_MAX} characters: search engines cut longer ones.`)
      .refine(noNul, NUL_MESSAGE)
      .refine(isPlainVisibleText, DECEPTIVE_TEXT_MESSAGE)
      .optional(),
  ),
});
export type UpdateClaimInput = z.output<typeof updateClaimSchema>;

export const transitionClaimSchema = z.object({
  id: requiredId("claim"),
  to: z.enum(CLAIM_STATUSES, { error: "Choose a status." }),
});
export type TransitionClaimInput = z.output<typeof transitionClaimSchema>;

export const assignClaimSchema = z.object({
  id: requiredId("claim"),
  // Blank unassigns.
  assigneeId: optionalId("fact-checker"),
});
export type AssignClaimInput = z.output<typeof assignClaimSchema>;

/** The claim list's filters, read from the query string; bad values are dropped, never an error. */
export const claimFiltersSchema = z.object({
  q: optionalText(200).catch(undefined),
  story: optionalId("story").catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(CLAIM_STATUSES).optional()).catch(undefined),
  kind: z.preprocess(blankToUndefined, z.enum(CLAIM_KINDS).optional()).catch(undefined),
  claimant: optionalText(200).catch(undefined),
  conflict: checkbox.catch(false),
  mine: checkbox.catch(false),
  page: z.preprocess(toNumber, z.number().int().min(1).max(10_000)).catch(1),
});
export type ClaimFilters = z.output<typeof claimFiltersSchema>;

export const BULK_LIMIT = 100;
export const BULK_OPERATIONS = ["assign", "status", "story"] as const;

/** Bulk work on ticked claims of the list: assign, move status (manual targets only), tag with a story. */
export const bulkClaimsSchema = z
  .object({
    ids: z.array(requiredId("claim"), { error: "Tick the claims to change." }).min(1, "Tick the claims to change.").max(BULK_LIMIT, `Change at most ${BULK_LIMIT} claims at once.`),
    operation: z.enum(BULK_OPERATIONS, { error: "Choose what to do with the ticked claims." }),
    // assign: blank unassigns.
    assigneeId: optionalId("desk member"),
    to: z.preprocess(blankToUndefined, z.enum(CLAIM_STATUSES, { error: "Choose a status." }).optional()),
    // story: blank takes the claims out of their story.
    storyId: optionalId("story"),
  })
  .superRefine((input, ctx) => {
    if (input.operation === "status" && !input.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the status to move the claims to." });
  });
export type BulkClaimsInput = z.output<typeof bulkClaimsSchema>;
