import type { Db } from "../../../lib/db/client";
import type { Role } from "../../../lib/generated/prisma/enums";
import { unique } from "../../support/db";
import { createClaim, createSource, createUser, TEST_PASSWORD } from "../../support/factories";
import { signInOrThrow } from "./client";

export type Person = { id: string; email: string; role: Role; cookie: string };

/** A fresh user of the given role, signed in over HTTP (a real next-auth session cookie). */
export async function signedInUser(db: Db, base: string, role: Role): Promise<Person> {
  const user = await createUser(db, role);
  return { id: user.id, email: user.email, role, cookie: await signInOrThrow(base, user.email, TEST_PASSWORD) };
}

/**
 * Everything the database holds except sign-in attempts (a refused sign-in records one on purpose):
 * row count and a hash of every row, per table. Equal before and after = nothing was written.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('login_attempts', '_prisma_migrations')
    ORDER BY table_name`;
  const sql = tables
    .map(({ name }) => `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS print FROM "${name}" t`)
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<Array<{ name: string; print: string }>>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
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
  if (state === "PUBLISHED") {
    await db.verdict.update({ where: { id: verdict.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
    await db.claim.update({ where: { id: claim.id }, data: { status: "PUBLISHED" } });
  }
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

export function claimReviewJson(): string {
  return JSON.stringify({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: `Imported over HTTP ${unique()}`,
    url: `https://factcheck.example/${unique()}`,
    author: { "@type": "Organization", name: "Example Fact Check" },
    datePublished: "2022-01-07",
    reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "Someone" } },
  });
}

export { createClaim, createSource, createUser, unique };
