import { z } from "./zod";

/*
 * The ClaimReview import form's input: the pasted text and an optional story. The text itself is
 * read by lib/claim-review/parse-import.ts.
 */

export const MAX_IMPORT_CHARS = 2_000_000;
export const MAX_IMPORT_ITEMS = 1000;

export const importClaimReviewsSchema = z.object({
  text: z
    .string({ error: "Paste the ClaimReview JSON-LD, JSON Lines or HTML page." })
    .max(MAX_IMPORT_CHARS, `Paste at most ${(MAX_IMPORT_CHARS / 1_000_000).toFixed(0)} MB of text at a time.`)
    .refine((value) => value.trim().length > 0, "Paste the ClaimReview JSON-LD, JSON Lines or HTML page."),
  storyId: z.preprocess(
    (value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value),
    z.uuid({ error: "Pick a story from the list." }).optional(),
  ),
});
export type ImportClaimReviewsInput = z.output<typeof importClaimReviewsSchema>;
