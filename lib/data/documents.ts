import "server-only";
import { getDb } from "../db";
import { proposeCandidates, type CandidateKind, type CandidateReason } from "../extraction/candidates";
import { splitSentences } from "../extraction/sentences";
import type { ClaimKind, ClaimStatus } from "../generated/prisma/enums";

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

/** One sentence of the article as the extraction screen shows it. */
export type SentenceRow = {
  start: number;
  text: string;
  /** Null when the proposer saw nothing check-worthy in it. */
  candidate: { reasons: CandidateReason[]; kind: CandidateKind; claimant: string | null; figures: string[]; score: number } | null;
  taken: Array<{ slug: string; text: string }>;
};

export type DocumentWorkbench = {
  id: string;
  title: string;
  outlet: string;
  url: string | null;
  publishedAt: string | null;
  createdAt: string;
  story: { slug: string; title: string } | null;
  createdByName: string | null;
  claims: ExistingClaim[];
  sentences: SentenceRow[];
};

/** Pure: pairs every sentence with its proposal (if any) and the claims already anchored to it. */
export function buildSentenceRows(text: string, claims: ExistingClaim[]): SentenceRow[] {
  const proposals = new Map(proposeCandidates(text).map((c) => [c.sentence.start, c]));
  return splitSentences(text).map((sentence) => {
    const proposal = proposals.get(sentence.start);
    return {
      start: sentence.start,
      text: sentence.text,
      candidate: proposal
        ? {
            reasons: proposal.reasons,
            kind: proposal.suggestedKind,
            claimant: proposal.suggestedClaimant,
            figures: proposal.figures,
            score: proposal.score,
          }
        : null,
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
      createdAt: true,
      text: true,
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
    createdAt: row.createdAt.toISOString(),
    story: row.story,
    createdByName: row.createdBy?.name ?? null,
    claims: row.claims,
    sentences: buildSentenceRows(row.text, row.claims),
  };
}
