import { sign } from "node:crypto";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { GENESIS, headBytes, keyIdOf, type Head, type SignedHead } from "./format";
import { signingKeys } from "./signing-key";

/**
 * The current head, signed: the public log's size and last entry hash, and the audit log's last
 * row id and hash. Whoever keeps a copy can later prove that neither log was rewritten before it
 * (docs/security.md#what-the-logs-prove). Signed with the key outside the database.
 */
export async function signedHead(db: Pick<Db, "$queryRaw">, now = new Date()): Promise<SignedHead> {
  const [logRows, auditRows] = await Promise.all([
    db.$queryRaw<Array<{ seq: bigint; hash: string }>>`SELECT "seq", "hash" FROM "publication_log" ORDER BY "seq" DESC LIMIT 1`,
    db.$queryRaw<Array<{ id: bigint; hash: string }>>`SELECT "id", "hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1`,
  ]);
  const head: Head = {
    log: `${getEnv().PUBLIC_BASE_URL}/api/v1/log`,
    size: Number(logRows[0]?.seq ?? 0),
    hash: logRows[0]?.hash ?? GENESIS,
    audit: { id: String(auditRows[0]?.id ?? 0), hash: auditRows[0]?.hash ?? GENESIS },
    signedAt: now.toISOString(),
  };
  const { privateKey, publicKey } = signingKeys();
  return { head, signature: sign(null, headBytes(head), privateKey).toString("base64"), keyId: keyIdOf(publicKey) };
}
