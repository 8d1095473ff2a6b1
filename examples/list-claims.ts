// A typed client for the claimdesk public API: pages through every published claim with the
// cursor and, when the server says it is over the fair-use limit (429), waits the Retry-After
// seconds it names before asking again. The types come from the OpenAPI description
// (claimdesk-api.d.ts, `npm run api:types`); openapi-fetch does the requests.
//
//   npx tsx examples/list-claims.ts https://factcheck.example
import createClient from "openapi-fetch";
import { pathToFileURL } from "node:url";
import type { components, paths } from "./claimdesk-api";

type Claim = components["schemas"]["ClaimsPage"]["data"][number];

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Every claim on the public ledger, newest first, one page at a time. */
export async function listAllClaims(options: { base: string; pageSize?: number; onWait?: (seconds: number) => void }): Promise<Claim[]> {
  const api = createClient<paths>({ baseUrl: options.base });
  const claims: Claim[] = [];
  let cursor: string | undefined;
  for (;;) {
    const { data, error, response } = await api.GET("/api/v1/claims", { params: { query: { limit: options.pageSize ?? 100, cursor } } });
    if (response.status === 429) {
      const seconds = Number(response.headers.get("Retry-After") ?? 60);
      options.onWait?.(seconds);
      await sleep(seconds);
      continue;
    }
    if (error || !data) throw new Error(`GET /api/v1/claims answered ${response.status}: ${JSON.stringify(error)}`);
    claims.push(...data.data);
    if (!data.nextCursor) return claims;
    cursor = data.nextCursor;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = process.argv[2] ?? "http://localhost:3000";
  const claims = await listAllClaims({ base, onWait: (s) => console.error(`over the limit: waiting ${s} s as asked`) });
  for (const claim of claims) console.log(`${claim.verdict.ratingLabel.padEnd(12)} ${claim.slug}`);
  console.error(`${claims.length} claims`);
}
