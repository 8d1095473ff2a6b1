import type { ClaimantType } from "./claimants";
import { proposeCandidates, type CandidateKind, type CandidateReason, type ProposeOptions } from "./candidates";
import type { ExtractedFigure } from "./figures";

export type StoredFigure = Omit<ExtractedFigure, "at">;
/**
 * One proposal as stored on the document (`documents.candidates`), keyed by its sentence's start;
 * a sentence may hold several (one per claim). `claim` is the proposed claim text.
 */
export type StoredCandidate = {
  start: number;
  claim: string;
  reasons: CandidateReason[];
  kind: CandidateKind;
  claimant: string | null;
  claimantType: ClaimantType | null;
  figures: StoredFigure[];
  score: number;
};

/** Proposals for an article, in the shape stored at import and read by its page. */
export function storedCandidates(text: string, options: ProposeOptions = {}): StoredCandidate[] {
  return proposeCandidates(text, options).map((c) => ({
    start: c.sentence.start,
    claim: c.claim.text,
    reasons: c.reasons,
    kind: c.suggestedKind,
    claimant: c.suggestedClaimant,
    claimantType: c.claimantType,
    figures: c.figures.map(({ at: _at, ...figure }) => figure),
    score: c.score,
  }));
}

const isFigure = (f: unknown) => typeof f === "object" && f !== null && typeof (f as StoredFigure).bound === "string";

/**
 * The stored value if it has the current stored shape, else null (articles imported before it
 * stored figures as strings and one proposal per sentence: their page computes them again).
 */
export function readStoredCandidates(value: unknown): StoredCandidate[] | null {
  if (!Array.isArray(value)) return null;
  const ok = value.every((c: unknown) => {
    const s = c as StoredCandidate;
    return typeof c === "object" && c !== null && typeof s.start === "number" && typeof s.claim === "string" && Array.isArray(s.reasons) && Array.isArray(s.figures) && s.figures.every(isFigure);
  });
  return ok ? (value as StoredCandidate[]) : null;
}
