import { z } from "zod";
import { ledgerQuerySchema, logQuerySchema, versionParamSchema } from "./filters";
import {
  claimBodySchema,
  claimsPageSchema,
  dataFeedSchema,
  errorBodySchema,
  headBodySchema,
  ledgerKeySchema,
  logPageSchema,
  storiesBodySchema,
  versionBodySchema,
} from "./responses";

/*
 * The OpenAPI 3.1 description of every public endpoint, generated from the zod schemas the
 * handlers parse their input with (./filters) and type their output with (./responses). Served at
 * /api/v1/openapi.json; test/http/openapi-responses.test.ts checks real responses against it.
 */

export const API_VERSION = "1.1.0";

/** Named component schemas: the `$ref` targets of the description. */
const COMPONENTS = {
  ClaimsPage: claimsPageSchema,
  ClaimBody: claimBodySchema,
  StoriesBody: storiesBodySchema,
  VersionBody: versionBodySchema,
  LogPage: logPageSchema,
  HeadBody: headBodySchema,
  LedgerKey: ledgerKeySchema,
  ClaimReviewDataFeed: dataFeedSchema,
  Error: errorBodySchema,
} as const;
type ComponentName = keyof typeof COMPONENTS;

type JsonSchema = Record<string, unknown>;

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The component schemas, left open: zod closes every object (`additionalProperties: false`), but
 * within v1 fields may be added, so a client must not reject one it does not know. (The response
 * test closes them again, so a field the code sends and the description lacks still fails.)
 */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, open(schema) as JsonSchema]));
}

function open(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(open);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === "additionalProperties" && value === false)).map(([key, value]) => [key, open(value)]));
}

