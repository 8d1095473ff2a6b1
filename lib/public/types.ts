import type { Rating, SourceType, Stance } from "../generated/prisma/enums";
import type { ConflictReason } from "../domain/conflicts";

// Public DTOs: only what a reader may see. Dates are ISO strings so they survive caching and JSON.

export type PublicVerdictSummary = { rating: Rating; ratingLabel: string; ratingValue: number; publishedAt: string; corrected: boolean };

export type LedgerItem = {
  slug: string;
  text: string;
  claimant: string;
  claimedAt: string | null;
  hasConflict: boolean;
  story: { slug: string; title: string } | null;
  verdict: PublicVerdictSummary;
};

export type LedgerPage = { items: LedgerItem[]; nextCursor: string | null; fuzzy: boolean };

export type PublicSource = {
  stance: Stance;
  excerpt: string;
  location: string | null;
  attribution: string | null;
  source: {
    url: string;
    outlet: string;
    type: SourceType;
    title: string | null;
    publishedAt: string | null;
    archiveUrl: string | null;
    reliabilityNote: string | null;
  };
  cites: { url: string; outlet: string; title: string | null } | null;
  /** The source this one's citation chain ends at (itself when it cites nothing). */
  origin: { url: string; outlet: string };
  figure: { low: number; high: number; words: string | null; unit: string; counted: string; asOf: string | null } | null;
};

export type PublicVerdict = {
  rating: Rating;
  ratingLabel: string;
  ratingValue: number;
  reasoning: string;
  evidenceGap: string | null;
  asOf: string | null;
  publishedAt: string;
  correctionNote: string | null;
};

/** A verdict that was replaced, with the note and date of the correction that replaced it. */
export type PublicCorrectionStep = {
  previous: Omit<PublicVerdict, "correctionNote">;
  correctedAt: string;
  newRating: Rating;
  newRatingLabel: string;
  note: string;
};

export type PublicClaim = {
  slug: string;
  text: string;
  claimant: string;
  claimedAt: string | null;
  kind: string;
  story: { slug: string; title: string } | null;
  appearance: {
    sentence: string | null;
    document: { title: string; outlet: string; url: string | null; publishedAt: string | null } | null;
  };
  verdict: PublicVerdict;
  corrections: PublicCorrectionStep[];
  sources: PublicSource[];
  independentOrigins: number;
  conflicts: ConflictReason[];
};

export type PublicStory = { slug: string; title: string; summary: string; startsOn: string | null; publishedClaims: number };

export type TimelineEntry = {
  date: string;
  kind: "source" | "figure";
  claimSlug: string;
  outlet: string;
  url: string;
  label: string;
};

export type PublicCorrection = {
  claim: { slug: string; text: string; claimant: string };
  oldRating: Rating;
  oldRatingLabel: string;
  newRating: Rating;
  newRatingLabel: string;
  note: string;
  correctedAt: string;
};
