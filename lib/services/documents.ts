import { createHash } from "node:crypto";
import { defineAction } from "../actions/define";
import { writeAudit } from "../audit";
import { AppError, type FieldErrors } from "../errors";
import { splitSentences } from "../extraction/sentences";
import { uniqueSlug } from "../domain/slug";
import { createClaimsFromCandidatesSchema, importDocumentSchema } from "../validations/document";

/** Stores a pasted article so its sentences can be turned into claims. Returns the new id. */
export const importDocument = defineAction({
  permission: "document.import",
  schema: importDocumentSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      if (input.storyId) {
        const story = await tx.story.findUnique({ where: { id: input.storyId }, select: { id: true } });
        if (!story) {
          throw new AppError("VALIDATION", "That story no longer exists.", {
            fieldErrors: { storyId: ["Pick a story from the list."] },
          });
        }
      }
      const document = await tx.document.create({
        data: {
          title: input.title,
          outlet: input.outlet,
          url: input.url ?? null,
          publishedAt: input.publishedAt ?? null,
          storyId: input.storyId ?? null,
          text: input.text,
          createdById: actor.id,
        },
        select: { id: true, title: true, outlet: true, url: true, publishedAt: true, storyId: true },
      });
      // The text itself can be long: the audit keeps its length and fingerprint instead.
      const textSha256 = createHash("sha256").update(input.text).digest("hex");
      await writeAudit(tx, {
        actorId: actor.id,
        action: "document.import",
        entityType: "document",
        entityId: document.id,
        after: { ...document, textLength: input.text.length, textSha256 },
      });
      return { id: document.id };
    }),
});

const anchorMismatch = "This sentence is not at that place in the article. Reload the page and tick it again.";

/**
 * Creates one claim per ticked candidate, all in one transaction: either every claim (and its audit
 * row) is written or none is. Each claim is anchored to its sentence, which the server finds again
 * in the stored text, so a tampered offset or sentence is refused.
 */
export const createClaimsFromCandidates = defineAction({
  permission: "claim.create",
  schema: createClaimsFromCandidatesSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const document = await tx.document.findUnique({
        where: { id: input.documentId },
        select: { id: true, text: true, storyId: true, publishedAt: true },
      });
      if (!document) throw new AppError("NOT_FOUND", "This article no longer exists.");

      const sentences = new Map(splitSentences(document.text).map((s) => [s.start, s.text]));
      const fieldErrors: FieldErrors = {};
      input.claims.forEach((claim, index) => {
        if (sentences.get(claim.sentenceStart) !== claim.sentence) fieldErrors[`claims.${index}.sentenceStart`] = [anchorMismatch];
      });
      if (Object.keys(fieldErrors).length > 0) {
        throw new AppError("VALIDATION", "Some ticked sentences do not match the article. Nothing was created.", { fieldErrors });
      }

      const created: Array<{ id: string; slug: string; text: string; sentenceStart: number | null }> = [];
      for (const candidate of input.claims) {
        const claim = await tx.claim.create({
          data: {
            slug: uniqueSlug(candidate.text),
            text: candidate.text,
            claimant: candidate.claimant,
            kind: candidate.kind,
            status: "NEW",
            claimedAt: document.publishedAt,
            storyId: document.storyId,
            documentId: document.id,
            sentence: candidate.sentence,
            sentenceStart: candidate.sentenceStart,
            createdById: actor.id,
          },
          select: {
            id: true,
            slug: true,
            text: true,
            claimant: true,
            kind: true,
            status: true,
            storyId: true,
            documentId: true,
            sentence: true,
            sentenceStart: true,
          },
        });
        await writeAudit(tx, {
          actorId: actor.id,
          action: "claim.create",
          entityType: "claim",
          entityId: claim.id,
          after: { ...claim, source: "document-extraction" },
        });
        created.push({ id: claim.id, slug: claim.slug, text: claim.text, sentenceStart: claim.sentenceStart });
      }
      return { documentId: document.id, claims: created };
    }, { timeout: 30_000 }),
});
