import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings in ECMAScript's own serialization. Readers recompute every digest of the
 * public log from the API's JSON with any JCS implementation (docs/api.md#the-public-log).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("canonicalJson: the value has no JSON form");
  return text;
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of the canonical JSON. */
export function digestOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}

/** The first entry of a hash chain links to 64 zeros. */
export const GENESIS = "0".repeat(64);
