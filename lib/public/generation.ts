import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { tagGeneration } from "../cache/redis-cache-handler.js";
import { LEDGER_CACHE_SECONDS } from "./cached";
import { LEDGER_TAG, ledgerExpiries } from "./revalidate";

/*
 * The ledger's generation: a value that changes with every publication event, the same on every
 * instance. An HTTP cache in front (deploy/nginx) asks for it once a second
 * (/api/ledger-generation), puts it in the key of every entry and names it on each request it
 * sends here. A public page answered to a request naming the current generation may then be kept
 * for as long as this server keeps it itself (X-Accel-Expires): a publication changes the key, so
 * no reader is served the page from before it, and until one happens no reader's request reaches
 * the app.
 */

/** The request header naming the generation an HTTP cache will store the answer under. */
export const GENERATION_HEADER = "x-ledger-generation";
/** Said when the generation cannot be known: no cached answer may then be kept longer than its s-maxage. */
export const UNKNOWN_GENERATION = "unknown";

// Kept on globalThis: the generation's route and the page cache's are separate bundles in one process.
const processState = globalThis as typeof globalThis & { claimdeskProcessId?: string };
const processId = (): string => (processState.claimdeskProcessId ??= randomUUID());

/**
 * On Redis, the ledger tag's stamp and the flush marker (null while Redis is away or an expiry is
 * undelivered); on one instance without Redis, this process's count of ledger expiries. Hashed:
 * anyone may ask for it, and it says only whether it changed, not when or how often.
 */
export async function ledgerGeneration(): Promise<string | null> {
  const raw = process.env.REDIS_URL ? await tagGeneration(LEDGER_TAG) : `${processId()}.${ledgerExpiries()}`;
  return raw === null ? null : createHash("sha256").update(raw).digest("base64url").slice(0, 22);
}

/**
 * The header that lets an HTTP cache keep a public answer until the generation changes, when the
 * request named the current one. Called after the answer's content was read: a generation still
 * current then was current when it was read, so the content holds every publication it counts.
 */
export async function generationExpiry(request: Request): Promise<Record<string, string>> {
  const asked = request.headers.get(GENERATION_HEADER);
  if (!asked || asked === UNKNOWN_GENERATION) return {};
  return asked === (await ledgerGeneration()) ? { "X-Accel-Expires": String(LEDGER_CACHE_SECONDS) } : {};
}
