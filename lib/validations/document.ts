import { z } from "./zod";
import { ClaimKind } from "../generated/prisma/enums";
import { isWebUrl } from "../urls";
import { formObject } from "./form";

export const MAX_DOCUMENT_CHARS = 200_000;
export const MAX_CLAIMS_PER_IMPORT = 100;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

// PostgreSQL refuses NUL in text, and a lone surrogate would not survive the round trip, which
// would shift every sentence offset after it. Line endings are unified so offsets match the paste.
function normalizeArticle(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .trim();
}

const singleLine = (label: string, max: number) =>
  z
    .string(`Enter the ${label}.`)
    .transform((value) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim())
    .pipe(z.string().min(1, `Enter the ${label}.`).max(max, `Keep the ${label} under ${max} characters.`));

/** A calendar day from `<input type="date">` (YYYY-MM-DD), stored as midnight UTC. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2022-01-06.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getUTCFullYear() >= 1900;
  }, "This is not a real date.")
  .transform((value) => new Date(`${value}T00:00:00.000Z`));

const importDocumentObject = z.object({
  title: singleLine("headline", 300),
  outlet: singleLine("outlet", 200),
  url: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000, "Keep the address under 2,000 characters.")
      .refine(isWebUrl, "Enter a web address starting with http:// or https://.")
      .optional(),
  ),
  publishedAt: z.preprocess(blankToUndefined, calendarDay.optional()),
  storyId: z.preprocess(blankToUndefined, z.uuid("Pick a story from the list.").optional()),
  text: z
    .string("Paste the article text.")
    .transform(normalizeArticle)
    .pipe(
      z
        .string()
        .min(1, "Paste the article text.")
        .max(MAX_DOCUMENT_CHARS, `Articles are limited to ${MAX_DOCUMENT_CHARS.toLocaleString("en")} characters.`),
    ),
});
export const importDocumentSchema = formObject(importDocumentObject.shape);
export type ImportDocumentInput = z.input<typeof importDocumentObject>;

/** One ticked candidate: the sentence it is anchored to (checked again on the server) and the edits. */
export const candidateClaimSchema = z.object({
  sentenceStart: z.number("Missing sentence position.").int("Missing sentence position.").min(0, "Missing sentence position."),
  sentence: z.string("Missing sentence.").min(1, "Missing sentence.").max(MAX_DOCUMENT_CHARS),
  text: z
    .string("Enter the claim.")
    .trim()
    .min(1, "Enter the claim as it should be checked.")
    .max(5000, "Keep the claim under 5,000 characters."),
  claimant: z
    .string("Enter who made the claim.")
    .trim()
    .min(1, "Enter who made the claim.")
    .max(200, "Keep the claimant under 200 characters."),
  kind: z.enum(ClaimKind, "Pick a kind of claim."),
});
export type CandidateClaimInput = z.input<typeof candidateClaimSchema>;

const createClaimsFromCandidatesObject = z.object({
  documentId: z.uuid("Unknown article."),
  claims: z
    .array(candidateClaimSchema)
    .min(1, "Tick at least one sentence to create a claim.")
    .max(MAX_CLAIMS_PER_IMPORT, `Create at most ${MAX_CLAIMS_PER_IMPORT} claims at once.`),
});
export const createClaimsFromCandidatesSchema = formObject(createClaimsFromCandidatesObject.shape);
export type CreateClaimsFromCandidatesInput = z.input<typeof createClaimsFromCandidatesObject>;

export const CLAIM_KIND_LABEL: Record<ClaimKind, string> = {
  NUMERIC: "Numeric",
  EVENT: "Event",
  FRAMING: "Framing",
  QUOTE: "Quote",
};

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * The extraction form posts one `pick` per ticked sentence (its offset) and, per offset, the
 * sentence and the edited claim fields. The order of `claims` follows the order of the ticks.
 */
export function claimsInputFromForm(formData: FormData): { documentId: unknown; claims: Array<Record<string, unknown>> } {
  const picks = formData.getAll("pick").filter((value): value is string => typeof value === "string");
  return {
    documentId: text(formData, "documentId"),
    claims: picks.map((start) => ({
      sentenceStart: /^\d+$/.test(start) ? Number(start) : start,
      sentence: text(formData, `sentence-${start}`),
      text: text(formData, `text-${start}`),
      claimant: text(formData, `claimant-${start}`),
      kind: text(formData, `kind-${start}`),
    })),
  };
}
