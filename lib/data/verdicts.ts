import "server-only";
import { getDb } from "../db";
import { findConflicts } from "../domain/conflicts";
import { figureSelect, toFigure } from "./evidence";

/**
 * Everything the verdict panel on a claim page shows, for one viewer. `viewerEdited` says whether
 * the viewer wrote or edited a verdict (the four-eyes rule), without handing out user ids.
 */
export async function getVerdictPanel(claimId: string, viewerId: string) {
  const db = await getDb();
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      slug: true,
      kind: true,
      status: true,
      evidence: {
        orderBy: { createdAt: "asc" },
        select: { id: true, stance: true, excerpt: true, source: { select: { outlet: true, title: true } } },
      },
    },
  });
  if (!claim) return null;
  const [verdicts, retraction] = await Promise.all([
    db.verdict.findMany({
      where: { claimId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        rating: true,
        reasoning: true,
        evidenceGap: true,
        asOf: true,
        state: true,
        revision: true,
        supersedesId: true,
        correctionNote: true,
        amendmentKind: true,
        submittedAt: true,
        publishedAt: true,
        createdAt: true,
        updatedAt: true,
        author: { select: { name: true } },
        lastEditedBy: { select: { name: true } },
        evidence: { select: { evidenceId: true } },
        editors: { where: { userId: viewerId }, select: { userId: true } },
        supersededBy: { select: { id: true } },
        reviews: {
          orderBy: { createdAt: "asc" },
          select: { id: true, outcome: true, verdictRevision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } },
        },
      },
    }),
    db.auditLog.findFirst({
      where: { entityType: "claim", entityId: claimId, action: "claim.retract" },
      orderBy: { id: "desc" },
      select: { after: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);
  const note = (retraction?.after as { note?: unknown } | null | undefined)?.note;
  return {
    claim: {
      id: claim.id,
      slug: claim.slug,
      kind: claim.kind,
      status: claim.status,
    },
    evidence: claim.evidence.map((e) => ({
      id: e.id,
      stance: e.stance,
      excerpt: e.excerpt,
      outlet: e.source.outlet,
      title: e.source.title,
    })),
    verdicts: verdicts.map(({ author, lastEditedBy, evidence, editors, supersededBy, ...v }) => ({
      ...v,
      authorName: author.name,
      lastEditedByName: lastEditedBy.name,
      evidenceIds: evidence.map((e) => e.evidenceId),
      viewerEdited: editors.length > 0,
      supersededById: supersededBy?.id ?? null,
      reviews: v.reviews.map(({ reviewer, ...r }) => ({ ...r, reviewerName: reviewer.name })),
    })),
    retraction: retraction && typeof note === "string" ? { note, at: retraction.createdAt, by: retraction.actor?.name ?? "system" } : null,
  };
}

export type VerdictPanelData = NonNullable<Awaited<ReturnType<typeof getVerdictPanel>>>;
export type VerdictView = VerdictPanelData["verdicts"][number];
export type EvidenceOption = VerdictPanelData["evidence"][number];

/** Verdicts waiting for an editor, oldest submission first. */
export async function listReviewQueue(viewerId: string, { take = 200 }: { take?: number } = {}) {
  const db = await getDb();
  const rows = await db.verdict.findMany({
    where: { state: "SUBMITTED" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      rating: true,
      reasoning: true,
      revision: true,
      submittedAt: true,
      supersedesId: true,
      amendmentKind: true,
      author: { select: { name: true } },
      claim: {
        select: {
          slug: true,
          text: true,
          claimant: true,
          hasConflict: true,
          evidence: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, stance: true, excerpt: true, source: { select: { outlet: true } }, figure: { select: figureSelect } },
          },
        },
      },
      editors: { where: { userId: viewerId }, select: { userId: true } },
    },
  });
  const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return rows.map(({ author, editors, reasoning, claim: { evidence, ...claim }, ...row }) => ({
    ...row,
    claim,
    reasoningExcerpt: short(reasoning, 240),
    authorName: author.name,
    isCorrection: row.supersedesId !== null,
    viewerEdited: editors.length > 0,
    // What the approval covers: every source readers would see, and the conflicts between them.
    sources: evidence.map((e) => ({ id: e.id, stance: e.stance, outlet: e.source.outlet, excerpt: short(e.excerpt, 140) })),
    conflicts: findConflicts(evidence.map((e) => ({ stance: e.stance, source: e.source.outlet, figure: e.figure ? toFigure(e.figure) : null }))),
  }));
}

export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>[number];

/** Whether the claim's verdict waits for review or publication: then only "withdraw" takes the claim out of review. */
export async function hasVerdictInReview(claimId: string): Promise<boolean> {
  const db = await getDb();
  return (await db.verdict.count({ where: { claimId, state: { in: ["SUBMITTED", "APPROVED"] } } })) > 0;
}