/** A query or path parameter, described by the schema the handler parses it with (after any preprocessing). */
function parameter(name: string, where: "query" | "path", schema: z.ZodType, description: string) {
  const parsed = schema instanceof z.ZodPipe ? (schema.out as z.ZodType) : schema;
  const { $schema: _dialect, ...json } = z.toJSONSchema(parsed, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
  return { name, in: where, required: where === "path", description, schema: json };
}

const LEDGER_PARAMETERS: Record<keyof typeof ledgerQuerySchema.shape, string> = {
  limit: "Claims per page",
  cursor: "The `nextCursor` of the previous page (opaque); pass the same filters with it",
  story: "A story's slug",
  rating: "A rating (case-insensitive; `mostly-true` is accepted)",
  claimant: "Part of the claimant's name (typo-tolerant)",
  from: "First day (YYYY-MM-DD) of the claim's latest version, inclusive",
  to: "Last day (YYYY-MM-DD), inclusive",
  q: "Full-text search in web-search syntax",
};

const slugParameter = { name: "slug", in: "path", required: true, description: "The claim's slug", schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" } };

const header = (description: string, schema: JsonSchema = { type: "string" }) => ({ description, schema });

const HEADERS = {
  ETag: header("Strong validator: the SHA-256 of the body. Send it back in If-None-Match"),
  "Cache-Control": header("How long shared caches may keep the response"),
  RateLimit: header('The client\'s remaining quota, IETF draft-ietf-httpapi-ratelimit-headers: `"api";r=<remaining>;t=<seconds to reset>`'),
  "RateLimit-Policy": header('The quota policy: `"api";q=<requests>;w=<window seconds>`'),
  "Retry-After": header("Seconds to wait before the next request", { type: "integer", minimum: 0 }),
};

const rateHeaders = { RateLimit: { $ref: "#/components/headers/RateLimit" }, "RateLimit-Policy": { $ref: "#/components/headers/RateLimit-Policy" } };
const cachedHeaders = { ETag: { $ref: "#/components/headers/ETag" }, "Cache-Control": { $ref: "#/components/headers/Cache-Control" }, ...rateHeaders };

const json = (name: ComponentName, description: string, headers: Record<string, unknown> = cachedHeaders) => ({
  description,
  headers,
  content: { "application/json": { schema: ref(name) } },
});
const error = (description: string) => json("Error", description, rateHeaders);

/** The answers every public GET can give besides its own. */
const COMMON_RESPONSES = {
  "304": { description: "Not modified: the If-None-Match validator still matches (does not count against the limit)", headers: cachedHeaders },
  "429": { $ref: "#/components/responses/RateLimited" },
  "503": { $ref: "#/components/responses/Unavailable" },
};

const document = (description: string, mediaType: string, summary: string, schema?: JsonSchema, extra: Record<string, unknown> = {}) => ({
  get: {
    summary,
    description,
    responses: { "200": { description: summary, headers: rateHeaders, content: { [mediaType]: schema ? { schema } : {} } }, ...extra, "429": COMMON_RESPONSES["429"], "503": COMMON_RESPONSES["503"] },
  },
});

const text = { type: "string" };
const atom = (summary: string, description: string, extra: Record<string, unknown> = {}) => document(description, "application/atom+xml", summary, text, extra);
const notFound = { "404": error("No such claim or story") };

/** The whole description; `base` is the server's public address (PUBLIC_BASE_URL). */
export function buildOpenApi(options: { base: string; licence: { name: string; url: string } }) {
  const { base, licence } = options;
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "claimdesk public API",
      version: API_VERSION,
      description:
        "Published fact-checks, their version history and the signed public log, with Atom feeds and bulk exports. Read-only, no account. Stability, fair-use limits and the data dictionary: docs/api.md and /data.",
      license: licence,
    },
    servers: [{ url: base }],
    externalDocs: { description: "Open data: exports, data dictionary and licence", url: `${base}/data` },
    paths: {
      "/api/v1/claims": {
        get: {
          operationId: "listClaims",
          summary: "Published claims that stand, latest version first",
          parameters: (Object.keys(LEDGER_PARAMETERS) as (keyof typeof LEDGER_PARAMETERS)[]).map((name) =>
            parameter(name, "query", ledgerQuerySchema.shape[name], LEDGER_PARAMETERS[name]),
          ),
          responses: { "200": json("ClaimsPage", "A page of claims"), "400": error("A query parameter is not valid (named in fieldErrors)"), ...COMMON_RESPONSES },
        },
      },
      "/api/v1/claims/{slug}": {
        get: {
          operationId: "getClaim",
          summary: "One claim's public record with every published version",
          parameters: [slugParameter],
          responses: { "200": json("ClaimBody", "The claim (a retracted one too, with status retracted)"), "404": error("Never published"), ...COMMON_RESPONSES },
        },
      },
      "/api/v1/claims/{slug}/versions/{version}": {
        get: {
          operationId: "getClaimVersion",
          summary: "One publication's public record, whose digest the log holds",
          parameters: [slugParameter, parameter("version", "path", versionParamSchema, "The version number, from 1")],
          responses: { "200": json("VersionBody", "The public record"), "404": error("No such published version"), ...COMMON_RESPONSES },
        },
      },
      "/api/v1/stories": {
        get: { operationId: "listStories", summary: "Stories with at least one published claim", responses: { "200": json("StoriesBody", "Every story"), ...COMMON_RESPONSES } },
      },
      "/api/v1/log": {
        get: {
          operationId: "getLog",
          summary: "The public log's entries after a sequence number, oldest first",
          parameters: [
            parameter("after", "query", logQuerySchema.shape.after, "Entries with a greater seq"),
            parameter("limit", "query", logQuerySchema.shape.limit, "Entries per page"),
          ],
          responses: { "200": json("LogPage", "A page of entries"), "400": error("A query parameter is not valid"), ...COMMON_RESPONSES },
        },
      },
      "/api/v1/log/head": {
        get: {
          operationId: "getLogHead",
          summary: "The log's current head, signed now (never cached)",
          responses: { "200": json("HeadBody", "The signed head", rateHeaders), "429": COMMON_RESPONSES["429"], "503": COMMON_RESPONSES["503"] },
        },
      },
      "/.well-known/claimdesk-ledger-key": {
        get: { operationId: "getLedgerKey", summary: "The Ed25519 public key that signs the heads", responses: { "200": json("LedgerKey", "The key"), ...COMMON_RESPONSES } },
      },
      "/api/v1/openapi.json": document("This description.", "application/json", "The OpenAPI description", { type: "object" }),
      "/feeds/verdicts.atom": atom("Atom feed: the 50 claims whose public record changed most recently", "One entry per claim; `updated` is its latest version."),
      "/feeds/corrections.atom": atom("Atom feed: the 50 newest updates, corrections and retractions", "One entry per version."),
      "/feeds/claims/{slug}": { ...atom("Atom feed: one claim's published versions", "One entry per version.", notFound), parameters: [slugParameter] },
      "/feeds/stories/{slug}": {
        ...atom("Atom feed: every version of the claims a story's publications name", "Newest 50 first.", notFound),
        parameters: [{ ...slugParameter, description: "The story's slug" }],
      },
      "/export/claimreviews.jsonl": document(
        "One schema.org ClaimReview per standing claim, one JSON object a line; a retracted claim's line is its retraction record. Streamed. Fields: /data.",
        "application/x-ndjson",
        "Every public claim as JSON Lines",
        text,
      ),
      "/export/claimreviews.jsonl.gz": document("The JSON Lines export, gzip-compressed as a file.", "application/gzip", "The JSON Lines export, gzipped"),
      "/export/claimreviews.datafeed.json": document(
        "One schema.org DataFeed of every standing ClaimReview, in the layout of the Data Commons fact-check feeds.",
        "application/ld+json",
        "Every standing ClaimReview as a DataFeed",
        ref("ClaimReviewDataFeed"),
      ),
      "/export/claimreviews.datafeed.json.gz": document("The DataFeed export, gzip-compressed as a file.", "application/gzip", "The DataFeed, gzipped"),
    },
    components: {
      schemas: componentSchemas(),
      headers: HEADERS,
      responses: {
        RateLimited: {
          description: "Over the fair-use limit for this address: wait Retry-After seconds",
          headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" }, ...rateHeaders },
          content: { "application/json": { schema: ref("Error") } },
        },
        Unavailable: {
          description: "The database is busy or restarting; nothing was changed. Wait Retry-After seconds",
          headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
          content: { "application/json": { schema: ref("Error") } },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
