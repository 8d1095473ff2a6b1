import type { Db } from "./db/client";

export type AuditChainStatus = { ok: true; rows: number } | { ok: false; brokenAt: bigint; reason: string };

/** The chain's first row links to 64 zeros (see audit_log_chain() in the migrations). */
export const GENESIS_HASH = "0".repeat(64);

const BATCH = 1000;

type ChainRow = { id: bigint; prev_hash: string; hash: string; computed: string };

/**
 * Walks audit_log in id order, recomputing every row's hash with the database's own
 * audit_log_hash() (one definition of the hash) and checking each row links to the one before.
 * An edited row fails its own hash; a deleted or reordered row breaks the next row's link.
 */
export async function verifyAuditChain(db: Pick<Db, "$queryRaw">): Promise<AuditChainStatus> {
  let previous = GENESIS_HASH;
  let after = BigInt(0);
  let rows = 0;
  for (;;) {
    const batch = await db.$queryRaw<ChainRow[]>`
      SELECT a.id, a.prev_hash, a.hash, audit_log_hash(a) AS computed
      FROM audit_log a WHERE a.id > ${after} ORDER BY a.id LIMIT ${BATCH}`;
    for (const row of batch) {
      const id = BigInt(row.id);
      if (row.prev_hash !== previous) {
        const reason =
          rows === 0
            ? "the first row does not start the chain (rows before it were removed?)"
            : "its previous-hash link does not match the row before it (a row was removed or reordered?)";
        return { ok: false, brokenAt: id, reason };
      }
      if (row.computed !== row.hash) {
        return { ok: false, brokenAt: id, reason: "its content no longer matches its hash (the row was modified)" };
      }
      previous = row.hash;
      after = id;
      rows += 1;
    }
    if (batch.length < BATCH) return { ok: true, rows };
  }
}
