import { GENERATION_HEADER, ledgerGeneration, UNKNOWN_GENERATION } from "@/lib/public/generation";

// The ledger's generation for the HTTP cache in front (deploy/nginx asks once a second): no
// database, no body, never stored by anyone.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const generation = (await ledgerGeneration()) ?? UNKNOWN_GENERATION;
  return new Response(null, { status: 204, headers: { [GENERATION_HEADER]: generation, "Cache-Control": "no-store" } });
}
