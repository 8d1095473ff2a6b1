import { writeAudit } from "../audit";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { appendPendingPublications } from "../ledger/log";
import type { PublicationKind } from "../generated/prisma/enums";

// Writing publications and keeping approvals honest. The database (migration
// 20261129100000_publications) is the last line: it computes the snapshot's digest, compares it
// with the approval and the current content, fills the bylines and refuses UPDATE and DELETE.

export type RecordedPublication = { id: string; version: number; kind: PublicationKind; digest: string };

/**
 * Stores the claim's current public content as its next publication. The snapshot is built by the
 * database function that also produced the approved digest, so what is stored is exactly what was
 * approved, or the insert fails. A retraction repeats the last published content with its note.
 */
export async function recordPublication(
  tx: Tx,
  options: { claimId: string; verdictId: string; kind: PublicationKind; note: string | null; publishedById: string | null; publishedAt?: Date; fromReaderRequest?: boolean },
): Promise<RecordedPublication> {
  const { claimId, verdictId, kind, note, publishedById } = options;
  const fromReaderRequest = options.fromReaderRequest ?? false;
  const publishedAt = options.publishedAt ?? new Date();
  const rows = await tx.$queryRaw<RecordedPublication[]>`
    INSERT INTO "publications" ("claim_id", "verdict_id", "version", "kind", "snapshot", "digest", "note", "published_by_id", "published_at", "from_reader_request")
    VALUES (${claimId}::uuid, ${verdictId}::uuid, 0, ${kind}::"PublicationKind",
            CASE WHEN ${kind} = 'RETRACTION' THEN '{}'::jsonb ELSE publication_content(${claimId}::uuid, ${verdictId}::uuid) END,
            '', ${note}, ${publishedById}::uuid, ${publishedAt}, ${fromReaderRequest})
    RETURNING "id"::text AS "id", "version", "kind"::text AS "kind", "digest"`;
  const row = rows[0];
  if (!row) throw new Error(`publication of claim ${claimId} returned no row`);
  // Its entry in the public log, in the same transaction.
  await appendPendingPublications(tx);
  return row;
}

/** The claim's latest publication (its public record), or null when it was never published. */
export async function latestPublication(tx: Tx, claimId: string) {
  return tx.publication.findFirst({
    where: { claimId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, kind: true, verdictId: true, publishedAt: true },
  });
}

/**
 * Whether the public content of the claim still equals what the verdict's current approval covers.
 * False when there is no approval of the current revision.
 */
export async function matchesApproval(tx: Tx, verdictId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ same: boolean }>>`
    SELECT r."content_digest" = publication_digest(publication_content(v."claim_id", v."id")) AS "same"
    FROM "verdicts" v
    JOIN "review_decisions" r ON r."verdict_id" = v."id" AND r."outcome" = 'APPROVED' AND r."verdict_revision" = v."revision"
    WHERE v."id" = ${verdictId}::uuid
    ORDER BY r."created_at" DESC LIMIT 1`;
  return rows[0]?.same === true;
}

/** Refuses content changes on a retracted claim: its record is closed. */
export async function assertClaimEditable(tx: Tx, claimId: string): Promise<void> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { status: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists.");
  if (claim.status === "RETRACTED") throw new AppError("INVALID_STATE", "This claim was retracted: its record is closed and cannot be edited.");
}

/**
 * Called after a change to what readers would see (claim text, evidence): an approval covers the
 * content it was given, so an approved verdict goes back to review with a new revision. The public
 * record itself never moves here; only publishing does.
 */
export async function reopenApproval(tx: Tx, claimId: string, actorId: string): Promise<void> {
  const approved = await tx.verdict.findMany({ where: { claimId, state: "APPROVED" }, select: { id: true, revision: true } });
  for (const verdict of approved) {
    const { count } = await tx.verdict.updateMany({
      where: { id: verdict.id, state: "APPROVED", revision: verdict.revision },
      data: { state: "SUBMITTED", revision: { increment: 1 } },
    });
    if (count === 0) continue;
    await writeAudit(tx, {
      actorId,
      action: "verdict.reopen",
      entityType: "verdict",
      entityId: verdict.id,
      before: { state: "APPROVED", revision: verdict.revision },
      after: { state: "SUBMITTED", revision: verdict.revision + 1, reason: "The claim or its evidence changed after approval." },
    });
  }
}
