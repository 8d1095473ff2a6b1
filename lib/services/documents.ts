import { createHash } from "node:crypto";
import { defineAction } from "./define";
import { writeAudit } from "../audit";
import { AppError, type FieldErrors } from "../errors";
import { lockClaimants } from "../data/claimants";
import { findSimilarClaims, type SimilarClaim } from "../data/claims";
import { insertClaim } from "../data/insert-claim";
import { detectLanguage } from "../extraction/language";
import { splitSentences } from "../extraction/sentences";
import { storedCandidates } from "../extraction/stored";
import { createClaimsFromCandidatesSchema, importDocumentFromUrlSchema, importDocumentSchema, type ImportDocumentInputParsed } from "../validations/document";
import type { Tx } from "../db/client";
import { captureForSnapshot } from "./source-snapshots";
import { findOrCreateSource } from "./evidence";

/** Stores an article (pasted or fetched) so its sentences can be turned into claims, with its audit row. */
async function createDocument(tx: Tx, actorId: string, input: ImportDocumentInputParsed, fetched?: { finalUrl: string; mainTextSha256: string }) {
  if (input.storyId) {
    const story = await tx.story.findUnique({ where: { id: input.storyId }, select: { id: true } });
    if (!story) {
      throw new AppError("VALIDATION", "That story no longer exists.", {
        fieldErrors: { storyId: ["Pick a story from the list."] },
      });
    }
  }
  const language = input.language ?? detectLanguage(input.text);
  const document = await tx.document.create({
    data: {
      language,
      title: input.title,
      outlet: input.outlet,
      url: input.url ?? null,
      publishedAt: input.publishedAt ?? null,
      storyId: input.storyId ?? null,
      text: input.text,
      // Proposed once here, read by every view of the document's page.
      candidates: storedCandidates(input.text, { outlet: input.outlet, language }),
      createdById: actorId,
    },
    select: { id: true, title: true, outlet: true, url: true, publishedAt: true, storyId: true, language: true },
  });
  // The text itself can be long: the audit keeps its length and fingerprint instead.
  const textSha256 = createHash("sha256").update(input.text).digest("hex");
  await writeAudit(tx, {
    actorId,
    action: "document.import",
    entityType: "document",
    entityId: document.id,
    after: { ...document, textLength: input.text.length, textSha256, ...(fetched ? { fetchedFrom: fetched.finalUrl } : {}) },
  });
  return { id: document.id };
}

/** Stores a pasted article so its sentences can be turned into claims. Returns the new id. */
export const importDocument = defineAction({
  permission: "document.import",
  schema: importDocumentSchema,
  run: ({ db, actor, input }) => db.$transaction((tx) => createDocument(tx, actor.id, input)),
});

/**
 * Imports an article by its address: fetched through the safe fetcher (lib/fetcher), its main text
 * extracted as for snapshots, then stored like a pasted one (the usual candidates flow follows).
 */
export const importDocumentFromUrl = defineAction({
  permission: "document.import",
  schema: importDocumentFromUrlSchema,
  run: async ({ db, actor, input }) => {
    const capture = await captureForSnapshot(input.url);
    if (!capture.ok) throw new AppError("VALIDATION", capture.reason, { fieldErrors: { url: [capture.reason] } });
    const { page } = capture;
    const parsed = importDocumentSchema.safeParse({
      title: (page.title ?? new URL(page.finalUrl).hostname).replace(/\s+/g, " ").trim(),
      outlet: input.outlet ?? new URL(page.finalUrl).hostname.replace(/^www\./, ""),
      url: page.finalUrl,
      storyId: input.storyId,
      text: page.mainText,
    });
    if (!parsed.success) {
      const message = "The page was fetched, but no article text could be read from it. Paste the text instead.";
      throw new AppError("VALIDATION", message, { fieldErrors: { url: [message] } });
    }
    return db.$transaction((tx) => createDocument(tx, actor.id, parsed.data, page));
  },
});

const anchorMismatch = "This sentence is not at that place in the article. Reload the page and tick it again.";

/** Existing claims similar to a ticked one (`index` in the submitted list), shown before anything is created. */
export type CandidateDuplicates = { index: number; sentenceStart: number; text: string; similar: SimilarClaim[] };
export type CreateFromCandidatesOutcome =
  | { needsConfirmation: true; duplicates: CandidateDuplicates[] }
  | { needsConfirmation: false; documentId: string; claims: Array<{ id: string; slug: string; text: string; sentenceStart: number | null }> };

/**
 * Creates one claim per ticked candidate, all in one transaction: either every claim (with its audit
 * row and, unless unticked, the article as its first source) is written or none is. Each claim is
 * anchored to its sentence, which the server finds again in the stored text, so a tampered offset
 * or sentence is refused. Unless `confirmDuplicate` is set, the same duplicate check as "New claim"
 * runs first and similar existing claims are returned without writing anything.
 */
export const createClaimsFromCandidates = defineAction({
  permission: "claim.create",
  schema: createClaimsFromCandidatesSchema,
  run: async ({ db, actor, input }): Promise<CreateFromCandidatesOutcome> => {
    if (!input.confirmDuplicate) {
      const duplicates: CandidateDuplicates[] = [];
      for (const [index, claim] of input.claims.entries()) {
        const similar = await findSimilarClaims(claim.text, { db });
        if (similar.length > 0) duplicates.push({ index, sentenceStart: claim.sentenceStart, text: claim.text, similar });
      }
      if (duplicates.length > 0) return { needsConfirmation: true, duplicates };
    }
    return db.$transaction(async (tx) => {
      const document = await tx.document.findUnique({
        where: { id: input.documentId },
        select: { id: true, text: true, storyId: true, publishedAt: true, url: true, outlet: true, title: true, language: true },
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

      // The claimants' lock before any audited write: every audit row takes the audit chain's lock
      // (audit_log_chain), and "New claim" takes the claimants' lock first, then that one. Taken in
      // the other order, the two transactions could each wait for the other's lock (a deadlock).
      await lockClaimants(tx);
      // The article itself, as a source: found again by its URL when it is already one.
      const source =
        document.url && input.claims.some((c) => c.addSource)
          ? await findOrCreateSource(
              tx,
              { url: document.url, outlet: document.outlet, type: "NEWS_OUTLET", language: document.language, title: document.title, publishedAt: document.publishedAt ?? undefined },
              actor.id,
            )
          : null;

      const created: Array<{ id: string; slug: string; text: string; sentenceStart: number | null }> = [];
      for (const candidate of input.claims) {
        const claim = await insertClaim(
          tx,
          { ...candidate, claimedAt: document.publishedAt, storyId: document.storyId, documentId: document.id },
          { actorId: actor.id, via: "document-extraction" },
        );
        if (source && candidate.addSource) {
          const evidence = await tx.evidence.create({
            data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: candidate.sentence, attribution: candidate.claimant, createdById: actor.id },
            select: { id: true, claimId: true, sourceId: true, stance: true, excerpt: true, attribution: true },
          });
          await writeAudit(tx, { actorId: actor.id, action: "evidence.create", entityType: "evidence", entityId: evidence.id, after: { ...evidence, via: "document-extraction" } });
        }
        created.push({ id: claim.id, slug: claim.slug, text: claim.text, sentenceStart: claim.sentenceStart });
      }
      return { needsConfirmation: false as const, documentId: document.id, claims: created };
    }, { timeout: 30_000 });
  },
});
