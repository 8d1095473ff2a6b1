import "server-only";
import type { Db, Tx } from "../db/client";

/** One entry of a story's vocabulary of counted things, as the desk shows it. */
export type CountedThingDto = { id: string; label: string; unit: string; cumulative: boolean; synonyms: string[]; figureCount: number };

/** A story's vocabulary (null: the vocabulary of claims outside any story), labels in order. */
export async function listCountedThings(db: Db | Tx, storyId: string | null): Promise<CountedThingDto[]> {
  const rows = await db.countedThing.findMany({
    where: { storyId },
    orderBy: [{ label: "asc" }],
    select: { id: true, label: true, unit: true, cumulative: true, synonyms: true, _count: { select: { figures: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, figureCount: _count.figures }));
}

/** The entry a word names in a vocabulary: its label or one of its synonyms (normalised words). */
export async function findCountedThingByWords(db: Db | Tx, storyId: string | null, words: string) {
  return db.countedThing.findFirst({
    where: { storyId, OR: [{ label: words }, { synonyms: { has: words } }] },
    select: { id: true, label: true, unit: true, cumulative: true, synonyms: true, storyId: true },
  });
}

export async function getCountedThing(db: Db | Tx, id: string) {
  return db.countedThing.findUnique({ where: { id }, select: { id: true, storyId: true, label: true, unit: true, cumulative: true, synonyms: true } });
}

/** Words already taken in a vocabulary (labels and synonyms), other than by entry `exceptId`. */
export async function findTakenWords(db: Db | Tx, storyId: string | null, words: string[], exceptId?: string): Promise<Map<string, string>> {
  const rows = await db.countedThing.findMany({
    where: { storyId, id: exceptId ? { not: exceptId } : undefined, OR: [{ label: { in: words } }, { synonyms: { hasSome: words } }] },
    select: { label: true, synonyms: true },
  });
  const taken = new Map<string, string>();
  for (const row of rows) for (const word of [row.label, ...row.synonyms]) if (words.includes(word)) taken.set(word, row.label);
  return taken;
}

/** The claims with a figure counting this entry, for recomputing their conflict flags. */
export async function listClaimIdsCounting(db: Db | Tx, countedThingId: string): Promise<string[]> {
  const rows = await db.evidence.findMany({ where: { figure: { countedThingId } }, select: { claimId: true }, distinct: ["claimId"], orderBy: { claimId: "asc" } });
  return rows.map((row) => row.claimId);
}

/** Stories to choose a vocabulary from, newest first. */
export async function listStoriesForVocabulary(db: Db | Tx) {
  return db.story.findMany({ orderBy: [{ startsOn: { sort: "desc", nulls: "last" } }, { title: "asc" }], select: { id: true, slug: true, title: true }, take: 500 });
}

/**
 * Serialises changes to one story's vocabulary (null: claims outside any story). Vocabulary writes
 * take it exclusively, a figure being recorded takes it shared, and both take it before any claim
 * lock, so a merge never removes the entry a figure is being attached to and the order never deadlocks.
 */
export async function lockVocabulary(tx: Tx, storyId: string | null, mode: "exclusive" | "shared"): Promise<void> {
  const key = `counted_things:${storyId ?? "none"}`;
  if (mode === "exclusive") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${key}))`;
}
