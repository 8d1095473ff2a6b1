import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { KeyObject } from "node:crypto";
import type { Db } from "./db/client";
import { verifyHead, type SignedHead } from "./ledger/format";

// Audit checkpoints: signed heads (lib/ledger/head.ts) kept outside the database, in a file that
// `npm run audit:checkpoint` appends to, or in the heads `npm run ledger:verify` keeps. The audit
// log's own hash chain is unkeyed: whoever can write the table can recompute it. A checkpoint
// signed with a key the database does not hold pins row N's hash, so any edit, removal or
// reordering at or before row N, and the loss of row N itself, no longer matches.

/** Signed heads, one JSON object a line. */
export function readCheckpoints(file: string): SignedHead[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as SignedHead;
      } catch {
        throw new Error(`${file}:${i + 1} is not a signed head (JSON)`);
      }
    });
}

export function appendCheckpoint(file: string, head: SignedHead): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  appendFileSync(file, `${JSON.stringify(head)}\n`, { mode: 0o600 });
}

export type CheckpointReport = { checked: number; problems: string[] };

/** Checks the audit log against every checkpoint whose signature verifies with `publicKey`. */
export async function verifyAuditCheckpoints(db: Pick<Db, "$queryRaw">, checkpoints: SignedHead[], publicKey: KeyObject): Promise<CheckpointReport> {
  const problems: string[] = [];
  let checked = 0;
  const [last] = await db.$queryRaw<Array<{ id: bigint | null }>>`SELECT max("id") AS "id" FROM "audit_log"`;
  const lastId = BigInt(last?.id ?? 0);
  for (const checkpoint of checkpoints) {
    const when = checkpoint.head?.signedAt ?? "?";
    if (!verifyHead(checkpoint, publicKey)) {
      problems.push(`checkpoint signed at ${when}: its signature does not verify with this instance's key (ignored)`);
      continue;
    }
    checked += 1;
    const id = BigInt(checkpoint.head.audit.id);
    if (id === BigInt(0)) continue;
    const rows = await db.$queryRaw<Array<{ hash: string }>>`SELECT "hash" FROM "audit_log" WHERE "id" = ${id}`;
    const row = rows[0];
    if (!row) {
      problems.push(
        id > lastId
          ? `truncated: the checkpoint signed at ${when} names row ${id}, but the log ends at row ${lastId}`
          : `row ${id}, named by the checkpoint signed at ${when}, is missing (rows were deleted)`,
      );
    } else if (row.hash !== checkpoint.head.audit.hash) {
      problems.push(`row ${id} no longer has the hash the checkpoint signed at ${when} recorded: rows up to ${id} were edited, removed or reordered and the chain recomputed`);
    }
  }
  return { checked, problems };
}
