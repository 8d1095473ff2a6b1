import type { Tx } from "./db/client";

export type AuditEntry = {
  actorId: string | null;
  /** Verb-first, dotted: "claim.create", "verdict.approve", "user.role_change". */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// JSON-safe copies: Dates become ISO strings, Decimals and BigInts become strings, hashes vanish.
function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (key === "passwordHash") return undefined;
      if (typeof v === "bigint") return v.toString();
      return v;
    }),
  );
}

/**
 * Appends one audit row inside the caller's transaction, so the change and its record commit or
 * roll back together. The database trigger sets the time and the hash chain.
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before) ?? undefined,
      after: snapshot(entry.after) ?? undefined,
    },
  });
}
