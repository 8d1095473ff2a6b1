import { readCorpus } from "../corpus";
import type { Db, Tx } from "../db/client";
import { writeAudit } from "../audit";
import { hashPassword } from "../auth/password";
import { normalizeUrl } from "../urls";
import { hasConflict } from "../domain/conflicts";
import { demoClaimants, demoClaims, demoDocument, demoSources, demoStory, demoUsers, demoVocabulary, type SeedClaim } from "../../prisma/seed-data";
import { demoVerdicts } from "../../prisma/seed-verdicts";
import { seedVerdict } from "./verdicts";
import { seedDeskWork } from "./desk-work";
import { inferBound } from "../domain/figures";

export type SeedReport = { created: Record<string, number> };

/**
 * Loads the demo story idempotently: rows are found by their natural keys (email, slug, normalised
 * URL, claim + source) and only missing ones are created, so a second run changes nothing.
 */
export async function seedDemo(db: Db): Promise<SeedReport> {
  const created: Record<string, number> = {};
  const count = (what: string) => (created[what] = (created[what] ?? 0) + 1);
  const text = readCorpus(demoDocument.corpusFile);

  // Hashing is slow on purpose; do it outside the transaction and only for missing users.
  const existing = new Set((await db.user.findMany({ select: { email: true } })).map((u) => u.email));
  const newUsers = await Promise.all(
    demoUsers
      .filter((u) => !existing.has(u.email))
      .map(async (u) => ({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) })),
  );

  await db.$transaction(
    async (tx) => {
      for (const data of newUsers) {
        const user = await tx.user.create({ data, select: { id: true, email: true, role: true } });
        await writeAudit(tx, { actorId: null, action: "seed.user.create", entityType: "user", entityId: user.id, after: user });
        count("users");
      }
      let story = await tx.story.findUnique({ where: { slug: demoStory.slug } });
      if (!story) {
        story = await tx.story.create({ data: { ...demoStory, startsOn: new Date(demoStory.startsOn) } });
        await writeAudit(tx, { actorId: null, action: "seed.story.create", entityType: "story", entityId: story.id, after: story });
        count("stories");
      }
      // The demo document has no URL (its publisher is unidentified): it is the story's document with its title.
      let document = await tx.document.findFirst({ where: { storyId: story.id, title: demoDocument.title } });
      if (!document) {
        document = await tx.document.create({
          data: {
            storyId: story.id,
            url: demoDocument.url,
            title: demoDocument.title,
            outlet: demoDocument.outlet,
            publishedAt: new Date(demoDocument.publishedAt),
            text,
          },
        });
        await writeAudit(tx, { actorId: null, action: "seed.document.create", entityType: "document", entityId: document.id, after: { id: document.id, title: document.title } });
        count("documents");
      }
      const sourceIds = await upsertSources(tx, count);
      const vocabulary = await upsertVocabulary(tx, story.id, count);
      await upsertClaimants(tx, count);
      for (const claim of demoClaims) {
        await upsertClaim(tx, { claim, storyId: story.id, documentId: document.id, text, sourceIds, vocabulary, count });
      }
      const people = await demoPeople(tx);
      for (const verdict of demoVerdicts) {
        const claim = await tx.claim.findUniqueOrThrow({ where: { slug: verdict.claim }, select: { id: true } });
        if (await seedVerdict(tx, claim.id, verdict, people)) count("verdicts");
      }
      await seedDeskWork(tx, count);
    },
    // One transaction, run once at start-up with nothing else waiting on it: generous for a slow disk or a busy machine.
    { timeout: 300_000 },
  );
  return { created };
}

async function demoPeople(tx: Tx) {
  const [author, reviewer] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: "checker@claimdesk.test" }, select: { id: true } }),
    tx.user.findUniqueOrThrow({ where: { email: "editor@claimdesk.test" }, select: { id: true } }),
  ]);
  return { authorId: author.id, reviewerId: reviewer.id };
}

async function upsertSources(tx: Tx, count: (what: string) => void): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { key, ...source } of demoSources) {
    const normalizedUrl = normalizeUrl(source.url);
    let row = await tx.source.findUnique({ where: { normalizedUrl }, select: { id: true } });
    if (!row) {
      row = await tx.source.create({
        data: { ...source, normalizedUrl, publishedAt: source.publishedAt ? new Date(source.publishedAt) : null },
        select: { id: true },
      });
      await writeAudit(tx, { actorId: null, action: "seed.source.create", entityType: "source", entityId: row.id, after: { key, ...source } });
      count("sources");
    }
    ids.set(key, row.id);
  }
  return ids;
}

type SeededThing = { id: string; label: string; unit: string; cumulative: boolean };

