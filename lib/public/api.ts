import "server-only";
import { z } from "zod";
import { getEnv } from "../env";
import { InvalidCursorError } from "../data/ledger";
import { cachedPublishedClaim, cachedPublishedClaims, cachedPublishedStories } from "./cached";
import { claimUrl } from "./claim-review";
import { ledgerQuerySchema, queryObject } from "./filters";
import { errorResponse, jsonResponse } from "./http";

const baseUrl = () => getEnv().PUBLIC_BASE_URL.replace(/\/+$/, "");

/** GET /api/v1/claims */
export async function handleListClaims(request: Request): Promise<Response> {
  const parsed = ledgerQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse("VALIDATION", "Some query parameters are not valid", 400, z.flattenError(parsed.error).fieldErrors);
  try {
    const page = await cachedPublishedClaims(parsed.data);
    const base = baseUrl();
    const data = page.items.map((item) => ({ ...item, url: claimUrl(base, item.slug), apiUrl: `${base}/api/v1/claims/${item.slug}` }));
    return jsonResponse(request, { data, nextCursor: page.nextCursor, fuzzy: page.fuzzy });
  } catch (error) {
    if (error instanceof InvalidCursorError) return errorResponse("VALIDATION", error.message, 400, { cursor: [error.message] });
    throw error;
  }
}

/** GET /api/v1/claims/:slug */
export async function handleGetClaim(request: Request, slug: string): Promise<Response> {
  // Only slug-shaped strings can name a claim (cachedPublishedClaim answers null for the rest).
  const claim = await cachedPublishedClaim(slug);
  if (!claim) return errorResponse("NOT_FOUND", `No published claim "${slug}"`, 404);
  return jsonResponse(request, { data: { ...claim, url: claimUrl(baseUrl(), claim.slug) } });
}

/** GET /api/v1/stories */
export async function handleListStories(request: Request): Promise<Response> {
  const stories = await cachedPublishedStories();
  const base = baseUrl();
  return jsonResponse(request, { data: stories.map((s) => ({ ...s, url: `${base}/stories/${s.slug}` })) });
}
