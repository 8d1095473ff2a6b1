import { z } from "./zod";
import { ClaimantType, ClaimKind } from "../generated/prisma/enums";
import { LANGUAGES } from "../extraction/language";
import { checkbox, NUL_MESSAGE, noNul } from "./claim";
import { webUrl } from "./evidence";
import { isWebUrl } from "../urls";
import { formObject } from "./form";
import { DATE_RANGE_MESSAGE, isCalendarDay } from "./bounds";
import { DECEPTIVE_TEXT_MESSAGE, isPlainVisibleText } from "./text";

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
    .pipe(z.string().min(1, `Enter the ${label}.`).max(max, `Keep the ${label} under ${max} characters.`).refine(isPlainVisibleText, DECEPTIVE_TEXT_MESSAGE));

/** A calendar day from `<input type="date">` (YYYY-MM-DD), 1900..2100, stored as midnight UTC. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2022-01-06.")
  .refine(isCalendarDay, `This is not a real date. ${DATE_RANGE_MESSAGE}`)
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
  // Empty: detected from the text's script.
  language: z.preprocess(blankToUndefined, z.enum(LANGUAGES, "Pick a language from the list.").optional()),
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
export type ImportDocumentInputParsed = z.output<typeof importDocumentObject>;

/** Import by address: the page is fetched and its main text extracted (lib/services/documents.ts). */
export const importDocumentFromUrlSchema = formObject({
  url: webUrl,
  outlet: z.preprocess(blankToUndefined, singleLine("outlet", 200).optional()),
  storyId: importDocumentObject.shape.storyId,
});

/** One ticked candidate: the sentence it is anchored to (checked again on the server) and the edits. */
export const candidateClaimSchema = z.object({
  sentenceStart: z.number("Missing sentence position.").int("Missing sentence position.").min(0, "Missing sentence position."),
  sentence: z.string("Missing sentence.").min(1, "Missing sentence.").max(MAX_DOCUMENT_CHARS),
  text: z
    .string("Enter the claim.")
    .trim()
    .min(1, "Enter the claim as it should be checked.")
    .max(5000, "Keep the claim under 5,000 characters.")
    .refine(noNul, NUL_MESSAGE),
  claimant: z
    .string("Enter who made the claim.")
    .trim()
    .min(1, "Enter who made the claim.")
    .max(200, "Keep the claimant under 200 characters.")
    .refine(noNul, NUL_MESSAGE),
  kind: z.enum(ClaimKind, "Pick a kind of claim."),
  claimantType: z.preprocess(blankToUndefined, z.enum(ClaimantType, "Pick a person or an organisation.").optional()),
  // The imported article becomes the claim's first source (excerpt: the sentence) unless unticked.
  addSource: checkbox,
});
export type CandidateClaimInput = z.input<typeof candidateClaimSchema>;

const createClaimsFromCandidatesObject = z.object({
  documentId: z.uuid("Unknown article."),
  claims: z
    .array(candidateClaimSchema)
    .min(1, "Tick at least one sentence to create a claim.")
    .max(MAX_CLAIMS_PER_IMPORT, `Create at most ${MAX_CLAIMS_PER_IMPORT} claims at once.`),
  // Set once the person has seen the similar existing claims and wants to create these anyway.
  confirmDuplicate: checkbox.optional(),
});
export const createClaimsFromCandidatesSchema = formObject(createClaimsFromCandidatesObject.shape);
export type CreateClaimsFromCandidatesInput = z.input<typeof createClaimsFromCandidatesObject>;

export const CLAIMANT_TYPE_LABEL: Record<ClaimantType, string> = { PERSON: "A person", ORGANISATION: "An organisation" };

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
 * The extraction form posts one `pick` per ticked proposal, keyed "<sentence offset>.<n>" (the n-th
 * claim proposed in that sentence; a sentence with no proposal is "<offset>.0"), and per key the
 * sentence and the edited claim fields. The order of `claims` follows the order of the ticks.
 */
export function claimsInputFromForm(formData: FormData): { documentId: unknown; confirmDuplicate: unknown; claims: Array<Record<string, unknown>> } {
  const picks = formData.getAll("pick").filter((value): value is string => typeof value === "string");
  return {
    documentId: text(formData, "documentId"),
    confirmDuplicate: text(formData, "confirmDuplicate"),
    claims: picks.map((key) => {
      const start = key.split(".")[0] ?? key;
      return {
        sentenceStart: /^\d+$/.test(start) ? Number(start) : start,
        sentence: text(formData, `sentence-${key}`),
        text: text(formData, `text-${key}`),
        claimant: text(formData, `claimant-${key}`),
        claimantType: text(formData, `claimantType-${key}`),
        kind: text(formData, `kind-${key}`),
        addSource: text(formData, `addSource-${key}`),
      };
    }),
  };
}
