import { writeAudit } from "../audit";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { AppError, fromDatabaseError, ok, type Result } from "../errors";
import { operatorCreateUserSchema, passwordSchema } from "../validations/user";
import { z } from "../validations/zod";

/*
 * Accounts managed from the command line by whoever runs the server (`npm run user:create`,
 * `npm run user:password`): the first admin, and an admin who is locked out. No session exists, so
 * the audit row's actor is the command itself, with the operating-system user who ran it.
 * Same schemas, hashing and audit as the admin page (lib/services/users.ts).
 */

export type Operator = { command: string; osUser: string; host: string };

const USER_FIELDS = { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true } as const;

function invalid(error: z.ZodError): Result<never> {
  return { ok: false, code: "VALIDATION", message: "Fix the fields below.", fieldErrors: z.flattenError(error).fieldErrors };
}

async function guard<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    const known = error instanceof AppError ? error : fromDatabaseError(error);
    if (known) return known.toResult();
    throw error;
  }
}

export async function createUserAsOperator(db: Db, input: unknown, operator: Operator) {
  const parsed = operatorCreateUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  return guard(async () => {
    const taken = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (taken) {
      throw new AppError("CONFLICT", "An account with this email already exists.", { fieldErrors: { email: ["An account with this email already exists."] } });
    }
    const passwordHash = await hashPassword(data.password);
    return db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash }, select: USER_FIELDS });
      await writeAudit(tx, { actorId: null, action: "user.create", entityType: "user", entityId: user.id, after: { ...user, operator } });
      return user;
    });
  });
}

const resetSchema = z.object({ email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")), password: passwordSchema });

/**
 * Sets a new password, ends the account's sessions and clears its failed sign-ins, so a locked-out
 * admin can sign in at once.
 */
export async function resetPasswordAsOperator(db: Db, input: unknown, operator: Operator) {
  const parsed = resetSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, password } = parsed.data;
  return guard(async () => {
    const passwordHash = await hashPassword(password);
    return db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { email }, select: USER_FIELDS });
      if (!before) throw new AppError("NOT_FOUND", `No account with the email ${email}.`, { fieldErrors: { email: ["No account with this email."] } });
      const after = await tx.user.update({ where: { id: before.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: USER_FIELDS });
      await tx.loginAttempt.deleteMany({ where: { email, success: false } });
      await writeAudit(tx, {
        actorId: null,
        action: "user.password_reset",
        entityType: "user",
        entityId: after.id,
        before,
        after: { ...after, passwordChanged: true, operator },
      });
      return after;
    });
  });
}
