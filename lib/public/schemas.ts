import { z } from "zod";
import { FIGURE_BOUNDS } from "../domain/figures";
import { ClaimantType, Rating, SourceType, Stance } from "../generated/prisma/enums";

/*
 * The public API's response bodies, as zod schemas: the DTO types in ./types are inferred from
 * them, and the OpenAPI description (./openapi) is generated from them, so the code, its types and
 * the published description are one thing. Dates built by the server carry `format: date-time`;
 * dates copied from a snapshot (when a claim was made, a source published) are ISO 8601 strings too,
 * but written by PostgreSQL's JSON, so they are described without a format.
 */

const isoDate = z.iso.datetime();
const snapshotDate = z.string().meta({ description: "ISO 8601, as stored in the publication's snapshot" });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const ratingSchema = z.enum(Rating);
const ratingValue = z.int().min(1).max(5).meta({ description: "5 true … 1 false; Misleading and Unproven sit off that axis" });
const storyRef = z.object({ slug, title: z.string() }).nullable();

export const publicVerdictSummarySchema = z.object({
  rating: ratingSchema,
  ratingLabel: z.string(),
  ratingValue,
  publishedAt: isoDate.meta({ description: "When the claim's latest version was published" }),
  corrected: z.boolean().meta({ description: "A correction was published at some point" }),
  updated: z.boolean().meta({ description: "An update was published at some point" }),
});

export const ledgerItemSchema = z.object({
  slug,
  text: z.string(),
  claimant: z.string(),
  claimedAt: snapshotDate.nullable(),
  hasConflict: z.boolean(),
  story: storyRef,
  verdict: publicVerdictSummarySchema,
});

/** A published figure: low or high is null for an open bound ("at least 164"). */
export const publicFigureSchema = z.object({
  bound: z.enum(FIGURE_BOUNDS),
  low: z.number().nullable(),
  high: z.number().nullable(),
  words: z.string().nullable(),
  unit: z.string(),
  counted: z.string().meta({ description: "The story vocabulary's label (\"deaths\")" }),
  cumulative: z.boolean().meta({ description: "A running total; false for a count that may go down" }),
  alsoCalled: z.array(z.string()),
  asOf: snapshotDate.nullable(),
  asOfEnd: snapshotDate.nullable().meta({ description: "The end of the period a figure covers; null for an instant" }),
  explanation: z.string().nullable().meta({ description: "Why a running total is lower than an earlier count, as the desk recorded it" }),
});

const sourceLink = z.object({ url: z.string(), outlet: z.string() });

export const publicSourceSchema = z.object({
  stance: z.enum(Stance),
  excerpt: z.string(),
  location: z.string().nullable(),
  attribution: z.string().nullable(),
  source: sourceLink.extend({
    type: z.enum(SourceType),
    title: z.string().nullable(),
    publishedAt: snapshotDate.nullable(),
    archiveUrl: z.string().nullable(),
    reliabilityNote: z.string().nullable(),
  }),
  cites: sourceLink.extend({ title: z.string().nullable() }).nullable(),
  origin: sourceLink.meta({ description: "The source this one's citation chain ends at (itself when it cites nothing)" }),
  figure: publicFigureSchema.nullable(),
  translation: z
    .object({ excerptLanguage: z.string(), text: z.string() })
    .optional()
    .meta({ description: "The desk's translation of an excerpt in another language (present only when there is one)" }),
  changedAfterCitation: z
    .object({ kind: z.enum(["CHANGED", "GONE"]), on: z.string() })
    .optional()
    .meta({ description: "Present once an editor confirmed that the cited page changed or vanished after it was cited" }),
});

export const publicVerdictSchema = z.object({
  rating: ratingSchema,
  ratingLabel: z.string(),
  ratingValue,
  reasoning: z.string(),
  evidenceGap: z.string().nullable(),
  asOf: snapshotDate.nullable(),
});

const conflictingFigure = z.object({
  bound: z.enum(FIGURE_BOUNDS),
  low: z.number().nullable(),
  high: z.number().nullable(),
  words: z.string().nullable(),
  asOf: snapshotDate.nullable(),
  asOfEnd: snapshotDate.nullable(),
  source: z.string().nullable(),
});

export const conflictReasonSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stance"), supports: z.int(), contradicts: z.int() }),
  z.object({ kind: z.literal("figures"), counted: z.string(), why: z.enum(["same-time", "went-down"]), figures: z.tuple([conflictingFigure, conflictingFigure]) }),
]);

/** Everything a reader sees about a claim in one published version (built from its snapshot). */
export const publicClaimContentSchema = z.object({
  text: z.string(),
  claimant: z.string(),
  claimantType: z.enum(ClaimantType).optional().meta({ description: "Set by a person on the claimant's record; absent when nobody set it" }),
  claimantSameAs: z.string().optional().meta({ description: "The claimant's Wikidata or official page, when the desk gave one" }),
  summary: z.string().optional().meta({ description: "The desk's summary (at most 75 characters) for ClaimReview's claimReviewed" }),
  claimedAt: snapshotDate.nullable(),
  kind: z.string(),
  story: storyRef,
  appearance: z.object({
    sentence: z.string().nullable(),
    document: z.object({ title: z.string(), outlet: z.string(), url: z.string().nullable(), publishedAt: snapshotDate.nullable() }).nullable(),
  }),
  verdict: publicVerdictSchema,
  sources: z.array(publicSourceSchema),
  independentOrigins: z.int().min(0),
  conflicts: z.array(conflictReasonSchema),
});

export const versionKindSchema = z.enum(["original", "update", "correction", "retraction"]);

/** Who checked the claim and which editor approved it, as they were named on the day. */
export const publicBylineSchema = z.object({
  checkedBy: z.string().nullable(),
  checkedAt: isoDate.nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: isoDate.nullable(),
});

export const publicVersionSchema = z.object({
  version: z.int().min(1),
  kind: versionKindSchema,
  publishedAt: isoDate,
  note: z.string().nullable(),
  byline: publicBylineSchema,
  content: publicClaimContentSchema,
});

export const publicClaimSchema = publicClaimContentSchema.extend({
  slug,
  status: z.enum(["published", "retracted"]),
  version: z.int().min(1).meta({ description: "The latest version" }),
  firstPublishedAt: isoDate,
  updatedAt: isoDate,
  retraction: z.object({ note: z.string(), retractedAt: isoDate }).nullable(),
  versions: z.array(publicVersionSchema).meta({ description: "Every published version, oldest first" }),
});

export const publicStorySchema = z.object({
  slug,
  title: z.string(),
  summary: z.string(),
  startsOn: snapshotDate.nullable(),
  publishedClaims: z.int().min(1),
});
