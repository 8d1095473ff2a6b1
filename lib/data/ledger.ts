import "server-only";
import { getDb } from "../db";

/** Published claims only: the public ledger never sees drafts, notes or people. */
export async function listPublishedClaims({ take = 50 }: { take?: number } = {}) {
  const db = await getDb();
  return db.claim.findMany({
    where: { status: "PUBLISHED", verdicts: { some: { state: "PUBLISHED" } } },
    orderBy: { updatedAt: "desc" },
    take,
    select: {
      slug: true,
      text: true,
      claimant: true,
      hasConflict: true,
      story: { select: { slug: true, title: true } },
      verdicts: { where: { state: "PUBLISHED" }, select: { rating: true, publishedAt: true } },
    },
  });
}

export async function listStories() {
  const db = await getDb();
  return db.story.findMany({
    orderBy: { startsOn: "desc" },
    select: { slug: true, title: true, summary: true, _count: { select: { claims: { where: { status: "PUBLISHED" } } } } },
  });
}
