import "server-only";
import { getDb } from "../db";
import { publicationRowSelect, toPublicClaim } from "./mappers";
import type { PublicClaim } from "./types";

/**
 * Every claim a story's publications ever named (retracted ones too), each as its public record:
 * the per-story feed. Reads publications only; a claim moved to another story after publication
 * stays in the story its snapshots name.
 */
export async function listStoryRecords(storySlug: string, take = 200): Promise<PublicClaim[]> {
  const db = await getDb();
  const ids = await db.$queryRaw<Array<{ claimId: string }>>`
    SELECT p."claim_id" AS "claimId" FROM "publications" p
    WHERE (p."snapshot" -> 'story' ->> 'slug') = ${storySlug}
    GROUP BY p."claim_id" ORDER BY max(p."published_at") DESC LIMIT ${take}`;
  if (ids.length === 0) return [];
  const rows = await db.publication.findMany({
    where: { claimId: { in: ids.map((r) => r.claimId) } },
    orderBy: { version: "asc" },
    select: { claimId: true, ...publicationRowSelect },
  });
  return ids.flatMap(({ claimId }) => toPublicClaim(rows.filter((r) => r.claimId === claimId)) ?? []);
}
