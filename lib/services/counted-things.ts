import { defineAction } from "./define";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { findTakenWords, getCountedThing, listClaimIdsCounting, lockVocabulary } from "../data/counted-things";
import { AppError } from "../errors";
import { createCountedThingSchema, mergeCountedThingsSchema, updateCountedThingSchema } from "../validations/counted-thing";
import { fieldError } from "./claims";
import { lockClaim, recomputeConflict } from "./evidence";
import { reopenApproval } from "./publications";

/** A word names one entry of a vocabulary: a label or synonym already used elsewhere is refused. */
async function assertWordsFree(tx: Tx, storyId: string | null, input: { label: string; synonyms: string[] }, exceptId?: string): Promise<void> {
  const taken = await findTakenWords(tx, storyId, [input.label, ...input.synonyms], exceptId);
  const label = taken.get(input.label);
  if (label) throw fieldError("label", `“${input.label}” already names “${label}” in this vocabulary: edit that entry, or merge into it.`);
  const synonym = input.synonyms.find((word) => taken.has(word));
  if (synonym) throw fieldError("synonyms", `“${synonym}” already names “${taken.get(synonym)}” in this vocabulary.`);
}

/**
 * What a figure counts changed (label, unit, running total or not, merged): every claim counting it
 * gets its conflict flag recomputed, and an approved verdict goes back to review, since the content
 * readers would see changed. The public record moves only when those claims are published again.
 */
async function refreshClaims(tx: Tx, countedThingIds: string[], actorId: string): Promise<number> {
  const claimIds = [...new Set((await Promise.all(countedThingIds.map((id) => listClaimIdsCounting(tx, id)))).flat())].sort();
  for (const claimId of claimIds) {
    await lockClaim(tx, claimId);
    await recomputeConflict(tx, claimId, actorId);
    await reopenApproval(tx, claimId, actorId);
  }
  return claimIds.length;
}

async function requireCountedThing(tx: Tx, id: string, field = "id") {
  const thing = await getCountedThing(tx, id);
  if (!thing) throw field === "id" ? new AppError("NOT_FOUND", "This counted thing no longer exists.") : fieldError(field, "That counted thing no longer exists.");
  return thing;
}

/** Adds an entry to a story's vocabulary. Fact-checkers may propose one; editors and admins curate them. */
export const createCountedThing = defineAction({
  permission: "vocabulary.propose",
  schema: createCountedThingSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const storyId = input.storyId ?? null;
      if (storyId && !(await tx.story.findUnique({ where: { id: storyId }, select: { id: true } }))) throw fieldError("storyId", "That story no longer exists.");
      await lockVocabulary(tx, storyId, "exclusive");
      await assertWordsFree(tx, storyId, input);
      const thing = await tx.countedThing.create({
        data: { storyId, label: input.label, unit: input.unit, cumulative: input.cumulative, synonyms: input.synonyms },
        select: { id: true, storyId: true, label: true, unit: true, cumulative: true, synonyms: true },
      });
      await writeAudit(tx, { actorId: actor.id, action: "counted_thing.create", entityType: "counted_thing", entityId: thing.id, after: thing });
      return thing;
    }),
});

/** Renames an entry, changes its unit, whether it is a running total, or its synonyms. */
export const updateCountedThing = defineAction({
  permission: "vocabulary.manage",
  schema: updateCountedThingSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const found = await requireCountedThing(tx, input.id);
      await lockVocabulary(tx, found.storyId, "exclusive");
      const before = await requireCountedThing(tx, input.id);
      await assertWordsFree(tx, before.storyId, input, before.id);
      const after = await tx.countedThing.update({
        where: { id: before.id },
        data: { label: input.label, unit: input.unit, cumulative: input.cumulative, synonyms: input.synonyms },
        select: { id: true, storyId: true, label: true, unit: true, cumulative: true, synonyms: true },
      });
      await writeAudit(tx, { actorId: actor.id, action: "counted_thing.update", entityType: "counted_thing", entityId: before.id, before, after });
      // Synonyms alone change what a reader sees too (the chart names them): every counting claim is refreshed.
      const claims = await refreshClaims(tx, [before.id], actor.id);
      return { ...after, claims };
    }),
});

/**
 * Folds an entry into another of the same vocabulary and unit ("people killed" into "deaths"): its
 * figures move over, its label and synonyms become synonyms of the other, and it is removed.
 */
export const mergeCountedThings = defineAction({
  permission: "vocabulary.manage",
  schema: mergeCountedThingsSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const found = await requireCountedThing(tx, input.id);
      await lockVocabulary(tx, found.storyId, "exclusive");
      const from = await requireCountedThing(tx, input.id);
      const into = await requireCountedThing(tx, input.intoId, "intoId");
      if (into.storyId !== from.storyId) throw fieldError("intoId", "Merge only within one story’s vocabulary.");
      if (into.unit !== from.unit) throw fieldError("intoId", `“${from.label}” counts ${from.unit}, “${into.label}” counts ${into.unit}: only counts in one unit can be merged.`);
      const claimIds = await listClaimIdsCounting(tx, from.id);
      for (const claimId of claimIds) await lockClaim(tx, claimId);
      const { count: figures } = await tx.reportedFigure.updateMany({ where: { countedThingId: from.id }, data: { countedThingId: into.id } });
      await tx.countedThing.delete({ where: { id: from.id } });
      const after = await tx.countedThing.update({
        where: { id: into.id },
        data: { synonyms: [...new Set([...into.synonyms, from.label, ...from.synonyms])] },
        select: { id: true, storyId: true, label: true, unit: true, cumulative: true, synonyms: true },
      });
      await writeAudit(tx, { actorId: actor.id, action: "counted_thing.merge", entityType: "counted_thing", entityId: into.id, before: { from, into }, after: { ...after, figuresMoved: figures } });
      const claims = await refreshClaims(tx, [into.id], actor.id);
      return { ...after, figuresMoved: figures, claims };
    }),
});
