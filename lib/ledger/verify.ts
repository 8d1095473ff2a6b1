import { GENESIS } from "./canonical";
import { entryHash, publicKeyFromRaw, recordDigest, verifyHead, type LogEntry, type PublicRecord, type SignedHead } from "./format";

// The reader's check of an instance (`npm run ledger:verify -- <base-url>`), over its public HTTP
// API only: the key, the signed head, the whole log, every logged version's public record, and the
// list of public claims. `state` is what this reader kept from earlier runs (pinned key, heads).

export type VerifierState = { publicKey?: string; heads: SignedHead[] };

export type Problem = {
  kind: "key" | "signature" | "sequence" | "link" | "entry" | "head" | "truncated" | "rewritten" | "digest" | "missing" | "unlogged";
  slug?: string;
  message: string;
};

export type VerifyResult = { problems: Problem[]; size: number; records: number; claims: number; head: SignedHead | null };

type Fetch = (url: string) => Promise<{ status: number; body: unknown }>;

export const httpFetch: Fetch = async (url) => {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
};

async function getJson<T>(fetchJson: Fetch, url: string): Promise<T> {
  const { status, body } = await fetchJson(url);
  if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
  return body as T;
}

async function readWholeLog(fetchJson: Fetch, base: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for (;;) {
    const after = entries.at(-1)?.seq ?? 0;
    const page = await getJson<{ data: LogEntry[]; next: string | null }>(fetchJson, `${base}/api/v1/log?after=${after}`);
    entries.push(...page.data);
    if (!page.next || page.data.length === 0) return entries;
  }
}

/** Public claims (listed ones: the latest version is not a retraction) and their latest version numbers. */
async function readPublicClaims(fetchJson: Fetch, base: string): Promise<Map<string, number>> {
  const claims = new Map<string, number>();
  let cursor: string | null = null;
  do {
    const url = `${base}/api/v1/claims?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page: { data: Array<{ slug: string }>; nextCursor: string | null } = await getJson(fetchJson, url);
    for (const item of page.data) {
      const claim = await getJson<{ data: { version: number } }>(fetchJson, `${base}/api/v1/claims/${encodeURIComponent(item.slug)}`);
      claims.set(item.slug, claim.data.version);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return claims;
}

function checkChain(entries: LogEntry[], problems: Problem[]): void {
  let prevHash = GENESIS;
  entries.forEach((entry, i) => {
    if (entry.seq !== i + 1) problems.push({ kind: "sequence", slug: entry.slug, message: `position ${i + 1} holds entry ${entry.seq}: entries are missing or out of order` });
    if (entry.prevHash !== prevHash) problems.push({ kind: "link", slug: entry.slug, message: `entry ${entry.seq} does not link to the entry before it (removed, inserted or reordered entries)` });
    const { hash, ...rest } = entry;
    if (entryHash(rest) !== hash) problems.push({ kind: "entry", slug: entry.slug, message: `entry ${entry.seq}'s hash does not match its fields (the entry was altered)` });
    prevHash = hash;
  });
}

/** Every earlier head must be a prefix of today's log: same size or smaller, same hash at its size. */
function checkEarlierHeads(entries: LogEntry[], heads: SignedHead[], problems: Problem[]): void {
  for (const { head } of heads) {
    if (head.size > entries.length) {
      problems.push({ kind: "truncated", message: `the log has ${entries.length} entries, but a head signed at ${head.signedAt} had ${head.size}: entries were removed` });
      continue;
    }
    const hashThen = head.size === 0 ? GENESIS : entries[head.size - 1]!.hash;
    if (hashThen !== head.hash) {
      problems.push({ kind: "rewritten", message: `the first ${head.size} entries no longer hash to the head signed at ${head.signedAt}: the log was rewritten` });
    }
  }
}

async function checkRecords(fetchJson: Fetch, base: string, entries: LogEntry[], problems: Problem[]): Promise<void> {
  for (const entry of entries) {
    const url = `${base}/api/v1/claims/${encodeURIComponent(entry.slug)}/versions/${entry.version}`;
    const { status, body } = await fetchJson(url);
    if (status !== 200) {
      problems.push({ kind: "missing", slug: entry.slug, message: `${entry.slug} version ${entry.version} is logged but ${url} answered ${status}` });
      continue;
    }
    const record = (body as { data: PublicRecord }).data;
    if (record.slug !== entry.slug || record.version !== entry.version || record.kind !== entry.kind || recordDigest(record) !== entry.digest) {
      problems.push({ kind: "digest", slug: entry.slug, message: `${entry.slug} version ${entry.version}: the public record no longer matches the digest logged in entry ${entry.seq}` });
    }
  }
}

export async function verifyLedger(baseUrl: string, state: VerifierState, fetchJson: Fetch = httpFetch): Promise<VerifyResult> {
  const base = baseUrl.replace(/\/+$/, "");
  const problems: Problem[] = [];
  const key = await getJson<{ publicKey: string }>(fetchJson, `${base}/.well-known/claimdesk-ledger-key`);
  if (state.publicKey && state.publicKey !== key.publicKey) {
    problems.push({ kind: "key", message: `the instance's public key changed (pinned ${state.publicKey}, now ${key.publicKey}); heads are checked with the pinned key` });
  }
  const publicKey = publicKeyFromRaw(state.publicKey ?? key.publicKey);
  const signed = (await getJson<{ data: SignedHead }>(fetchJson, `${base}/api/v1/log/head`)).data;
  const headValid = verifyHead(signed, publicKey);
  if (!headValid) problems.push({ kind: "signature", message: "the head's signature does not verify" });

  const entries = await readWholeLog(fetchJson, base);
  checkChain(entries, problems);
  const lastHash = entries.at(-1)?.hash ?? GENESIS;
  if (signed.head.size !== entries.length || signed.head.hash !== lastHash) {
    problems.push({ kind: "head", message: `the signed head (size ${signed.head.size}) does not describe the log served (size ${entries.length})` });
  }
  checkEarlierHeads(entries, state.heads.filter((h) => verifyHead(h, publicKey)), problems);
  await checkRecords(fetchJson, base, entries, problems);

  const claims = await readPublicClaims(fetchJson, base);
  const logged = new Map<string, number>();
  for (const entry of entries) logged.set(entry.slug, Math.max(logged.get(entry.slug) ?? 0, entry.version));
  for (const [slug, version] of claims) {
    if ((logged.get(slug) ?? 0) < version) problems.push({ kind: "unlogged", slug, message: `${slug} is public at version ${version}, but the log holds ${logged.get(slug) ?? "no"} version of it` });
  }
  return { problems, size: entries.length, records: entries.length, claims: claims.size, head: headValid ? signed : null };
}
