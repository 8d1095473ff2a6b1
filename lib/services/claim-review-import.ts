import { defineAction } from "../actions/define";
import { writeAudit } from "../audit";
import { findImportedReviews, type ExternalReview } from "../data/external-reviews";
import { uniqueSlug } from "../domain/slug";
import { AppError } from "../errors";
import { importClaimReviewsSchema, parseClaimReviews, type ExternalClaimReview, type ItemError } from "../validations/claim-review-import";

export type ImportItemOutcome =
  | { position: string; status: "imported"; claimReviewed: string; reviewUrl: string; organisation: string; rating: string; claim: { id: string; slug: string } }
  | { position: string; status: "duplicate"; claimReviewed: string; reviewUrl: string; organisation: string; rating: string; existingSlug: string | null }
  | { position: string; status: "invalid"; errors: ItemError[] };

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
  return {
    organisation: review.organisation,
    organisationUrl: review.organisationUrl,
    reviewUrl: review.url,
    ratingValue: review.ratingValue,
    bestRating: review.bestRating,
    worstRating: review.worstRating,
    alternateName: review.alternateName,
    datePublished: review.datePublished,
    appearanceUrl: review.appearanceUrl,
    importedAt: importedAt.toISOString(),
  };
}

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
        const urls = parsed.items.flatMap((item) => (item.ok ? [item.review.url] : []));
        const existing = await findImportedReviews(tx, urls);
        const seen = new Set<string>();
        const importedAt = new Date();
        const items: ImportItemOutcome[] = [];

        for (const item of parsed.items) {
          if (!item.ok) {
            items.push({ position: item.position, status: "invalid", errors: item.errors });
            continue;
          }
          const { review } = item;
          const summary = { position: item.position, claimReviewed: review.claimReviewed, reviewUrl: review.url, organisation: review.organisation, rating: review.alternateName };
          if (existing.has(review.url) || seen.has(review.url)) {
            items.push({ ...summary, status: "duplicate", existingSlug: existing.get(review.url) ?? null });
            continue;
          }
          seen.add(review.url);
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
