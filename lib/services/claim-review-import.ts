import { defineAction } from "./define";
import { writeAudit } from "../audit";
import { findImportedReviews, type ExternalReview } from "../data/external-reviews";
import { uniqueSlug } from "../domain/slug";
import { AppError } from "../errors";
import type { NormalisedRating } from "../claim-review/rating-scale";
import { importClaimReviewsSchema } from "../validations/claim-review-import";
import { parseClaimReviews, type ExternalClaimReview, type ItemError } from "../claim-review/parse-import";

type ReviewSummary = {
  position: string;
  claimReviewed: string;
  reviewUrl: string;
  organisation: string;
  /** The publisher's rating as written, and where it sits on the common scale. */
  rating: string;
  normalisedRating: NormalisedRating;
  dropped: ExternalClaimReview["dropped"];
};

export type ImportItemOutcome =
  | (ReviewSummary & { status: "imported"; claim: { id: string; slug: string } })
  | (ReviewSummary & { status: "duplicate"; existingSlug: string | null })
  | { position: string; name: string | null; status: "invalid"; errors: ItemError[] };

export type ImportSummary = {
  format: "json" | "jsonl" | "html";
  imported: number;
  duplicates: number;
  invalid: number;
  items: ImportItemOutcome[];
};

// Every import takes this lock for its transaction, so two people pasting the same reviews at once
// cannot both pass the duplicate check (there is no unique index on a JSON field).
const IMPORT_LOCK = 0x636c_6d72; // "clmr"

/** An imported claim is about numbers when its text has a digit; otherwise an event. Editable later. */
const kindOf = (text: string) => (/\d/.test(text) ? "NUMERIC" : "EVENT");

function toExternalReview(review: ExternalClaimReview, importedAt: Date): ExternalReview {
  const { url, claimReviewed: _text, claimant: _claimant, claimedAt: _claimedAt, ...kept } = review;
  return { ...kept, reviewUrl: url, appearanceUrl: review.firstAppearanceUrl ?? review.appearances[0] ?? null, importedAt: importedAt.toISOString() };
}

/** "False", or the numbers when the publisher gave no words: "2 (scale 1 to 5)". */
const ratingText = (review: ExternalClaimReview) =>
  review.alternateName || (review.ratingValue !== null ? `${review.ratingValue}${review.bestRating !== null ? ` (best ${review.bestRating}${review.worstRating !== null ? `, worst ${review.worstRating}` : ""})` : ""}` : "No rating given");

/**
 * Imports other organisations' ClaimReviews as NEW claims carrying their external verdict, in one
 * transaction. Items are reported one by one: imported, duplicate (that review url was imported
 * before, or earlier in the same paste) or invalid (with the field and the reason). A review
 * published under our own name is imported like any other and keeps that name: it is still not a
 * verdict of this desk, and it never reaches the public ledger (the claim has no verdict).
 */
export const importClaimReviews = defineAction({
  permission: "claim.create",
  schema: importClaimReviewsSchema,
  run: async ({ db, actor, input }): Promise<ImportSummary> => {
    const parsed = parseClaimReviews(input.text);
    if ("problem" in parsed) throw new AppError("VALIDATION", parsed.problem, { fieldErrors: { text: [parsed.problem] } });

    return db.$transaction(
      async (tx) => {
        if (input.storyId && !(await tx.story.findUnique({ where: { id: input.storyId }, select: { id: true } }))) {
          throw new AppError("VALIDATION", "That story no longer exists.", { fieldErrors: { storyId: ["Pick a story from the list."] } });
        }
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}::bigint)`;
        const keys = parsed.items.flatMap((item) => (item.ok ? [item.review.reviewKey, item.review.url] : []));
        const existing = await findImportedReviews(tx, keys);
        const seen = new Set<string>();
        const importedAt = new Date();
        const items: ImportItemOutcome[] = [];

        for (const item of parsed.items) {
          if (!item.ok) {
            items.push({ position: item.position, name: item.name, status: "invalid", errors: item.errors });
            continue;
          }
          const { review } = item;
          const summary: ReviewSummary = {
            position: item.position,
            claimReviewed: review.claimReviewed,
            reviewUrl: review.url,
            organisation: review.organisation,
            rating: ratingText(review),
            normalisedRating: review.normalisedRating,
            dropped: review.dropped,
          };
          const existingSlug = existing.get(review.reviewKey) ?? existing.get(review.url) ?? null;
          if (existingSlug || seen.has(review.reviewKey)) {
            items.push({ ...summary, status: "duplicate", existingSlug });
            continue;
          }
          seen.add(review.reviewKey);
          const externalReview = toExternalReview(review, importedAt);
          const claim = await tx.claim.create({
            data: {
              slug: uniqueSlug(review.claimReviewed),
              text: review.claimReviewed,
              claimant: review.claimant ?? "Unknown",
              claimedAt: review.claimedAt,
              kind: kindOf(review.claimReviewed),
              status: "NEW",
              storyId: input.storyId ?? null,
              createdById: actor.id,
              externalReview,
            },
            select: { id: true, slug: true, text: true, claimant: true, claimedAt: true, kind: true, status: true, storyId: true },
          });
          await writeAudit(tx, { actorId: actor.id, action: "claim.import_review", entityType: "claim", entityId: claim.id, after: { ...claim, externalReview } });
          items.push({ ...summary, status: "imported", claim: { id: claim.id, slug: claim.slug } });
        }

        const count = (status: ImportItemOutcome["status"]) => items.filter((i) => i.status === status).length;
        return { format: parsed.format, imported: count("imported"), duplicates: count("duplicate"), invalid: count("invalid"), items };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  },
});
