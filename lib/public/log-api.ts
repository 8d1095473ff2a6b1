import "server-only";
import { z } from "zod";
import { getDb } from "../db";
import { getEnv } from "../env";
import { signedHead } from "../ledger/head";
import { keyIdOf, rawPublicKey } from "../ledger/format";
import { readLog, readPublicRecord } from "../ledger/log";
import { signingKeys } from "../ledger/signing-key";
import { logQuerySchema, queryObject, versionParamSchema } from "./filters";
import { CORS_HEADERS, errorResponse, jsonResponse } from "./http";
import type { HeadBody, LedgerKey, LogPage, VersionBody } from "./responses";

/** GET /api/v1/log?after=<seq>&limit=<n>: entries after `after`, in order; `next` pages on. */
export async function handleGetLog(request: Request): Promise<Response> {
  const parsed = logQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse("VALIDATION", "Some query parameters are not valid", 400, z.flattenError(parsed.error).fieldErrors);
  const { after, limit } = parsed.data;
  const data = await readLog(await getDb(), { after, limit });
  const last = data.at(-1);
  const next = data.length === limit && last ? `${getEnv().PUBLIC_BASE_URL}/api/v1/log?after=${last.seq}&limit=${limit}` : null;
  return jsonResponse(request, { data, next } satisfies LogPage);
}

/** GET /api/v1/log/head: the current head, signed now (never cached: it is a statement of this moment). */
export async function handleGetHead(): Promise<Response> {
  const body = JSON.stringify({ data: await signedHead(await getDb()) } satisfies HeadBody);
  return new Response(body, { headers: { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

/** GET /api/v1/claims/:slug/versions/:n: one publication's public record, whose digest the log holds. */
export async function handleGetVersion(request: Request, slug: string, version: string): Promise<Response> {
  const n = versionParamSchema.safeParse(version);
  if (!n.success || !/^[a-z0-9-]{1,200}$/.test(slug)) return errorResponse("NOT_FOUND", `No published version ${version} of "${slug}"`, 404);
  const record = await readPublicRecord(await getDb(), slug, n.data);
  if (!record) return errorResponse("NOT_FOUND", `No published version ${n.data} of "${slug}"`, 404);
  return jsonResponse(request, { data: record } satisfies VersionBody);
}

/** GET /.well-known/claimdesk-ledger-key: the Ed25519 public key that signs the heads. */
export function handleGetPublicKey(request: Request): Response {
  const { publicKey } = signingKeys();
  return jsonResponse(request, {
    algorithm: "Ed25519",
    keyId: keyIdOf(publicKey),
    publicKey: rawPublicKey(publicKey),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    log: `${getEnv().PUBLIC_BASE_URL}/api/v1/log`,
  } satisfies LedgerKey);
}
