import { z } from "zod";
import { getDb } from "../db";
import type { Db } from "../db/client";
import { AppError, fromDatabaseError, ok, type Result } from "../errors";
import { requireActor, type Actor, type SessionRef } from "../auth/actor";
import type { Permission } from "../auth/permissions";

export type ActionContext<I> = { db: Db; actor: Actor; input: I };

type AnyAction = (session: SessionRef, input: unknown) => Promise<Result<unknown>>;

/** Every action ever defined, with its permission: lets one test walk them all (audit coverage). */
export const ACTIONS = new Map<AnyAction, { permission: Permission }>();

/**
 * The one wrapper every mutation goes through: session -> role (read from the database) -> zod
 * parse -> run. Expected failures come back as typed results; anything else is logged and thrown.
 * The returned function takes the session explicitly so tests can call it as any role.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  permission: Permission;
  schema: S;
  run: (context: ActionContext<z.output<S>>) => Promise<T>;
}): (session: SessionRef, input: unknown) => Promise<Result<T>> {
  const action = async (session: SessionRef, rawInput: unknown): Promise<Result<T>> => {
    try {
      const db = await getDb();
      const actor = await requireActor(db, session, options.permission);
      const parsed = options.schema.safeParse(rawInput);
      if (!parsed.success) {
        return {
          ok: false,
          code: "VALIDATION",
          message: "Some fields need attention.",
          fieldErrors: z.flattenError(parsed.error as z.ZodError<unknown>).fieldErrors as Record<string, string[]>,
        };
      }
      return ok(await options.run({ db, actor, input: parsed.data }));
    } catch (error) {
      if (error instanceof AppError) return error.toResult();
      const mapped = fromDatabaseError(error);
      if (mapped) return mapped.toResult();
      console.error(`[action ${options.permission}]`, error);
      throw error;
    }
  };
  ACTIONS.set(action, { permission: options.permission });
  return action;
}
