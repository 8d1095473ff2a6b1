import { revalidateTag } from "next/cache";

export const LEDGER_TAG = "ledger";
export const claimTag = (slug: string) => `claim:${slug}`;

/**
 * Call after publishing, correcting or retracting a verdict: the public ledger, feeds, API and
 * (with a slug) that claim's page are served fresh. "max" marks the tags stale-while-revalidate,
 * as Next 16 recommends outside Server Actions; no-op outside a Next.js server (node tests, scripts).
 */
export function revalidateLedger(slug?: string): void {
  if (!process.env.NEXT_RUNTIME) return;
  revalidateTag(LEDGER_TAG, "max");
  if (slug) revalidateTag(claimTag(slug), "max");
}
