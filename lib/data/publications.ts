import "server-only";
import { getDb } from "../db";
import { diffVersions, type VersionDiff } from "../public/diff";
import { kindName, toPublicContent } from "../public/mappers";
import type { PublicClaimContent, PublicationKindName } from "../public/types";

/**
 * The desk's view of a claim's public record: its latest publication, whether desk work differs
 * from it (a pending amendment), and for a verdict in review, exactly what readers would see if it
 * were published (the same database function builds the snapshot that publishing stores).
 */
export async function getPublicRecord(claimId: string, openVerdictId: string | null) {
  const db = await getDb();
  const latest = await db.publication.findFirst({
    where: { claimId },
    orderBy: { version: "desc" },
    select: { version: true, kind: true, publishedAt: true, verdictId: true, snapshot: true, note: true },
  });
  let pendingAmendment = false;
  if (latest && latest.kind !== "RETRACTION") {
    const rows = await db.$queryRaw<Array<{ differs: boolean }>>`
      SELECT publication_content(${claimId}::uuid, ${latest.verdictId}::uuid) IS DISTINCT FROM p."snapshot" AS "differs"
      FROM "publications" p WHERE p."claim_id" = ${claimId}::uuid AND p."version" = ${latest.version}`;
    pendingAmendment = rows[0]?.differs === true;
  }
  let preview: { content: PublicClaimContent; diff: VersionDiff | null } | null = null;
  if (openVerdictId) {
    const rows = await db.$queryRaw<Array<{ content: unknown }>>`SELECT publication_content(${claimId}::uuid, ${openVerdictId}::uuid) AS "content"`;
    const raw = rows[0]?.content;
    if (raw) {
      const content = toPublicContent(raw);
      preview = { content, diff: latest ? diffVersions(toPublicContent(latest.snapshot), content) : null };
    }
  }
  return {
    latest: latest ? { version: latest.version, kind: kindName(latest.kind) as PublicationKindName, publishedAt: latest.publishedAt, note: latest.note } : null,
    pendingAmendment,
    preview,
  };
}

export type PublicRecord = Awaited<ReturnType<typeof getPublicRecord>>;
