import type { Db } from "../../lib/db/client";
import type { Rating, Stance } from "../../lib/generated/prisma/enums";
import { RATINGS } from "../../lib/ratings";
import { recordPublication } from "../../lib/services/publications";
import { unique } from "../support/db";
import { countedThing, createSource, type TestUser } from "../support/factories";

export type People = { author: TestUser; reviewer: TestUser };

/**
 * A verdict through the states the database allows: submitted -> approved by another user ->
 * published, with its publication (the snapshot readers see), as the desk's publish stores it.
 */
export async function publishVerdict(
  db: Db,
  people: People,
  claimId: string,
  o: { rating: Rating; reasoning?: string; publishedAt?: Date; comment?: string; supersedes?: { id: string; note: string; kind?: "UPDATE" | "CORRECTION" } },
): Promise<string> {
  return db.$transaction(async (tx) => {
    const verdict = await tx.verdict.create({
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
        amendmentKind: o.supersedes ? (o.supersedes.kind ?? "CORRECTION") : null,
      },
    });
    await tx.reviewDecision.create({ data: { verdictId: verdict.id, reviewerId: people.reviewer.id, outcome: "APPROVED", verdictRevision: 1, comment: o.comment ?? "Approved." } });
    await tx.verdict.update({ where: { id: verdict.id }, data: { state: "APPROVED" } });
    if (o.supersedes) await tx.verdict.update({ where: { id: o.supersedes.id }, data: { state: "SUPERSEDED" } });
    const publishedAt = o.publishedAt ?? new Date();
    await tx.verdict.update({ where: { id: verdict.id }, data: { state: "PUBLISHED", publishedAt } });
    await recordPublication(tx, {
      claimId,
      verdictId: verdict.id,
      kind: o.supersedes ? (o.supersedes.kind ?? "CORRECTION") : "ORIGINAL",
      note: o.supersedes?.note ?? null,
      publishedById: people.reviewer.id,
      publishedAt,
    });
    return verdict.id;
  });
}

/** Retracts a published claim the way the desk does: a retraction publication with its note, then the status. */
export async function retractPublishedClaim(db: Db, claimId: string, o: { note: string; by: TestUser; at?: Date }) {
  await db.$transaction(async (tx) => {
    const latest = await tx.publication.findFirstOrThrow({ where: { claimId }, orderBy: { version: "desc" }, select: { verdictId: true } });
    await recordPublication(tx, { claimId, verdictId: latest.verdictId, kind: "RETRACTION", note: o.note, publishedById: o.by.id, publishedAt: o.at });
    await tx.claim.update({ where: { id: claimId }, data: { status: "RETRACTED" } });
  });
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
    if (e.figure) {
      const thing = await countedThing(db, { storyId: claim.storyId, label: e.figure.counted });
      await db.reportedFigure.create({ data: { evidenceId: evidence.id, bound: e.figure.low === e.figure.high ? "EXACT" : "RANGE", low: e.figure.low, high: e.figure.high, countedThingId: thing.id, asOf: e.figure.asOf ?? null } });
    }
    sources.push(source);
  }
  const verdictId = await publishVerdict(db, people, claim.id, { rating: o.rating ?? "FALSE", publishedAt: o.publishedAt, comment: o.reviewComment });
  await db.claim.update({ where: { id: claim.id }, data: { status: "PUBLISHED" } });
  return { claim, verdictId, sources };
}
