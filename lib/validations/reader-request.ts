import { z } from "./zod";
import { blankToUndefined, NUL_MESSAGE, noNul, optionalText, requiredId, requiredText } from "./claim";
import { formObject } from "./form";

// Readers' suggestions and correction requests: one schema for the public form and the route
// handler (lib/readers/submit.ts), and the desk's triage inputs.

export const READER_TEXT_MAX = 2000;
export const READER_SEEN_AT_MAX = 500;
/** More links than this in one request reads as spam; a real request needs one or two. */
export const READER_MAX_LINKS = 3;

export const READER_REQUEST_KINDS = ["SUGGESTION", "CORRECTION"] as const;
export type ReaderRequestKindName = (typeof READER_REQUEST_KINDS)[number];

export const READER_KIND_LABEL: Record<ReaderRequestKindName, string> = { SUGGESTION: "Claim suggestion", CORRECTION: "Correction request" };

const LINK = /\bhttps?:\/\/|\bwww\./giu;
export const countLinks = (value: string) => value.match(LINK)?.length ?? 0;

/** The public page a form was sent from: only the ledger's own claim and story pages. */
const pagePath = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(300)
    .regex(/^\/(claims|stories)\/[a-z0-9-]{1,200}$/, "Send the form from a claim or story page.")
    .optional(),
);

export const readerRequestSchema = formObject({
  kind: z.enum(READER_REQUEST_KINDS, { error: "Choose what you are sending." }),
  text: requiredText("the claim or the error", READER_TEXT_MAX),
  seenAt: optionalText(READER_SEEN_AT_MAX),
  email: z.preprocess(
    blankToUndefined,
    z.string().trim().toLowerCase().max(254, "Keep the address under 254 characters.").email("Enter an e-mail address, or leave it empty.").optional(),
  ),
  page: pagePath,
}).superRefine((input, ctx) => {
  if (countLinks(`${input.text} ${input.seenAt ?? ""}`) > READER_MAX_LINKS) {
    ctx.addIssue({ code: "custom", path: ["text"], message: `Include at most ${READER_MAX_LINKS} links.` });
  }
});
export type ReaderRequestInput = z.output<typeof readerRequestSchema>;

export const CLOSE_REASONS = ["ANSWERED", "NOT_CHECKABLE", "NO_ERROR_FOUND", "DUPLICATE", "OUT_OF_SCOPE", "SPAM"] as const;
/** Reasons the desk sets by hand; CLAIM_CREATED, LINKED and CORRECTED are set by what it did. */
export const CLOSE_REASON_LABEL: Record<string, string> = {
  CLAIM_CREATED: "Turned into a claim",
  LINKED: "Linked to an existing claim",
  CORRECTED: "Correction or update published",
  ANSWERED: "Answered, nothing to change",
  NOT_CHECKABLE: "Not a checkable claim",
  NO_ERROR_FOUND: "No error found",
  DUPLICATE: "Duplicate",
  OUT_OF_SCOPE: "Outside what we cover",
  SPAM: "Spam or abuse",
};
/** Which manual reasons count as acted on (the rest are declined) in the monthly counts. */
export const ACTED_REASONS = new Set(["CLAIM_CREATED", "LINKED", "CORRECTED", "ANSWERED"]);

export const assignReaderRequestSchema = z.object({
  id: requiredId("request"),
  // Blank unassigns.
  assigneeId: z.preprocess(blankToUndefined, requiredId("desk member").optional()),
});

export const linkReaderRequestSchema = z.object({
  id: requiredId("request"),
  claimSlug: z.string({ error: "Enter the claim's address or slug." }).trim().min(1, "Enter the claim's address or slug.").max(300).refine(noNul, NUL_MESSAGE)
    .transform((value) => value.replace(/^.*\/claims\//, "").replace(/[?#].*$/, "")),
});

export const closeReaderRequestSchema = z.object({
  id: requiredId("request"),
  reason: z.enum(CLOSE_REASONS, { error: "Choose why it is closed." }),
  note: optionalText(1000),
});

/** The queue's filters from the query string; bad values are dropped. */
export const readerQueueFiltersSchema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(READER_REQUEST_KINDS).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(["OPEN", "ACTED", "DECLINED", "ALL"]).default("OPEN")).catch("OPEN"),
  mine: z.preprocess((v) => v === "1" || v === "on", z.boolean()).catch(false),
  unassigned: z.preprocess((v) => v === "1" || v === "on", z.boolean()).catch(false),
});
export type ReaderQueueFilters = z.output<typeof readerQueueFiltersSchema>;
