import { defineAction } from "./define";
import { writeAudit } from "../audit";
import { AppError } from "../errors";
import { markNotificationsReadSchema } from "../validations/notification";

/** Marks one of the caller's notifications, or all of them, read. Nobody marks another's. */
export const markNotificationsRead = defineAction({
  permission: "desk.read",
  schema: markNotificationsReadSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const now = new Date();
      if (input.id) {
        const { count } = await tx.notification.updateMany({ where: { id: input.id, recipientId: actor.id, readAt: null }, data: { readAt: now } });
        if (count === 0 && !(await tx.notification.findFirst({ where: { id: input.id, recipientId: actor.id }, select: { id: true } }))) {
          throw new AppError("NOT_FOUND", "This notification no longer exists.");
        }
        await writeAudit(tx, { actorId: actor.id, action: "notification.read", entityType: "notification", entityId: input.id, after: { readAt: now } });
        return { id: input.id, count };
      }
      const { count } = await tx.notification.updateMany({ where: { recipientId: actor.id, readAt: null }, data: { readAt: now } });
      await writeAudit(tx, { actorId: actor.id, action: "notification.read_all", entityType: "user", entityId: actor.id, after: { count, readAt: now } });
      return { id: actor.id, count };
    }),
});
