import { z } from "zod";
import { getDb } from "../db";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/availability";
import { AppError, fromDatabaseError, ok, type Fail, type Result } from "../errors";
import { requestLogger } from "../log";
import { requireActor, type Actor, type SessionRef } from "../auth/actor";
import type { Permission } from "../auth/permissions";

export type ActionContext<I> = { db: Db; actor: Actor; input: I };

type AnyAction = (session: SessionRef, input: unknown) => Promise<Result<unknown>>;

/** Every action ever defined, with its permission: lets one test walk them all (audit coverage). */
export const ACTIONS = new Map<AnyAction, { permission: Permission }>();

/** What a caller sees when the database is saturated or restarting (HTTP 503 semantics). */
export const UNAVAILABLE_RESULT: Fail = {
  ok: false,
  code: "UNAVAILABLE",
  message: "The database is busy or restarting. Reload to check whether your change was saved, then try again in a few seconds.",
};

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
    const started = performance.now();
    // Logs carry the action, the actor and the outcome, never the input (it can hold passwords).
    const record = async (outcome: string, error?: unknown) => {
      const log = await requestLogger({ action: options.permission, actorId: session?.userId ?? null });
      const fields = { event: "action", outcome, durationMs: Math.round(performance.now() - started) };
      if (error) log.error({ ...fields, err: error }, "action failed");
      else if (outcome === "UNAVAILABLE") log.warn(fields, "action refused: database unavailable");
      else log.info(fields, "action");
    };
    const finish = async (result: Result<T>): Promise<Result<T>> => {
      await record(result.ok ? "ok" : result.code);
      return result;
    };
    try {
      const db = await getDb();
      const actor = await requireActor(db, session, options.permission);
      const parsed = options.schema.safeParse(rawInput);
      if (!parsed.success) {
        return await finish({
          ok: false,
          code: "VALIDATION",
          message: "Some fields need attention.",
          fieldErrors: z.flattenError(parsed.error as z.ZodError<unknown>).fieldErrors as Record<string, string[]>,
        });
      }
      return await finish(ok(await options.run({ db, actor, input: parsed.data })));
    } catch (error) {
      if (error instanceof AppError) return finish(error.toResult());
      const mapped = fromDatabaseError(error);
      if (mapped) return finish(mapped.toResult());
      if (isDatabaseUnavailable(error)) return finish(UNAVAILABLE_RESULT);
      await record("error", error);
      throw error;
    }
  };
  ACTIONS.set(action, { permission: options.permission });
  return action;
}
