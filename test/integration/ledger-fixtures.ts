import type { Db } from "../../lib/db/client";
import type { Rating, Stance } from "../../lib/generated/prisma/enums";
import { RATINGS } from "../../lib/ratings";
import { unique } from "../support/db";
import { createSource, type TestUser } from "../support/factories";

export type People = { author: TestUser; reviewer: TestUser };

/** A verdict through the states the database allows: submitted -> approved by another user -> published. */
export async function publishVerdict(
  db: Db,
  people: People,
  claimId: string,
  o: { rating: Rating; reasoning?: string; publishedAt?: Date; comment?: string; supersedes?: { id: string; note: string } },
): Promise<string> {
  const verdict = await db.verdict.create({
    data: {
      claimId,
      rating: o.rating,
      ratingValue: RATINGS[o.rating].value,
      reasoning: o.reasoning ?? `Reasoning for ${o.rating}`,
      state: "SUBMITTED",
      submittedAt: new Date(),
      authorId: people.author.id,
      lastEditedById: people.author.id,
      supersedesId: o.supersedes?.id ?? null,
      correctionNote: o.supersedes?.note ?? null,
    },
  });
  await db.reviewDecision.create({ data: { verdictId: verdict.id, reviewerId: people.reviewer.id, outcome: "APPROVED", verdictRevision: 1, comment: o.comment ?? "Approved." } });
  await db.verdict.update({ where: { id: verdict.id }, data: { state: "APPROVED" } });
  if (o.supersedes) await db.verdict.update({ where: { id: o.supersedes.id }, data: { state: "SUPERSEDED" } });
  await db.verdict.update({ where: { id: verdict.id }, data: { state: "PUBLISHED", publishedAt: o.publishedAt ?? new Date() } });
  return verdict.id;
}

/** A published claim (status PUBLISHED with one PUBLISHED verdict), optionally in a story and with sources. */
export async function createPublishedClaim(
  db: Db,
  people: People,
  o: {
    rating?: Rating;
    reviewComment?: string;
    text?: string;
    claimant?: string;
    storyId?: string;
    publishedAt?: Date;
    claimedAt?: Date;
    documentId?: string;
    sentence?: string;
    evidence?: Array<{ stance: Stance; excerpt?: string; note?: string; publishedAt?: Date; citesSourceId?: string; figure?: { low: number; high: number; counted: string; asOf?: Date } }>;
  } = {},
) {
  const slug = unique("pub");
  const claim = await db.claim.create({
    data: {
      slug,
      text: o.text ?? `Published claim ${slug}`,
      claimant: o.claimant ?? "Ministry of Energy",
      kind: "NUMERIC",
      storyId: o.storyId ?? null,
      claimedAt: o.claimedAt ?? null,
      documentId: o.documentId ?? null,
      sentence: o.sentence ?? null,
      sentenceStart: o.sentence ? 0 : null,
    },
  });
  const sources = [];
  for (const e of o.evidence ?? []) {
    const source = await createSource(db, { outlet: `Outlet ${sources.length + 1}` });
    if (e.publishedAt) await db.source.update({ where: { id: source.id }, data: { publishedAt: e.publishedAt, title: `Report ${sources.length + 1}` } });
    const evidence = await db.evidence.create({
      data: { claimId: claim.id, sourceId: source.id, stance: e.stance, excerpt: e.excerpt ?? "An excerpt.", note: e.note ?? null, citesSourceId: e.citesSourceId ?? null },
    });
    if (e.figure) await db.reportedFigure.create({ data: { evidenceId: evidence.id, low: e.figure.low, high: e.figure.high, counted: e.figure.counted, asOf: e.figure.asOf ?? null } });
    sources.push(source);
  }
  const verdictId = await publishVerdict(db, people, claim.id, { rating: o.rating ?? "FALSE", publishedAt: o.publishedAt, comment: o.reviewComment });
  await db.claim.update({ where: { id: claim.id }, data: { status: "PUBLISHED" } });
  return { claim, verdictId, sources };
}
