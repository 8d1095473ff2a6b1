import { defineAction } from "./define";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { loadConflictInputs } from "../data/evidence";
import { findSourceByUrl } from "../data/sources";
import { findCountedThingByWords, lockVocabulary } from "../data/counted-things";
import { hasConflict } from "../domain/conflicts";
import { AppError } from "../errors";
import type { SourceType } from "../generated/prisma/enums";
import { normalizeUrl } from "../urls";
import { attachEvidenceSchema, editEvidenceSchema, isEnglish, removeEvidenceSchema, TRANSLATION_OF_ENGLISH } from "../validations/evidence";
import { fieldError } from "./claims";
import { assertClaimEditable, reopenApproval } from "./publications";
import { captureForSnapshot, keepSnapshotFor } from "./source-snapshots";
import type { AttachEvidenceInput, CitesInput, FigureInput } from "../validations/evidence";

/**
 * The claim's story (null: outside any story), with its vocabulary locked shared before the claim
 * is locked (the order vocabulary edits use), so the entry a figure names cannot be merged away meanwhile.
 */
async function lockStoryVocabulary(tx: Tx, claimId: string): Promise<string | null> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { storyId: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists.");
  await lockVocabulary(tx, claim.storyId, "shared");
  return claim.storyId;
}

/** The figure's row, what it counts resolved through the story's vocabulary (a label or a synonym). */
async function figureRow(tx: Tx, storyId: string | null, figure: FigureInput) {
  const thing = await findCountedThingByWords(tx, storyId, figure.counted);
  if (!thing) {
    throw fieldError(
      "figureCounted",
      `“${figure.counted}” is not in ${storyId ? "this story’s" : "the"} vocabulary of counted things. Pick one from the suggestions, or add it under Counted things first.`,
    );
  }
  const { counted: _counted, ...row } = figure;
  return { ...row, countedThingId: thing.id };
}

/**
 * Everything an evidence write locks, in the order vocabulary edits use: the story's vocabulary
 * (shared), then the claim; refuses a retracted claim. Returns the claim's story.
 */
async function lockEvidenceClaim(tx: Tx, claimId: string): Promise<string | null> {
  const storyId = await lockStoryVocabulary(tx, claimId);
  await lockClaim(tx, claimId);
  // The claim moved to another story between the two reads: its vocabulary lock is the wrong one.
  if ((await tx.claim.findUnique({ where: { id: claimId }, select: { storyId: true } }))?.storyId !== storyId) {
    throw new AppError("CONFLICT", "The claim moved to another story meanwhile. Reload and try again.");
  }
  await assertClaimEditable(tx, claimId);
  return storyId;
}

/** The cited source's id: an existing one (checked), a new one by URL, or none; never the source itself. */
async function resolveCites(tx: Tx, cites: CitesInput, sourceId: string, actorId: string): Promise<string | null> {
  let citesSourceId: string | null = null;
  if (cites && "sourceId" in cites) {
    const cited = await tx.source.findUnique({ where: { id: cites.sourceId }, select: { id: true } });
    if (!cited) throw fieldError("citesSourceId", "That cited source no longer exists.");
    citesSourceId = cited.id;
  } else if (cites) {
    citesSourceId = (await findOrCreateSource(tx, cites, actorId)).id;
  }
  if (citesSourceId === sourceId) {
    throw fieldError(cites && "sourceId" in cites ? "citesSourceId" : "citesUrl", "A source cannot cite itself.");
  }
  return citesSourceId;
}

type Statement = Pick<AttachEvidenceInput, "stance" | "excerpt" | "location" | "attribution" | "note" | "translation">;

/** The evidence row's own words, as attaching and editing store them (blank is null). */
const statementData = (input: Statement) => ({
  stance: input.stance,
  excerpt: input.excerpt,
  location: input.location ?? null,
  attribution: input.attribution ?? null,
  note: input.note ?? null,
  translation: input.translation ?? null,
});

/** What the audit log keeps of an evidence row (before and after a change). */
const auditSelect = {
  id: true, claimId: true, sourceId: true, citesSourceId: true, stance: true, excerpt: true, excerptLanguage: true,
  translation: true, translatedById: true, attribution: true, location: true, note: true, revision: true, figure: true,
} as const;

/** Locks the claim row for the rest of the transaction, so conflict recomputations never interleave. */
export async function lockClaim(tx: Tx, claimId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "claims" WHERE "id" = ${claimId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "This claim no longer exists.");
}

