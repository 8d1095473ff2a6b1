import { z } from "zod";
import { RATINGS } from "../ratings";
import { calendarDayText, isDateInRange } from "../validations/bounds";
import type { Rating } from "../generated/prisma/enums";

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

const ratingValues = Object.keys(RATINGS) as [Rating, ...Rating[]];
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
// PostgreSQL text cannot hold NUL: refuse it here as a 400, not as a database error (a 500).
const text = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).refine((v) => !v.includes("\u0000"), "Contains a NUL character").optional());
// A real calendar day between 1900 and 2100: year 0000 reached PostgreSQL and answered 500.
const day = z.preprocess(blankToUndefined, calendarDayText.optional());

/** The public ledger's filters, shared by the ledger page, the JSON API and the feeds. */
export const ledgerQuerySchema = z
  .object({
    story: z.preprocess(blankToUndefined, z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not a story slug").max(120).optional()),
    rating: z.preprocess(
      (v) => (typeof v === "string" ? blankToUndefined(v.trim().toUpperCase().replace(/[\s-]+/g, "_")) : v),
      z.enum(ratingValues, { error: `Use one of ${ratingValues.join(", ")}` }).optional(),
    ),
    claimant: text(200),
    q: text(200),
    from: day,
    to: day,
    cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT)),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The end date is before the start date" });

export const LOG_PAGE_MAX = 1000;

/** GET /api/v1/log's paging. */
export const logQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(LOG_PAGE_MAX).default(LOG_PAGE_MAX),
});

/** The `:n` of /api/v1/claims/:slug/versions/:n. */
export const versionParamSchema = z.coerce.number().int().min(1).max(1_000_000);

export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;
export type LedgerFilters = Omit<LedgerQuery, "cursor" | "limit">;

/** URLSearchParams or a Next `searchParams` object, reduced to the first value of each key. */
export function queryObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && !(key in out)) out[key] = first;
  }
  return out;
}

/** Builds a ledger URL that keeps the current filters (stable, shareable, works without JS). */
export function ledgerHref(path: string, filters: Partial<LedgerQuery>, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value === undefined || value === "" || key === "limit" || (key === "cursor" && !("cursor" in extra))) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

// Keyset cursor: the last row's verdict publication time and claim id, plus the search mode.
export type Cursor = { publishedAt: string; id: string; fuzzy: boolean };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.fuzzy ? "t" : "f"}|${cursor.publishedAt}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(raw: string): Cursor | null {
  const parts = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (parts.length !== 3) return null;
  const [mode, publishedAt, id] = parts as [string, string, string];
  if ((mode !== "t" && mode !== "f") || !isDateInRange(new Date(publishedAt))) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return { publishedAt, id, fuzzy: mode === "t" };
}
