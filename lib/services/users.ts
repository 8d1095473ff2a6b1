import { defineAction } from "./define";
import { writeAudit } from "../audit";
import { hashPassword } from "../auth/password";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import {
  changeUserRoleSchema,
  createUserSchema,
  resetUserPasswordSchema,
  setUserDisabledSchema,
} from "../validations/user";

// What the admin screen and the audit log see of an account: never the password hash.
const USER_FIELDS = { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true } as const;

async function findUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: USER_FIELDS });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  return user;
}

export const createUser = defineAction({
  permission: "user.manage",
  schema: createUserSchema,
  run: async ({ db, actor, input }) => {
    const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) {
      throw new AppError("CONFLICT", "An account with this email already exists.", {
        fieldErrors: { email: ["An account with this email already exists."] },
      });
    }
    // Hashing is slow on purpose: do it before the transaction opens.
    const passwordHash = await hashPassword(input.password);
    return db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: USER_FIELDS,
      });
      await writeAudit(tx, { actorId: actor.id, action: "user.create", entityType: "user", entityId: user.id, after: user });
      return user;
    });
  },
});

/** Changing a role ends the person's current sessions (sessionVersion is bumped with it). */
export const changeUserRole = defineAction({
  permission: "user.manage",
  schema: changeUserRoleSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await findUser(tx, input.userId);
      if (before.role === input.role) return before;
      if (before.id === actor.id) {
        throw new AppError("INVALID_STATE", "You cannot change your own role: ask another admin, so nobody locks themselves out.", {
          fieldErrors: { role: ["You cannot change your own role."] },
        });
      }
      const after = await tx.user.update({
        where: { id: before.id },
        data: { role: input.role, sessionVersion: { increment: 1 } },
        select: USER_FIELDS,
      });
      await writeAudit(tx, { actorId: actor.id, action: "user.role_change", entityType: "user", entityId: after.id, before, after });
      return after;
    }),
});

/** Disabling (or re-enabling) an account ends its current sessions. */
export const setUserDisabled = defineAction({
  permission: "user.manage",
  schema: setUserDisabledSchema,
  run: ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      const before = await findUser(tx, input.userId);
      if (before.disabled === input.disabled) return before;
      if (before.id === actor.id) {
        throw new AppError("INVALID_STATE", "You cannot disable your own account: ask another admin, so nobody locks themselves out.");
      }
      const after = await tx.user.update({
        where: { id: before.id },
        data: { disabled: input.disabled, sessionVersion: { increment: 1 } },
        select: USER_FIELDS,
      });
      const action = input.disabled ? "user.disable" : "user.enable";
      await writeAudit(tx, { actorId: actor.id, action, entityType: "user", entityId: after.id, before, after });
      return after;
    }),
});

/** Sets a new password chosen by an admin and ends the account's current sessions. */
export const resetUserPassword = defineAction({
  permission: "user.manage",
  schema: resetUserPasswordSchema,
  run: async ({ db, actor, input }) => {
    const passwordHash = await hashPassword(input.password);
    return db.$transaction(async (tx) => {
      const before = await findUser(tx, input.userId);
      const after = await tx.user.update({
        where: { id: before.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
        select: USER_FIELDS,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "user.password_reset",
        entityType: "user",
        entityId: after.id,
        before,
        after: { ...after, passwordChanged: true },
      });
      return after;
    });
  },
});
