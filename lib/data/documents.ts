import "server-only";
import { getDb } from "../db";
import { LANGUAGES, type Language } from "../extraction/language";
import { readStoredCandidates, storedCandidates, type StoredCandidate } from "../extraction/stored";
import { splitSentences } from "../extraction/sentences";
import type { ClaimKind, ClaimStatus } from "../generated/prisma/enums";

const asLanguage = (value: string): Language => LANGUAGES.find((l) => l === value) ?? "en";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StoryOption = { id: string; title: string };

/** Stories for the import form's select, newest first. */
export async function listStoryOptions(): Promise<StoryOption[]> {
  const db = await getDb();
  return db.story.findMany({ orderBy: [{ startsOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }], select: { id: true, title: true } });
}

export type DocumentListItem = {
  id: string;
  title: string;
  outlet: string;
  publishedAt: string | null;
  createdAt: string;
  storyTitle: string | null;
  createdByName: string | null;
  claimCount: number;
};

export async function listRecentDocuments({ take = 50 }: { take?: number } = {}): Promise<DocumentListItem[]> {
  const db = await getDb();
  const rows = await db.document.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      title: true,
      outlet: true,
      publishedAt: true,
      createdAt: true,
      story: { select: { title: true } },
      createdBy: { select: { name: true } },
      _count: { select: { claims: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    storyTitle: row.story?.title ?? null,
    createdByName: row.createdBy?.name ?? null,
    claimCount: row._count.claims,
  }));
}

export type ExistingClaim = { slug: string; text: string; claimant: string; kind: ClaimKind; status: ClaimStatus; sentenceStart: number | null };

export type SentenceCandidate = Omit<StoredCandidate, "start">;
/** One sentence of the article as the extraction screen shows it. */
export type SentenceRow = {
  start: number;
  text: string;
  /** One per claim the proposer saw in it; empty when it saw nothing check-worthy. */
  candidates: SentenceCandidate[];
  taken: Array<{ slug: string; text: string }>;
};

export type DocumentWorkbench = {
  id: string;
  title: string;
  outlet: string;
  url: string | null;
  publishedAt: string | null;
  language: Language;
  createdAt: string;
  story: { slug: string; title: string } | null;
  createdByName: string | null;
  claims: ExistingClaim[];
  sentences: SentenceRow[];
};

/**
 * Pure: pairs every sentence with its proposals and the claims already anchored to it. `stored` is
 * what the import computed; without it (articles imported before), they are computed here.
 */
export function buildSentenceRows(
  text: string,
  claims: ExistingClaim[],
  stored: StoredCandidate[] | null = null,
  options: { outlet?: string; language?: Language } = {},
): SentenceRow[] {
  const proposals = new Map<number, SentenceCandidate[]>();
  for (const { start, ...candidate } of stored ?? storedCandidates(text, options)) {
    const list = proposals.get(start);
    if (list) list.push(candidate);
    else proposals.set(start, [candidate]);
  }
  return splitSentences(text).map((sentence) => {
    return {
      start: sentence.start,
      text: sentence.text,
      candidates: proposals.get(sentence.start) ?? [],
      taken: claims.filter((c) => c.sentenceStart === sentence.start).map((c) => ({ slug: c.slug, text: c.text })),
    };
  });
}

/** The article with its sentences, proposals and claims, or null when there is no such article. */
export async function getDocumentWorkbench(id: string): Promise<DocumentWorkbench | null> {
  if (!UUID.test(id)) return null;
  const db = await getDb();
  const row = await db.document.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      publishedAt: true,
      language: true,
      createdAt: true,
      text: true,
      candidates: true,
      story: { select: { slug: true, title: true } },
      createdBy: { select: { name: true } },
      claims: {
        orderBy: [{ sentenceStart: "asc" }, { createdAt: "asc" }],
        select: { slug: true, text: true, claimant: true, kind: true, status: true, sentenceStart: true },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    language: asLanguage(row.language),
    createdAt: row.createdAt.toISOString(),
    story: row.story,
    createdByName: row.createdBy?.name ?? null,
    claims: row.claims,
    sentences: buildSentenceRows(row.text, row.claims, readStoredCandidates(row.candidates), { outlet: row.outlet, language: asLanguage(row.language) }),
  };
}
