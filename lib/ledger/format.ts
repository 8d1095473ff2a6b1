import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { z } from "zod";
import { canonicalJson, digestOf, GENESIS } from "./canonical";

// The public log's formats, shared by the server and the verifier (scripts/ledger-verify.ts).
// Nothing here touches the database, so a reader can run it against any instance.

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const publicationKindNameSchema = z.enum(["ORIGINAL", "UPDATE", "CORRECTION", "RETRACTION"]);
export type PublicationKindName = z.infer<typeof publicationKindNameSchema>;

/** What /api/v1/claims/:slug/versions/:n serves under `data`; its digest is logged. */
export const publicRecordSchema = z.object({
  slug: z.string(),
  version: z.int().min(1),
  kind: publicationKindNameSchema,
  note: z.string().nullable().meta({ description: "The public note of an update, correction or retraction; null on an original." }),
  publishedAt: z.iso.datetime(),
  snapshot: z.unknown().meta({ description: "The stored snapshot as a whole (publication_content() when it was published)." }),
});
export type PublicRecord = z.infer<typeof publicRecordSchema>;

/** One entry of /api/v1/log. `hash` is the digest of every other field. */
export const logEntrySchema = z.object({
  seq: z.int().min(1),
  loggedAt: z.iso.datetime(),
  slug: z.string(),
  version: z.int().min(1),
  kind: publicationKindNameSchema,
  rating: z.string().nullable(),
  digest: hex64.meta({ description: "SHA-256 of the JCS of the version's public record." }),
  prevHash: hex64.meta({ description: "The previous entry's hash (64 zeros for entry 1)." }),
  hash: hex64.meta({ description: "SHA-256 of the JCS of this entry without `hash`." }),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** The signed statement: the log's size and last hash, and the audit log's last row and hash. */
export const headSchema = z.object({
  log: z.url(),
  size: z.int().min(0),
  hash: hex64,
  audit: z.object({ id: z.string(), hash: z.string() }),
  signedAt: z.iso.datetime(),
});
export type Head = z.infer<typeof headSchema>;

export const signedHeadSchema = z.object({
  head: headSchema,
  signature: z.string().meta({ description: "Ed25519 over the UTF-8 bytes of JCS(head), base64." }),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type SignedHead = z.infer<typeof signedHeadSchema>;

export function recordDigest(record: PublicRecord): string {
  return digestOf(record);
}

export function entryHash(entry: Omit<LogEntry, "hash">): string {
  const { seq, loggedAt, slug, version, kind, rating, digest, prevHash } = entry;
  return digestOf({ seq, loggedAt, slug, version, kind, rating, digest, prevHash });
}

/** The bytes signed: the canonical JSON of the head, UTF-8. */
export function headBytes(head: Head): Buffer {
  return Buffer.from(canonicalJson(head), "utf8");
}

/** A key's id: the first 16 hex digits of the SHA-256 of its 32 raw bytes. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(Buffer.from(rawPublicKey(publicKey), "base64url")).digest("hex").slice(0, 16);
}

/** The 32 raw bytes of an Ed25519 public key, base64url. */
export function rawPublicKey(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: "jwk" });
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.x) throw new Error("not an Ed25519 public key");
  return jwk.x;
}

/** A base64url raw Ed25519 public key (as /.well-known/claimdesk-ledger-key serves it). */
export function publicKeyFromRaw(x: string): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}

export function verifyHead(signed: SignedHead, publicKey: KeyObject): boolean {
  try {
    return verify(null, headBytes(signed.head), publicKey, Buffer.from(signed.signature, "base64"));
  } catch {
    return false;
  }
}

export { GENESIS };
