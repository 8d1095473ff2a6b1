import "server-only";
import { z } from "zod";
import { getEnv } from "../env";
import { InvalidCursorError } from "./ledger";
import { cached, cachedPublishedClaim, cachedPublishedClaims, cachedPublishedStories } from "./cached";
import { claimUrl } from "./claim-review";
import { ledgerQuerySchema, queryObject, type LedgerQuery } from "./filters";
import { errorResponse, JSON_TYPE, jsonResponse, publicResponse, serialiseJson } from "./http";
import { buildOpenApi, type OpenApiDocument } from "./openapi";
import type { ClaimBody, ClaimsPage, StoriesBody } from "./responses";
import { claimTag, LEDGER_TAG } from "./revalidate";
import { isSlugShaped } from "../domain/slug";

const baseUrl = () => getEnv().PUBLIC_BASE_URL.replace(/\/+$/, "");

async function serialiseClaimList(filters: LedgerQuery) {
  const page = await cachedPublishedClaims(filters);
  const base = baseUrl();
  const data = page.items.map((item) => ({ ...item, url: claimUrl(base, item.slug), apiUrl: `${base}/api/v1/claims/${item.slug}` }));
  return serialiseJson({ data, nextCursor: page.nextCursor, fuzzy: page.fuzzy } satisfies ClaimsPage);
}

// The bodies themselves are cached with their ETags (serialised and hashed once per publication,
// not per request); searches are not, for the reason given at cachedPublishedClaims.
const cachedClaimListBody = cached(serialiseClaimList, "api:claims:body", () => [LEDGER_TAG]);
const cachedStoriesBody = cached(
  async () => {
    const base = baseUrl();
    return serialiseJson({ data: (await cachedPublishedStories()).map((s) => ({ ...s, url: `${base}/stories/${s.slug}` })) } satisfies StoriesBody);
  },
  "api:stories:body",
  () => [LEDGER_TAG],
);

const cachedClaimBody = cached(
  async (slug: string) => {
    const claim = await cachedPublishedClaim(slug);
    return claim ? serialiseJson({ data: { ...claim, url: claimUrl(baseUrl(), claim.slug) } } satisfies ClaimBody) : null;
  },
  "api:claim:body",
  (slug) => [LEDGER_TAG, claimTag(slug)],
);

/** GET /api/v1/claims */
export async function handleListClaims(request: Request): Promise<Response> {
  const parsed = ledgerQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse("VALIDATION", "Some query parameters are not valid", 400, z.flattenError(parsed.error).fieldErrors);
  try {
    const body = parsed.data.q ? await serialiseClaimList(parsed.data) : await cachedClaimListBody(parsed.data);
    return publicResponse(request, body, JSON_TYPE);
  } catch (error) {
    if (error instanceof InvalidCursorError) return errorResponse("VALIDATION", error.message, 400, { cursor: [error.message] });
    throw error;
  }
}

/**
 * GET /api/v1/claims/:slug: the claim's public record with every published version. A retracted
 * claim answers with `status: "retracted"` and its retraction note, never 404.
 */
export async function handleGetClaim(request: Request, slug: string): Promise<Response> {
  // Only slug-shaped strings can name a claim (cachedPublishedClaim answers null for the rest).
  const body = isSlugShaped(slug) ? await cachedClaimBody(slug) : null;
  if (!body) return errorResponse("NOT_FOUND", `No published claim "${slug}"`, 404);
  return publicResponse(request, body, JSON_TYPE);
}

/** GET /api/v1/stories */
export async function handleListStories(request: Request): Promise<Response> {
  return publicResponse(request, await cachedStoriesBody(), JSON_TYPE);
}

let description: OpenApiDocument | undefined;

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of every public endpoint (./openapi), built once per process. */
export function handleOpenApi(request: Request): Response {
  const env = getEnv();
  description ??= buildOpenApi({ base: baseUrl(), licence: { name: env.DATA_LICENSE_NAME, url: env.DATA_LICENSE_URL } });
  return jsonResponse(request, description);
}
