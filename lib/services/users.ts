import { defineAction } from "./define";
import { writeAudit } from "../audit";
import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password";
import { issuePasswordLink, passwordLinkPath } from "../auth/password-links";
import type { Tx } from "../db/client";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { PasswordLinkPurpose } from "../generated/prisma/enums";
import { sendPasswordLinkEmail } from "../password-link-mail";
import { changeUserRoleSchema, createPasswordLinkSchema, createUserSchema, setUserDisabledSchema } from "../validations/user";

// What the admin screen and the audit log see of an account: never the password hash.
const USER_FIELDS = { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true } as const;

async function findUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: USER_FIELDS });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  return user;
}

/** What the admin sees once: the link to copy (never stored), its expiry, and whether it was mailed. */
export type PasswordLinkIssued = { userId: string; email: string; name: string; purpose: PasswordLinkPurpose; url: string; expiresAt: Date; emailed: boolean };

async function deliver(issued: Omit<PasswordLinkIssued, "url" | "emailed">, token: string): Promise<PasswordLinkIssued> {
  const env = getEnv();
  const url = `${(env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL).replace(/\/+$/, "")}${passwordLinkPath(token)}`;
  const emailed = await sendPasswordLinkEmail({ to: issued.email, name: issued.name, purpose: issued.purpose, url, expiresAt: issued.expiresAt }, env);
  return { ...issued, url, emailed };
}

/**
 * Invites a person: creates the account with a password nobody knows (the hash of 32 random
 * bytes, thrown away) and a 72-hour invitation link through which they choose their own.
 */
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
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    const { user, token, expiresAt } = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: USER_FIELDS,
      });
      const { token, link } = await issuePasswordLink(tx, { userId: user.id, purpose: "INVITE", createdById: actor.id });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        after: { ...user, invitation: { linkId: link.id, expiresAt: link.expiresAt } },
      });
      return { user, token, expiresAt: link.expiresAt };
    });
    return deliver({ userId: user.id, email: user.email, name: user.name, purpose: "INVITE", expiresAt }, token);
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
      // A disabled account's open password link stops working for good.
      if (input.disabled) await tx.passwordLink.updateMany({ where: { userId: after.id, usedAt: null, voidedAt: null }, data: { voidedAt: new Date() } });
      const action = input.disabled ? "user.disable" : "user.enable";
      await writeAudit(tx, { actorId: actor.id, action, entityType: "user", entityId: after.id, before, after });
      return after;
    }),
});

/**
 * A one-hour link through which an existing person chooses a new password. Their password and
 * sessions are untouched until the link is used; any older open link of theirs stops working.
 */
export const createPasswordLink = defineAction({
  permission: "user.manage",
  schema: createPasswordLinkSchema,
  run: async ({ db, actor, input }) => {
    const { user, token, expiresAt } = await db.$transaction(async (tx) => {
      const user = await findUser(tx, input.userId);
      if (user.disabled) {
        throw new AppError("INVALID_STATE", "This account is disabled: re-enable it before sending a reset link.");
      }
      const { token, link, voided } = await issuePasswordLink(tx, { userId: user.id, purpose: "RESET", createdById: actor.id });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "user.password_link",
        entityType: "user",
        entityId: user.id,
        after: { linkId: link.id, purpose: link.purpose, expiresAt: link.expiresAt, voidedOlderLinks: voided },
      });
      return { user, token, expiresAt: link.expiresAt };
    });
    return deliver({ userId: user.id, email: user.email, name: user.name, purpose: "RESET", expiresAt }, token);
  },
});
