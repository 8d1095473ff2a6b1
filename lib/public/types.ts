import type { z } from "zod";
import type { Rating } from "../generated/prisma/enums";
import type {
  ledgerItemSchema,
  publicBylineSchema,
  publicClaimContentSchema,
  publicClaimSchema,
  publicFigureSchema,
  publicSourceSchema,
  publicStorySchema,
  publicVerdictSchema,
  publicVerdictSummarySchema,
  publicVersionSchema,
  versionKindSchema,
} from "./schemas";

// Public DTOs: only what a reader may see. Dates are ISO strings so they survive caching and JSON.
// The API's are inferred from the zod schemas in ./schemas, which the OpenAPI description is built from.

export type PublicVerdictSummary = z.infer<typeof publicVerdictSummarySchema>;
export type LedgerItem = z.infer<typeof ledgerItemSchema>;
export type LedgerPage = { items: LedgerItem[]; nextCursor: string | null; fuzzy: boolean };
export type PublicSource = z.infer<typeof publicSourceSchema>;
export type PublicFigure = z.infer<typeof publicFigureSchema>;

/** A published figure with where it comes from, for the charts of a claim or a whole story. */
export type StoryFigure = PublicFigure & { id: string; source: string; claimSlug: string };

export type PublicVerdict = z.infer<typeof publicVerdictSchema>;
export type PublicClaimContent = z.infer<typeof publicClaimContentSchema>;
export type PublicationKindName = z.infer<typeof versionKindSchema>;
export type PublicByline = z.infer<typeof publicBylineSchema>;
export type PublicVersion = z.infer<typeof publicVersionSchema>;
export type PublicClaim = z.infer<typeof publicClaimSchema>;
export type PublicStory = z.infer<typeof publicStorySchema>;

export type TimelineEntry = {
  date: string;
  kind: "source" | "figure";
  /** Every claim the report or figure is evidence for: one row, however many claims share it. */
  claims: Array<{ slug: string; text: string }>;
  outlet: string;
  url: string;
  label: string;
};

/** One amendment of the public record (an update, a correction or a retraction), for /corrections and its feed. */
export type PublicAmendment = {
  claim: { slug: string; text: string; claimant: string };
  kind: Exclude<PublicationKindName, "original">;
  version: number;
  oldRating: Rating;
  oldRatingLabel: string;
  newRating: Rating;
  newRatingLabel: string;
  note: string;
  publishedAt: string;
  /** Published in answer to a reader's correction request (recorded on the publication; the reader is never named). */
  fromReaderRequest: boolean;
};
