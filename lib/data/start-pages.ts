import "server-only";
import { getDb } from "../db";
import type { ClaimStatus } from "../generated/prisma/enums";

export type WorkClaim = { id: string; slug: string; text: string; status: ClaimStatus; updatedAt: string };
export type SentBack = { verdictId: string; claim: { slug: string; text: string }; reviewer: string; comment: string; decidedAt: string };

/** A fact-checker's start page: open claims assigned to them, their draft verdicts, verdicts sent back with the reviewers' comments. */
export async function getMyWork(userId: string) {
  const db = await getDb();
  const [assigned, drafts, rejected] = await Promise.all([
    db.claim.findMany({
      where: { assigneeId: userId, status: { notIn: ["PUBLISHED", "RETRACTED"] } },
      orderBy: { updatedAt: "desc" },
      take: 50,
      select: { id: true, slug: true, text: true, status: true, updatedAt: true },
    }),
    db.verdict.findMany({
      where: { authorId: userId, state: "DRAFT" },
      orderBy: { updatedAt: "desc" },
      take: 50,
      select: { id: true, updatedAt: true, claim: { select: { id: true, slug: true, text: true, status: true } } },
    }),
    db.verdict.findMany({
      where: { authorId: userId, state: "REJECTED" },
      orderBy: { updatedAt: "desc" },
      take: 50,
      select: {
        id: true,
        claim: { select: { slug: true, text: true } },
        reviews: { where: { outcome: "REJECTED" }, orderBy: { createdAt: "desc" }, take: 1, select: { comment: true, createdAt: true, reviewer: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    assigned: assigned.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
    drafts: drafts.map((d) => ({ ...d.claim, updatedAt: d.updatedAt.toISOString() })),
    sentBack: rejected.flatMap((v): SentBack[] => {
      const review = v.reviews[0];
      return review ? [{ verdictId: v.id, claim: v.claim, reviewer: review.reviewer.name, comment: review.comment, decidedAt: review.createdAt.toISOString() }] : [];
    }),
  };
}

/** The review queue's counts: waiting for a decision, approved and waiting to be published, sent back. */
export async function getReviewCounts() {
  const db = await getDb();
  const rows = await db.verdict.groupBy({ by: ["state"], where: { state: { in: ["SUBMITTED", "APPROVED", "REJECTED"] } }, _count: { _all: true } });
  const count = (state: string) => rows.find((r) => r.state === state)?._count._all ?? 0;
  return { waiting: count("SUBMITTED"), approved: count("APPROVED"), sentBack: count("REJECTED") };
}

/** An admin's start page: the accounts at a glance. */
export async function getUserCounts() {
  const db = await getDb();
  const rows = await db.user.groupBy({ by: ["role", "disabled"], _count: { _all: true } });
  return rows.map((r) => ({ role: r.role, disabled: r.disabled, count: r._count._all }));
}