/** The demo claimants, found by name; claims written after link to them by name (claims_link_claimant). */
async function upsertClaimants(tx: Tx, count: (what: string) => void): Promise<void> {
  for (const claimant of demoClaimants) {
    if (await tx.claimant.findFirst({ where: { name: { equals: claimant.name, mode: "insensitive" } }, select: { id: true } })) continue;
    const row = await tx.claimant.create({ data: claimant, select: { id: true, name: true, type: true, sameAs: true, aliases: true } });
    await writeAudit(tx, { actorId: null, action: "seed.claimant.create", entityType: "claimant", entityId: row.id, after: row });
    count("claimants");
  }
}

/** The story's vocabulary by every word that names an entry (label or synonym). */
async function upsertVocabulary(tx: Tx, storyId: string, count: (what: string) => void): Promise<Map<string, SeededThing>> {
  const byWords = new Map<string, SeededThing>();
  for (const thing of demoVocabulary) {
    let row = await tx.countedThing.findUnique({ where: { storyId_label: { storyId, label: thing.label } }, select: { id: true, label: true, unit: true, cumulative: true } });
    if (!row) {
      row = await tx.countedThing.create({ data: { ...thing, storyId }, select: { id: true, label: true, unit: true, cumulative: true } });
      await writeAudit(tx, { actorId: null, action: "seed.counted_thing.create", entityType: "counted_thing", entityId: row.id, after: thing });
      count("counted things");
    }
    for (const words of [thing.label, ...thing.synonyms]) byWords.set(words, row);
  }
  return byWords;
}

type ClaimSeedOptions = {
  claim: SeedClaim;
  storyId: string;
  documentId: string;
  text: string;
  sourceIds: Map<string, string>;
  vocabulary: Map<string, SeededThing>;
  count: (what: string) => void;
};

async function upsertClaim(tx: Tx, { claim, storyId, documentId, text, sourceIds, vocabulary, count }: ClaimSeedOptions) {
  const counted = (words: string) => {
    const thing = vocabulary.get(words);
    if (!thing) throw new Error(`Seed data: claim ${claim.slug} counts "${words}", which is not in the story's vocabulary`);
    return thing;
  };
  const sourceId = (key: string) => {
    const id = sourceIds.get(key);
    if (!id) throw new Error(`Seed data: claim ${claim.slug} names unknown source ${key}`);
    return id;
  };
  const sentenceStart = text.indexOf(claim.sentence);
  if (sentenceStart < 0) throw new Error(`Seed data: the sentence of ${claim.slug} is not in the corpus`);

  let row = await tx.claim.findUnique({ where: { slug: claim.slug }, select: { id: true } });
  if (!row) {
    row = await tx.claim.create({
      data: {
        slug: claim.slug,
        storyId,
        documentId,
        text: claim.text,
        claimant: claim.claimant,
        claimedAt: claim.claimedAt ? new Date(claim.claimedAt) : null,
        kind: claim.kind,
        status: claim.status,
        sentence: claim.sentence,
        sentenceStart,
        hasConflict: hasConflict(
          claim.evidence.map((e) => {
            if (!e.figure) return { stance: e.stance, figure: null };
            const { label, unit, cumulative } = counted(e.figure.counted);
            return { stance: e.stance, figure: { ...e.figure, bound: inferBound(e.figure), counted: label, unit, cumulative } };
          }),
        ),
      },
      select: { id: true, slug: true, status: true },
    });
    await writeAudit(tx, { actorId: null, action: "seed.claim.create", entityType: "claim", entityId: row.id, after: row });
    count("claims");
  }
  for (const evidence of claim.evidence) {
    const key = { claimId_sourceId: { claimId: row.id, sourceId: sourceId(evidence.source) } };
    if (await tx.evidence.findUnique({ where: key, select: { id: true } })) continue;
    const { figure } = evidence;
    const createdEvidence = await tx.evidence.create({
      data: {
        claimId: row.id,
        sourceId: sourceId(evidence.source),
        citesSourceId: evidence.cites ? sourceId(evidence.cites) : null,
        stance: evidence.stance,
        excerpt: evidence.excerpt,
        location: evidence.location ?? null,
        attribution: evidence.attribution ?? null,
        note: evidence.note ?? null,
        excerptLanguage: demoSources.find((s) => s.key === evidence.source)?.language ?? null,
        translation: evidence.translation ?? null,
        figure: figure
          ? {
              create: {
                bound: inferBound(figure),
                low: figure.low,
                high: figure.high,
                words: figure.words ?? null,
                countedThingId: counted(figure.counted).id,
                asOf: figure.asOf ? new Date(figure.asOf) : null,
              },
            }
          : undefined,
      },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: null, action: "seed.evidence.create", entityType: "evidence", entityId: createdEvidence.id, after: { claim: claim.slug, ...evidence } });
    count("evidence");
  }
}
