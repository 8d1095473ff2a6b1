import "server-only";
import { z } from "zod";
import { loadActor, type SessionRef } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { findKnownSource, type KnownSource } from "@/lib/data/sources";
import { webUrl } from "@/lib/validations/evidence";
import type { ErrorCode } from "@/lib/errors";

export type KnownSourceBody = { data: KnownSource | null };

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: HEADERS });
}

function fail(code: ErrorCode, message: string, status: number, fieldErrors?: Record<string, string[] | undefined>): Response {
  return json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, status);
}

/**
 * GET /desk/sources/known?url= for the attach form: the source we already have under the same
 * normalised URL (outlet, type, language, title, published date), or `data: null`. Checked like
 * GET /desk/sources: the session against the database, then the role (evidence.create, the
 * permission of the form it serves), then the URL with the form's own rule.
 */
export async function handleKnownSource(request: Request, session: SessionRef): Promise<Response> {
  const db = await getDb();
  const actor = await loadActor(db, session);
  if (!actor) return fail("UNAUTHENTICATED", "Please sign in again: your session has ended.", 401);
  if (!can(actor.role, "evidence.create")) return fail("FORBIDDEN", "Your role does not allow this (evidence.create).", 403);

  const parsed = z.object({ url: webUrl }).safeParse({ url: new URL(request.url).searchParams.get("url") ?? "" });
  if (!parsed.success) return fail("VALIDATION", "Some query parameters are not valid.", 400, z.flattenError(parsed.error).fieldErrors);
  const body: KnownSourceBody = { data: await findKnownSource(parsed.data.url) };
  return json(body);
}
