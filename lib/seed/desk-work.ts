import type { Tx } from "../db/client";
import { writeAudit } from "../audit";
import { RATINGS } from "../ratings";
import { findMentions } from "../mentions";
import { demoAssignments, demoComments, demoDrafts, demoSentBack, type SeedDraft } from "../../prisma/seed-desk-work";

/**
 * Demo desk work so every demo account's start page has content (prisma/seed-desk-work.ts).
 * Idempotent: an assignment is made only on an unassigned claim, a verdict only on a claim
 * without one, a comment only when the same author has not written the same text on it.
 */
export async function seedDeskWork(tx: Tx, count: (what: string) => void): Promise<void> {
  const users = await tx.user.findMany({ select: { id: true, email: true, name: true, disabled: true } });
  const user = (email: string) => {
    const found = users.find((u) => u.email === email);
    if (!found) throw new Error(`Seed data: no demo user ${email}`);
    return found.id;
  };
  const claimId = async (slug: string) => (await tx.claim.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

  for (const a of demoAssignments) {
    const id = await claimId(a.claim);
    const { count: changed } = await tx.claim.updateMany({ where: { id, assigneeId: null }, data: { assigneeId: user(a.assignee) } });
    if (changed === 0) continue;
    await writeAudit(tx, { actorId: null, action: "seed.claim.assign", entityType: "claim", entityId: id, after: { assigneeId: user(a.assignee) } });
    await tx.notification.create({ data: { recipientId: user(a.assignee), kind: "ASSIGNED", claimId: id, actorId: user(a.by) } });
    count("assignments");
  }
  for (const draft of demoDrafts) {
    if (await createVerdict(tx, await claimId(draft.claim), draft, user(draft.author))) count("verdicts");
  }
  for (const back of demoSentBack) {
    const id = await claimId(back.claim);
    const verdictId = await createVerdict(tx, id, back, user(back.author));
    if (!verdictId) continue;
    await tx.verdict.update({ where: { id: verdictId }, data: { state: "SUBMITTED", submittedAt: new Date() } });
    const review = await tx.reviewDecision.create({ data: { verdictId, reviewerId: user(back.reviewer), outcome: "REJECTED", verdictRevision: 1, comment: back.comment } });
    await tx.verdict.update({ where: { id: verdictId }, data: { state: "REJECTED" } });
    await writeAudit(tx, { actorId: null, action: "seed.verdict.reject", entityType: "verdict", entityId: verdictId, after: { review } });
    await tx.notification.create({ data: { recipientId: user(back.author), kind: "SENT_BACK", claimId: id, actorId: user(back.reviewer) } });
    count("verdicts");
  }
  for (const c of demoComments) {
    const id = await claimId(c.claim);
    const authorId = user(c.author);
    if (await tx.claimComment.findFirst({ where: { claimId: id, authorId, body: c.body }, select: { id: true } })) continue;
    const comment = await tx.claimComment.create({ data: { claimId: id, authorId, body: c.body } });
    await writeAudit(tx, { actorId: null, action: "seed.comment.create", entityType: "comment", entityId: comment.id, after: comment });
    for (const mentioned of findMentions(c.body, users.filter((u) => !u.disabled && u.id !== authorId))) {
      await tx.notification.create({ data: { recipientId: mentioned.id, kind: "MENTIONED", claimId: id, actorId: authorId, commentId: comment.id } });
    }
    count("comments");
  }
}

/** A draft verdict by `authorId`, unless the claim already has a verdict. */
async function createVerdict(tx: Tx, claimId: string, seed: SeedDraft, authorId: string): Promise<string | null> {
  if ((await tx.verdict.count({ where: { claimId } })) > 0) return null;
  const verdict = await tx.verdict.create({
    data: { claimId, rating: seed.rating, ratingValue: RATINGS[seed.rating].value, reasoning: seed.reasoning, authorId, lastEditedById: authorId },
  });
  await writeAudit(tx, { actorId: null, action: "seed.verdict.draft", entityType: "verdict", entityId: verdict.id, after: verdict });
  return verdict.id;
}
