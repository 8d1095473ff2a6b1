import { z } from "zod";
import { logEntrySchema, publicRecordSchema, signedHeadSchema } from "../ledger/format";
import { ledgerItemSchema, publicClaimSchema, publicStorySchema } from "./schemas";

/*
 * The JSON bodies the public endpoints answer with, as zod schemas: the handlers type what they
 * send from these, and ./openapi describes them, so the description cannot say one thing while the
 * code sends another (test/http/openapi-responses.test.ts checks real responses against it).
 */

const pageUrl = z.url().meta({ description: "The claim's page for readers" });
const apiUrl = z.url().meta({ description: "This claim in the API" });

export const claimsPageSchema = z.object({
  data: z.array(ledgerItemSchema.extend({ url: pageUrl, apiUrl })),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
  fuzzy: z.boolean().meta({ description: "Nothing matched `q` exactly, so these are similarity matches" }),
});

export const claimBodySchema = z.object({ data: publicClaimSchema.extend({ url: pageUrl }) });

export const storiesBodySchema = z.object({ data: z.array(publicStorySchema.extend({ url: z.url().meta({ description: "The story's page" }) })) });

export const versionBodySchema = z.object({ data: publicRecordSchema });

export const logPageSchema = z.object({ data: z.array(logEntrySchema), next: z.url().nullable().meta({ description: "The next page; null when this page was not full" }) });

export const headBodySchema = z.object({ data: signedHeadSchema });

export const ledgerKeySchema = z.object({
  algorithm: z.literal("Ed25519"),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().meta({ description: "The raw 32-byte key, base64url (a JWK `x`)" }),
  publicKeyPem: z.string(),
  log: z.url(),
});

export const apiErrorCodeSchema = z.enum(["NOT_FOUND", "VALIDATION", "RATE_LIMITED", "UNAVAILABLE", "INTERNAL"]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Per query parameter, on a 400" }),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The DataFeed export's envelope (each item is a schema.org ClaimReview, see docs/api.md). */
export const dataFeedSchema = z.object({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("DataFeed"),
  name: z.string(),
  url: z.url(),
  dateModified: z.iso.datetime(),
  dataFeedElement: z.array(
    z.object({
      "@type": z.literal("DataFeedItem"),
      dateCreated: z.iso.datetime(),
      dateModified: z.iso.datetime(),
      item: z.array(z.looseObject({ "@type": z.literal("ClaimReview") })),
    }),
  ),
});

export type ClaimsPage = z.infer<typeof claimsPageSchema>;
export type ClaimBody = z.infer<typeof claimBodySchema>;
export type StoriesBody = z.infer<typeof storiesBodySchema>;
export type VersionBody = z.infer<typeof versionBodySchema>;
export type LogPage = z.infer<typeof logPageSchema>;
export type HeadBody = z.infer<typeof headBodySchema>;
export type LedgerKey = z.infer<typeof ledgerKeySchema>;
