import "server-only";
import { getDb } from "../db";
import type { Tx } from "../db/client";

const storySelect = { id: true, slug: true, title: true, summary: true, startsOn: true, archivedAt: true, updatedAt: true } as const;

export type StoryItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startsOn: string | null;
  archived: boolean;
  claims: number;
  published: number;
};

type StoryRow = { id: string; slug: string; title: string; summary: string; startsOn: Date | null; archivedAt: Date | null };

const toItem = (row: StoryRow, claims: number, published: number): StoryItem => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  startsOn: row.startsOn ? row.startsOn.toISOString().slice(0, 10) : null,
  archived: row.archivedAt !== null,
  claims,
  published,
});

/** Every story for the desk: open ones first, newest start first, with claim counts. */
export async function listStories(): Promise<StoryItem[]> {
  const db = await getDb();
  const rows = await db.story.findMany({
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { startsOn: { sort: "desc", nulls: "last" } }, { title: "asc" }],
    select: { ...storySelect, _count: { select: { claims: true } } },
  });
  const published = await countPublished(rows.map((r) => r.id));
  return rows.map((row) => toItem(row, row._count.claims, published.get(row.id) ?? 0));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A story with its claims for the desk; anything that is not an id is simply not found. */
export async function getStory(id: string) {
  if (!UUID.test(id)) return null;
  const db = await getDb();
  const row = await db.story.findUnique({
    where: { id },
    select: { ...storySelect, claims: { orderBy: { updatedAt: "desc" }, select: { id: true, slug: true, text: true, status: true } } },
  });
  if (!row) return null;
  const published = await countPublished([row.id]);
  return { ...toItem(row, row.claims.length, published.get(row.id) ?? 0), claimItems: row.claims };
}

/** Claims of each story with at least one publication (their story header is public as published). */
async function countPublished(ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.claim.groupBy({ by: ["storyId"], where: { storyId: { in: ids }, publications: { some: {} } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.storyId!, r._count._all]));
}

/** The story as the audit log records it. */
export async function loadStory(tx: Tx, id: string) {
  return tx.story.findUnique({ where: { id }, select: storySelect });
}
