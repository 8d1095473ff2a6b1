import { defineAction } from "./define";
import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { loadStory } from "../data/stories";
import { slugify, uniqueSlug } from "../domain/slug";
import { AppError } from "../errors";
import { archiveStorySchema, createStorySchema, updateStorySchema } from "../validations/story";
import { reopenApproval } from "./publications";

/*
 * Stories in the desk. What readers see of a story (slug, title, summary, start date) is read from
 * the publication snapshots of its claims, never from this table, so a desk edit changes no public
 * byte: it shows publicly when a claim of the story is next published (an approval covers it, since
 * the story is part of each claim's approved content). Hence an edit reopens the approval of every
 * approved claim in the story, and the slug, a public URL, never changes after creation.
 */

export const createStory = defineAction({
  permission: "story.manage",
  schema: createStorySchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const readable = slugify(input.title, 8);
      const slug = (await tx.story.findUnique({ where: { slug: readable }, select: { id: true } })) ? uniqueSlug(input.title) : readable;
      const story = await tx.story.create({ data: { slug, title: input.title, summary: input.summary ?? "", startsOn: input.startsOn ?? null }, select: { id: true } });
      const after = await loadStory(tx, story.id);
      await writeAudit(tx, { actorId: actor.id, action: "story.create", entityType: "story", entityId: story.id, after });
      return { id: story.id, slug };
    }),
});

async function reopenStoryApprovals(tx: Tx, storyId: string, actorId: string) {
  const claims = await tx.claim.findMany({ where: { storyId, verdicts: { some: { state: "APPROVED" } } }, select: { id: true } });
  for (const claim of claims) await reopenApproval(tx, claim.id, actorId);
}

export const updateStory = defineAction({
  permission: "story.manage",
  schema: updateStorySchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadStory(tx, input.id);
      if (!before) throw new AppError("NOT_FOUND", "This story no longer exists.");
      await tx.story.update({ where: { id: input.id }, data: { title: input.title, summary: input.summary ?? "", startsOn: input.startsOn ?? null } });
      const after = await loadStory(tx, input.id);
      await writeAudit(tx, { actorId: actor.id, action: "story.update", entityType: "story", entityId: input.id, before, after });
      await reopenStoryApprovals(tx, input.id, actor.id);
      return { id: input.id, slug: before.slug };
    }),
});

/** Archiving takes a story out of the desk's pickers; its claims and publications stay as they are. */
export const archiveStory = defineAction({
  permission: "story.manage",
  schema: archiveStorySchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await loadStory(tx, input.id);
      if (!before) throw new AppError("NOT_FOUND", "This story no longer exists.");
      await tx.story.update({ where: { id: input.id }, data: { archivedAt: input.archived ? (before.archivedAt ?? new Date()) : null } });
      const after = await loadStory(tx, input.id);
      await writeAudit(tx, { actorId: actor.id, action: input.archived ? "story.archive" : "story.unarchive", entityType: "story", entityId: input.id, before, after });
      return { id: input.id, slug: before.slug };
    }),
});
