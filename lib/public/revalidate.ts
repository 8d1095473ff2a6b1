import { updateTag } from "next/cache";
import { after } from "next/server";
import { systemLog } from "../log";
import { fetchAsPageCache, PAGE_CACHE_PREFIX } from "./page-cache-rules";

export const LEDGER_TAG = "ledger";
export const claimTag = (slug: string) => `claim:${slug}`;

// Counted on globalThis: Server Actions, pages and route handlers are separate bundles in one process.
const state = globalThis as typeof globalThis & { claimdeskLedgerExpiries?: number };

/** How many times this process has expired the ledger: a cached read compares it before and after (lib/public/cached.ts). */
export const ledgerExpiries = (): number => state.claimdeskLedgerExpiries ?? 0;

/**
 * After a publication event (publish, correction, retraction, evidence or a source alert on a
 * published claim), from a Server Action: the ledger's cached reads and stored pages expire now
 * (read-your-writes), on every instance when the cache is on Redis.
 */
export function expireLedger(): void {
  state.claimdeskLedgerExpiries = ledgerExpiries() + 1;
  updateTag(LEDGER_TAG);
  // The ledger's front page is what readers open next: it is stored again as soon as this answer
  // has gone, so no reader (and no revalidating HTTP cache) waits for its render.
  after(refillFrontPage);
}

async function refillFrontPage(): Promise<void> {
  let failure: { status: number } | { err: string } | null;
  try {
    const response = await fetchAsPageCache(PAGE_CACHE_PREFIX);
    await response.arrayBuffer();
    failure = response.status === 200 ? null : { status: response.status };
  } catch (error) {
    failure = { err: error instanceof Error ? error.message : String(error) };
  }
  if (failure) systemLog().warn({ event: "page_cache.refill", ...failure }, "front page not stored again after a publication");
}
