import "server-only";
import { headers } from "next/headers";

/**
 * This response's CSP nonce (set by proxy.ts). Reading it makes the page render per request,
 * which a nonce needs: a prerendered page would carry scripts without one, and they would not run.
 */
export async function getNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
