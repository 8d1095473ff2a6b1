import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import { entryHash, GENESIS, headBytes, keyIdOf, rawPublicKey, recordDigest, type LogEntry, type PublicRecord, type SignedHead } from "./format";
import { verifyLedger } from "./verify";

// The verifier against an in-memory instance: what it reports for each kind of rewrite of the log.
const BASE = "https://factcheck.example";
const keys = generateKeyPairSync("ed25519");

function record(slug: string, version: number): PublicRecord {
  return { slug, version, kind: version === 1 ? "ORIGINAL" : "CORRECTION", note: version === 1 ? null : "Fixed.", publishedAt: "2026-11-30T00:00:00.000Z", snapshot: { claim: { slug }, verdict: { rating: "TRUE" } } };
}

function chain(records: PublicRecord[]): LogEntry[] {
  let prevHash = GENESIS;
  return records.map((r, i) => {
    const entry = { seq: i + 1, loggedAt: "2026-11-30T00:00:00.000Z", slug: r.slug, version: r.version, kind: r.kind, rating: "TRUE", digest: recordDigest(r), prevHash };
    prevHash = entryHash(entry);
    return { ...entry, hash: prevHash };
  });
}

function headOf(entries: LogEntry[], signedAt = "2026-11-30T01:00:00.000Z"): SignedHead {
  const head = { log: `${BASE}/api/v1/log`, size: entries.length, hash: entries.at(-1)?.hash ?? GENESIS, audit: { id: "0", hash: GENESIS }, signedAt };
  return { head, signature: sign(null, headBytes(head), keys.privateKey).toString("base64"), keyId: keyIdOf(keys.publicKey) };
}

function instance(entries: LogEntry[], records: PublicRecord[]) {
  const routes = new Map<string, unknown>([
    [`${BASE}/.well-known/claimdesk-ledger-key`, { publicKey: rawPublicKey(keys.publicKey) }],
    [`${BASE}/api/v1/log/head`, { data: headOf(entries) }],
    [`${BASE}/api/v1/log?after=0`, { data: entries, next: null }],
    [`${BASE}/api/v1/claims?limit=100`, { data: [], nextCursor: null }],
  ]);
  for (const r of records) routes.set(`${BASE}/api/v1/claims/${r.slug}/versions/${r.version}`, { data: r });
  return async (url: string) => (routes.has(url) ? { status: 200, body: routes.get(url) } : { status: 404, body: null });
}

const records = [record("a", 1), record("b", 1), record("a", 2), record("c", 1)];
const kinds = async (entries: LogEntry[], heads: SignedHead[] = [], served = records) =>
  (await verifyLedger(BASE, { heads }, instance(entries, served))).problems.map((p) => p.kind);

test("an intact log verifies", async () => {
  assert.deepEqual(await kinds(chain(records)), []);
});

test("a reordered log, a gap, an altered entry and a changed record are each reported", async () => {
  const entries = chain(records);
  assert.ok((await kinds([entries[0]!, entries[2]!, entries[1]!, entries[3]!])).includes("sequence"));
  assert.deepEqual([...new Set(await kinds([entries[0]!, entries[1]!, entries[3]!]))].sort(), ["link", "sequence"]);
  assert.deepEqual(await kinds([entries[0]!, { ...entries[1]!, rating: "FALSE" }, entries[2]!, entries[3]!]), ["entry"]);
  const changed = records.map((r) => (r.slug === "b" ? { ...r, note: "edited" } : r));
  const result = await verifyLedger(BASE, { heads: [] }, instance(entries, changed));
  assert.deepEqual(result.problems.map((p) => [p.kind, p.slug]), [["digest", "b"]]);
});

test("a log that does not extend a head kept earlier: truncated, or rewritten and recomputed", async () => {
  const entries = chain(records);
  const earlier = headOf(entries, "2026-11-30T00:30:00.000Z");
  assert.deepEqual(await kinds(entries.slice(0, 3), [earlier], records.slice(0, 3)), ["truncated"]);
  const rewritten = [record("a", 1), { ...record("b", 1), note: "rewritten" }, record("a", 2), record("c", 1)];
  assert.deepEqual(await kinds(chain(rewritten), [earlier], rewritten), ["rewritten"]);
});

test("a different key than the pinned one is reported", async () => {
  const other = generateKeyPairSync("ed25519");
  const result = await verifyLedger(BASE, { publicKey: rawPublicKey(other.publicKey), heads: [] }, instance(chain(records), records));
  assert.deepEqual(result.problems.map((p) => p.kind), ["key", "signature"]);
});
