import { updateTag } from "next/cache";

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
}