/**
 * Recomputes claims.has_conflict from the claim's evidence and figures (lib/domain/conflicts.ts).
 * Call inside the transaction that changed them, after locking the claim.
 */
export async function recomputeConflict(tx: Tx, claimId: string, actorId: string | null): Promise<boolean> {
  const next = hasConflict(await loadConflictInputs(tx, claimId));
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { hasConflict: true } });
  if (claim && claim.hasConflict !== next) {
    await tx.claim.update({ where: { id: claimId }, data: { hasConflict: next } });
    await writeAudit(tx, {
      actorId,
      action: "claim.conflict_flag",
      entityType: "claim",
      entityId: claimId,
      before: { hasConflict: claim.hasConflict },
      after: { hasConflict: next },
    });
  }
  return next;
}

export type NewSource = {
  url: string;
  outlet: string;
  type: SourceType;
  language?: string;
  title?: string;
  publishedAt?: Date;
  archiveUrl?: string;
  snapshotText?: string;
  reliabilityNote?: string;
};

/** The source for a URL: the existing one when the normalised URL matches, else a new row. */
export async function findOrCreateSource(tx: Tx, source: NewSource, actorId: string) {
  const normalizedUrl = normalizeUrl(source.url);
  // ON CONFLICT DO NOTHING: two people attaching the same new URL at once both end up with one source.
  const { count } = await tx.source.createMany({
    data: [
      {
        url: source.url,
        normalizedUrl,
        outlet: source.outlet,
        type: source.type,
        language: source.language ?? "en",
        title: source.title ?? null,
        publishedAt: source.publishedAt ?? null,
        accessedAt: new Date(),
        archiveUrl: source.archiveUrl ?? null,
        snapshotText: source.snapshotText ?? null,
        reliabilityNote: source.reliabilityNote ?? null,
      },
    ],
    skipDuplicates: true,
  });
  const row = await findSourceByUrl(tx, source.url);
  if (!row) throw new Error(`source for ${normalizedUrl} vanished inside its transaction`);
  if (count === 1) {
    await writeAudit(tx, { actorId, action: "source.create", entityType: "source", entityId: row.id, after: { ...source, normalizedUrl } });
  }
  return { id: row.id, reused: count === 0 };
}

/**
 * Attaches a source to a claim with its excerpt, stance, citation and optional reported figure,
 * and recomputes the claim's conflict flag in the same transaction. With keepSnapshot the page is
 * fetched first (lib/fetcher) and a copy kept, the excerpt checked against it; a refused or failed
 * fetch still attaches the source, and says why no copy was kept.
 */
export const attachEvidence = defineAction({
  permission: "evidence.create",
  schema: attachEvidenceSchema,
  run: async ({ db, actor, input }) => {
    // Fetched before the transaction: a slow site must not hold the claim's lock.
    const capture = input.keepSnapshot ? await captureForSnapshot(input.url) : null;
    return db.$transaction(async (tx) => {
      const storyId = await lockEvidenceClaim(tx, input.claimId);
      const figure = input.figure ? await figureRow(tx, storyId, input.figure) : null;
      const source = await findOrCreateSource(tx, input, actor.id);
      const duplicate = await tx.evidence.findUnique({
        where: { claimId_sourceId: { claimId: input.claimId, sourceId: source.id } },
        select: { id: true },
      });
      if (duplicate) throw fieldError("url", "This source is already attached to this claim. Remove that evidence first to attach it again.");

      const citesSourceId = await resolveCites(tx, input.cites, source.id, actor.id);
      const evidence = await tx.evidence.create({
        data: {
          claimId: input.claimId,
          sourceId: source.id,
          citesSourceId,
          ...statementData(input),
          excerptLanguage: input.excerptLanguage ?? input.language,
          translatedById: input.translation ? actor.id : null,
          createdById: actor.id,
          figure: figure ? { create: figure } : undefined,
        },
        select: auditSelect,
      });
      await writeAudit(tx, { actorId: actor.id, action: "evidence.create", entityType: "evidence", entityId: evidence.id, after: evidence });
      const snapshot = capture?.ok
        ? await keepSnapshotFor(tx, { evidenceId: evidence.id, sourceId: source.id, excerpt: input.excerpt, page: capture.page, actorId: actor.id })
        : null;
      const conflict = await recomputeConflict(tx, input.claimId, actor.id);
      await reopenApproval(tx, input.claimId, actor.id);
      return {
        id: evidence.id,
        sourceId: source.id,
        sourceReused: source.reused,
        citesSourceId,
        hasConflict: conflict,
        snapshot: snapshot ?? (capture && !capture.ok ? { refused: capture.reason } : null),
      };
    });
  },
});

