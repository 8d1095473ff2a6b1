import { defineAction } from "./define";
import { writeAudit } from "../audit";
import { listMentionable } from "../data/comments";
import { createNotifications } from "../data/notifications";
import { AppError } from "../errors";
import { findMentions } from "../mentions";
import { createCommentSchema } from "../validations/comment";

/**
 * Adds a comment to a claim's desk conversation and notifies everyone it @mentions. Comments are
 * desk-only: no publication snapshot, public page, API or feed reads them.
 */
export const addComment = defineAction({
  permission: "comment.create",
  schema: createCommentSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, slug: true } });
      if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists.");
      const comment = await tx.claimComment.create({
        data: { claimId: claim.id, authorId: actor.id, body: input.body },
        select: { id: true, claimId: true, body: true, createdAt: true },
      });
      const mentioned = findMentions(input.body, await listMentionable(tx)).map((user) => user.id);
      const notified = await createNotifications(tx, { kind: "MENTIONED", claimId: claim.id, actorId: actor.id, recipientIds: mentioned, commentId: comment.id });
      await writeAudit(tx, { actorId: actor.id, action: "comment.create", entityType: "comment", entityId: comment.id, after: { ...comment, mentioned } });
      return { id: comment.id, slug: claim.slug, notified: notified.length };
    }),
});
