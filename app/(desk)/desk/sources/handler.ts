import "server-only";
import { z } from "zod";
import { loadActor, type SessionRef } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listClaimSourceOptions, searchSourceOptions, SOURCE_SEARCH_LIMIT, type SourceOption } from "@/lib/data/sources";
import type { ErrorCode } from "@/lib/errors";

export type SourceSearchBody = { data: SourceOption[]; more: boolean; scope: "claim" | "search" | "none" };

// Control characters (a NUL byte cannot even reach PostgreSQL) are refused, not searched for.
const query = z.object({
  q: z
    .string()
    .trim()
    .max(200, "Search with at most 200 characters.")
    .refine((q) => !/[\u0000-\u001f\u007f]/.test(q), "Search with plain text.")
    .default(""),
  claim: z.uuid("Not a claim id.").optional(),
});

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: HEADERS });
}

function fail(code: ErrorCode, message: string, status: number, fieldErrors?: Record<string, string[] | undefined>): Response {
  return json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, status);
}

/**
 * GET /desk/sources?q=&claim= for the "cites" picker: at most SOURCE_SEARCH_LIMIT sources whose
 * outlet, title or URL contains `q`; with no `q`, the sources already attached to `claim`.
 * The session is checked against the database (role, disabled account, session version).
 */
export async function handleSourceSearch(request: Request, session: SessionRef): Promise<Response> {
  const db = await getDb();
  const actor = await loadActor(db, session);
  if (!actor) return fail("UNAUTHENTICATED", "Please sign in again: your session has ended.", 401);
  if (!can(actor.role, "desk.read")) return fail("FORBIDDEN", "Your role does not allow this (desk.read).", 403);

  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse({ q: params.get("q") ?? undefined, claim: params.get("claim") || undefined });
  if (!parsed.success) return fail("VALIDATION", "Some query parameters are not valid.", 400, z.flattenError(parsed.error).fieldErrors);
  const { q, claim } = parsed.data;

  let rows: SourceOption[];
  let scope: SourceSearchBody["scope"];
  if (q.length >= 2) {
    rows = await searchSourceOptions(q, SOURCE_SEARCH_LIMIT + 1);
    scope = "search";
  } else if (q.length === 0 && claim) {
    rows = await listClaimSourceOptions(claim, SOURCE_SEARCH_LIMIT + 1);
    scope = "claim";
  } else {
    rows = [];
    scope = "none";
  }
  const body: SourceSearchBody = { data: rows.slice(0, SOURCE_SEARCH_LIMIT), more: rows.length > SOURCE_SEARCH_LIMIT, scope };
  return json(body);
}