function staleEvidence(current: { revision: number }): AppError {
  return new AppError(
    "CONFLICT",
    `Someone changed this evidence since you opened it (it is now revision ${current.revision}). Nothing was saved: reload to see their version, then make your change again.`,
    { current: { revision: current.revision } },
  );
}

/**
 * Edits what an attached source says (excerpt, who speaks, where, stance, note, translation, what
 * it cites, the figure), never the source itself, under optimistic locking: the form sends the
 * revision it was opened at and an older one is refused with CONFLICT, nothing written. The same
 * rules as attaching (the schema's checks, the vocabulary, cites), the conflict flag recomputed
 * and an approval reopened in the same transaction, audited with before and after.
 */
export const editEvidence = defineAction({
  permission: "evidence.create",
  schema: editEvidenceSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const found = await tx.evidence.findUnique({ where: { id: input.id }, select: { claimId: true } });
      if (!found) throw new AppError("NOT_FOUND", "This evidence was removed meanwhile.");
      const storyId = await lockEvidenceClaim(tx, found.claimId);
      const before = await tx.evidence.findUnique({ where: { id: input.id }, select: { ...auditSelect, source: { select: { language: true } } } });
      if (!before) throw new AppError("NOT_FOUND", "This evidence was removed meanwhile.");
      if (before.revision !== input.revision) throw staleEvidence(before);
      if (input.translation && isEnglish(input.excerptLanguage ?? before.source.language)) throw fieldError("translation", TRANSLATION_OF_ENGLISH);
      const figure = input.figure ? await figureRow(tx, storyId, input.figure) : null;
      const citesSourceId = await resolveCites(tx, input.cites, before.sourceId, actor.id);

      // Guarded by the revision too: the claim lock already orders every evidence write.
      const { count } = await tx.evidence.updateMany({
        where: { id: before.id, revision: before.revision },
        data: {
          ...statementData(input),
          citesSourceId,
          // As attaching stores it: blank is the source's language.
          excerptLanguage: input.excerptLanguage ?? before.source.language,
          // The translator is whoever last changed the translation.
          translatedById: !input.translation ? null : input.translation === before.translation ? before.translatedById : actor.id,
          revision: { increment: 1 },
        },
      });
      if (count === 0) throw staleEvidence(await tx.evidence.findUniqueOrThrow({ where: { id: before.id }, select: { revision: true } }));
      if (figure) {
        await tx.reportedFigure.upsert({ where: { evidenceId: before.id }, create: { ...figure, evidenceId: before.id }, update: figure });
      } else {
        await tx.reportedFigure.deleteMany({ where: { evidenceId: before.id } });
      }
      const after = await tx.evidence.findUniqueOrThrow({ where: { id: before.id }, select: auditSelect });
      const { source: _source, ...beforeRow } = before;
      await writeAudit(tx, { actorId: actor.id, action: "evidence.update", entityType: "evidence", entityId: before.id, before: beforeRow, after });
      const conflict = await recomputeConflict(tx, before.claimId, actor.id);
      await reopenApproval(tx, before.claimId, actor.id);
      return { id: before.id, claimId: before.claimId, revision: after.revision, hasConflict: conflict };
    }),
});

/** Removes one piece of evidence (never the shared source) and recomputes the conflict flag. */
export const removeEvidence = defineAction({
  permission: "evidence.delete",
  schema: removeEvidenceSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const found = await tx.evidence.findUnique({ where: { id: input.id }, select: { claimId: true } });
      if (!found) throw new AppError("NOT_FOUND", "This evidence was already removed.");
      await lockClaim(tx, found.claimId);
      await assertClaimEditable(tx, found.claimId);
      const before = await tx.evidence.findUnique({ where: { id: input.id }, include: { figure: true } });
      if (!before) throw new AppError("NOT_FOUND", "This evidence was already removed.");
      if ((await tx.verdictEvidence.count({ where: { evidenceId: input.id } })) > 0) {
        throw new AppError("INVALID_STATE", "A verdict relies on this evidence. Take it out of the verdict before removing it.");
      }
      await tx.evidence.delete({ where: { id: input.id } });
      await writeAudit(tx, { actorId: actor.id, action: "evidence.delete", entityType: "evidence", entityId: input.id, before });
      const conflict = await recomputeConflict(tx, before.claimId, actor.id);
      await reopenApproval(tx, before.claimId, actor.id);
      return { id: input.id, claimId: before.claimId, hasConflict: conflict };
    }),
});
