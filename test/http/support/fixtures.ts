import type { Db } from "../../../lib/db/client";
import type { Role } from "../../../lib/generated/prisma/enums";
import { unique } from "../../support/db";
import { claimReviewJson, countedThing, createClaim, createReaderRequest, createSource, createStory, createUser, publishApproved, TEST_PASSWORD } from "../../support/factories";
import { signInOrThrow } from "./client";

export type Person = { id: string; email: string; role: Role; cookie: string };

/** A fresh user of the given role, signed in over HTTP (a real next-auth session cookie). */
export async function signedInUser(db: Db, base: string, role: Role): Promise<Person> {
  const user = await createUser(db, role);
  return { id: user.id, email: user.email, role, cookie: await signInOrThrow(base, user.email, TEST_PASSWORD) };
}

/**
 * How many rows have been written, ever, to any table but sign-in attempts (a refused sign-in
 * records one on purpose); counted by the triggers of support/write-counter.ts. Equal before and
 * after = nothing was written.
 */
export async function fingerprint(db: Db): Promise<{ writes: number }> {
  const rows = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM test_writes`;
  return { writes: rows[0]?.n ?? 0 };
}

export async function maxAuditId(db: Db): Promise<bigint> {
  const rows = await db.$queryRaw<Array<{ max: bigint | null }>>`SELECT max(id) AS max FROM audit_log`;
  return rows[0]?.max ?? 0n;
}

export async function auditRowsSince(db: Db, since: bigint, actorId: string) {
  return db.auditLog.findMany({ where: { id: { gt: since }, actorId }, select: { action: true } });
}

/** A claim with a verdict in the given state, written by `authorId` (and approved by `reviewerId`). */
export async function claimWithVerdict(db: Db, state: "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED", people: { authorId: string; reviewerId: string }) {
  const claim = await createClaim(db);
  const verdict = await db.verdict.create({
    data: {
      claimId: claim.id,
      rating: "FALSE",
      ratingValue: 1,
      reasoning: "No outlet or official source reports it.",
      authorId: people.authorId,
      lastEditedById: people.authorId,
      state: state === "DRAFT" ? "DRAFT" : "SUBMITTED",
      submittedAt: state === "DRAFT" ? null : new Date(),
    },
  });
  if (state === "APPROVED" || state === "PUBLISHED") {
    await db.reviewDecision.create({ data: { verdictId: verdict.id, reviewerId: people.reviewerId, outcome: "APPROVED", verdictRevision: 1 } });
    await db.verdict.update({ where: { id: verdict.id }, data: { state: "APPROVED" } });
  }
  if (state === "PUBLISHED") await publishApproved(db, { claimId: claim.id, verdictId: verdict.id, publishedById: people.reviewerId });
  return { claim, verdict };
}

export const ARTICLE = "Almaty police said 353 police were injured and 12 were killed. The airport was cleared, officials said.";
export const ARTICLE_SENTENCE = "Almaty police said 353 police were injured and 12 were killed.";

export async function createDocument(db: Db) {
  return db.document.create({ data: { title: unique("doc"), outlet: "Wire", text: ARTICLE } });
}

export async function createEvidence(db: Db) {
  const claim = await createClaim(db);
  const source = await createSource(db);
  const evidence = await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "x" } });
  return { claim, evidence };
}


export { claimReviewJson, countedThing, createClaim, createReaderRequest, createSource, createStory, createUser, unique };
