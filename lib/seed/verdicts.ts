import type { Tx } from "../db/client";
import { writeAudit } from "../audit";
import { RATINGS } from "../ratings";
import type { SeedVerdict } from "../../prisma/seed-verdicts";
import { recordPublication } from "../services/publications";

type People = { authorId: string; reviewerId: string };

/**
 * Seeds one demo verdict through the same states the desk uses: draft -> submitted -> approved by
 * someone else -> published (-> superseded by a correction), each publication stored as the same
 * snapshot the desk's publish stores. Skipped when the claim has verdicts.
 */
export async function seedVerdict(tx: Tx, claimId: string, seed: SeedVerdict, people: People): Promise<boolean> {
  if ((await tx.verdict.count({ where: { claimId } })) > 0) return false;
  const first = await publishChain(tx, { claimId, people, rating: seed.rating, reasoning: seed.reasoning, evidenceGap: seed.evidenceGap, asOf: seed.asOf, publish: seed.stage === "published" });
  if (seed.correction) {
    await publishChain(tx, {
      claimId,
      people,
      rating: seed.correction.rating,
      reasoning: seed.correction.reasoning,
      supersedes: { id: first, note: seed.correction.note },
      publish: true,
    });
  }
  await tx.claim.update({ where: { id: claimId }, data: { status: seed.stage === "published" ? "PUBLISHED" : "IN_REVIEW" } });
  return true;
}

type ChainOptions = {
  claimId: string;
  people: People;
  rating: SeedVerdict["rating"];
  reasoning: string;
  evidenceGap?: string;
  asOf?: string;
  supersedes?: { id: string; note: string };
  publish: boolean;
};

async function publishChain(tx: Tx, o: ChainOptions): Promise<string> {
  const submittedAt = new Date();
  const verdict = await tx.verdict.create({
    data: {
      claimId: o.claimId,
      rating: o.rating,
      ratingValue: RATINGS[o.rating].value,
      reasoning: o.reasoning,
      evidenceGap: o.evidenceGap ?? null,
      asOf: o.asOf ? new Date(o.asOf) : null,
      state: "SUBMITTED",
      submittedAt,
      authorId: o.people.authorId,
      lastEditedById: o.people.authorId,
      supersedesId: o.supersedes?.id ?? null,
      correctionNote: o.supersedes?.note ?? null,
    },
  });
  await writeAudit(tx, { actorId: o.people.authorId, action: "seed.verdict.submit", entityType: "verdict", entityId: verdict.id, after: verdict });
  if (!o.publish) return verdict.id;
  await tx.reviewDecision.create({
    data: { verdictId: verdict.id, reviewerId: o.people.reviewerId, outcome: "APPROVED", verdictRevision: verdict.revision, comment: "Demo approval." },
  });
  await tx.verdict.update({ where: { id: verdict.id }, data: { state: "APPROVED" } });
  const publishedAt = new Date();
  if (o.supersedes) {
    await tx.verdict.update({ where: { id: o.supersedes.id }, data: { state: "SUPERSEDED" } });
  }
  const published = await tx.verdict.update({ where: { id: verdict.id }, data: { state: "PUBLISHED", publishedAt } });
  const publication = await recordPublication(tx, {
    claimId: o.claimId,
    verdictId: verdict.id,
    kind: o.supersedes ? "CORRECTION" : "ORIGINAL",
    note: o.supersedes?.note ?? null,
    publishedById: o.people.reviewerId,
    publishedAt,
  });
  await writeAudit(tx, { actorId: o.people.reviewerId, action: "seed.verdict.publish", entityType: "verdict", entityId: verdict.id, after: { ...published, publication } });
  return verdict.id;
}
