import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ACTIONS } from "../../lib/services/define";
import type { SessionRef } from "../../lib/auth/actor";

export type RegisteredAction = (session: SessionRef, input: unknown) => Promise<{ ok: boolean; data?: unknown }>;

/** Every action defineAction() registered, by its exported name, found by importing every service module. */
export async function registeredActions(): Promise<Map<string, RegisteredAction>> {
  const dir = path.resolve("lib/services");
  const actions = new Map<string, RegisteredAction>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const exports = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function" && ACTIONS.has(value as never)) actions.set(name, value as RegisteredAction);
    }
  }
  return actions;
}
