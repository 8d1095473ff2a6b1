import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readCorpus } from "../../lib/corpus";
import { testDb, unique } from "../support/db";
import { createStory, createUser } from "../support/factories";
import { createClaimsFromCandidates, importDocument } from "../../lib/services/documents";
import { createClaim } from "../../lib/services/claims";
import { buildSentenceRows } from "../../lib/data/documents";
import { proposeCandidates } from "../../lib/extraction/candidates";
import { readStoredCandidates, storedCandidates } from "../../lib/extraction/stored";
import { expectOk } from "../support/results";

const corpus = readCorpus();

function expectCreated(result: Awaited<ReturnType<typeof createClaimsFromCandidates>>) {
  const data = expectOk(result);
  if (data.needsConfirmation) assert.fail(`expected claims, got similar ones: ${JSON.stringify(data.duplicates)}`);
  return data;
}

describe("claim extraction from the Kazakhstan/CSTO article", async () => {
  const db = await testDb();

  test("imports the article, proposes the check-worthy sentences and creates three anchored claims", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const story = await createStory(db);
    const title = unique("Russian-led troops arrive in Kazakhstan");
    const { id } = expectOk(
      await importDocument(checker.session, {
        title,
        outlet: "Example Times",
        url: "https://example.org/2022/01/06/kazakhstan-csto",
        publishedAt: "2022-01-06",
        storyId: story.id,
        text: corpus,
      }),
    );

    const document = await db.document.findUniqueOrThrow({ where: { id } });
    assert.equal(document.title, title);
    assert.equal(document.storyId, story.id);
    assert.equal(document.createdById, checker.id);
    assert.equal(document.publishedAt?.toISOString(), "2022-01-06T00:00:00.000Z");
    assert.equal(document.text, corpus.replace(/\r\n?/g, "\n").trim());
    const importAudit = await db.auditLog.findMany({ where: { entityType: "document", entityId: id } });
    assert.equal(importAudit.length, 1);
    assert.equal(importAudit[0]?.action, "document.import");
    assert.equal(importAudit[0]?.actorId, checker.id);

    // The proposals were computed once at import and stored; the page reads them from there.
    const options = { outlet: "Example Times", language: "en" } as const;
    assert.equal(document.language, "en");
    assert.deepEqual(document.candidates, storedCandidates(document.text, options));
    assert.deepEqual(buildSentenceRows(document.text, [], readStoredCandidates(document.candidates)), buildSentenceRows(document.text, [], null, options));
    const proposals = proposeCandidates(document.text, options);
    const find = (fragment: string) => {
      const hit = proposals.find((c) => c.sentence.text.includes(fragment));
      assert.ok(hit, `expected a proposal containing ${JSON.stringify(fragment)}`);
      return hit;
    };
    const casualties = find("Almaty police said 353");
    assert.equal(casualties.sentence.text, "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.");
    assert.equal(casualties.suggestedKind, "NUMERIC");
    const terrorists = find("international terrorists");
    assert.equal(terrorists.suggestedKind, "FRAMING");
    const airport = find("took control of the airport");
    assert.equal(airport.suggestedClaimant, "Russian officials and news agencies");

    const rows = buildSentenceRows(document.text, [], null, options);
    assert.ok(rows.find((r) => r.start === casualties.sentence.start)?.candidates[0]?.reasons.includes("figure"));

    const picks = [casualties, terrorists, airport].map((c) => ({
      sentenceStart: c.sentence.start,
      sentence: c.sentence.text,
      text: c.claim.text,
      claimant: c.suggestedClaimant ?? "Unknown",
      claimantType: c.claimantType ?? undefined,
      kind: c.suggestedKind,
      addSource: false,
    }));
    picks[1] = { ...picks[1]!, text: "Tokayev described the protesters as “a gang of international terrorists”." };
    const created = expectCreated(await createClaimsFromCandidates(checker.session, { documentId: id, claims: picks, confirmDuplicate: true }));
    assert.equal(created.claims.length, 3);

    const claims = await db.claim.findMany({ where: { documentId: id }, orderBy: { sentenceStart: "asc" } });
    assert.equal(claims.length, 3);
    for (const claim of claims) {
      const pick = picks.find((p) => p.sentenceStart === claim.sentenceStart);
      assert.ok(pick, "every claim is anchored to a ticked sentence");
      assert.equal(claim.sentence, pick.sentence);
      assert.equal(document.text.slice(claim.sentenceStart!, claim.sentenceStart! + claim.sentence!.length), claim.sentence);
      assert.equal(claim.text, pick.text);
      assert.equal(claim.kind, pick.kind);
      assert.equal(claim.claimant, pick.claimant);
      assert.equal(claim.claimantType, pick.claimantType ?? null);
      assert.equal(claim.storyId, story.id);
      assert.equal(claim.status, "NEW");
      assert.equal(claim.createdById, checker.id);
      assert.match(claim.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    const audit = await db.auditLog.findMany({ where: { entityType: "claim", entityId: { in: claims.map((c) => c.id) } } });
    assert.equal(audit.length, 3);
    assert.ok(audit.every((row) => row.action === "claim.create" && row.actorId === checker.id));

    // The screen marks those sentences as taken.
    const after = buildSentenceRows(document.text, claims);
    assert.equal(after.find((r) => r.start === casualties.sentence.start)?.taken.length, 1);
  });

  test("a tampered offset or sentence is refused with a field error and nothing is written", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const { id } = expectOk(await importDocument(checker.session, { title: unique("doc"), outlet: "Wire", text: corpus }));
    const good = proposeCandidates(corpus.trim()).find((c) => c.sentence.text.includes("Almaty police said 353"));
    assert.ok(good);
    const valid = { sentenceStart: good.sentence.start, sentence: good.sentence.text, text: "353 injured, 12 killed", claimant: "Almaty police", kind: "NUMERIC", addSource: false };

    const cases = [
      { ...valid, sentenceStart: good.sentence.start + 1 },
      { ...valid, sentence: good.sentence.text.replace("353", "953") },
      { ...valid, sentenceStart: 999_999 },
    ];
    for (const tampered of cases) {
      const result = await createClaimsFromCandidates(checker.session, { documentId: id, claims: [valid, tampered], confirmDuplicate: true });
      assert.equal(result.ok, false);
      if (result.ok) continue;
      assert.equal(result.code, "VALIDATION");
      assert.ok(result.fieldErrors?.["claims.1.sentenceStart"], JSON.stringify(result.fieldErrors));
      assert.equal(result.fieldErrors?.["claims.0.sentenceStart"], undefined);
    }
    assert.equal(await db.claim.count({ where: { documentId: id } }), 0, "all or nothing: the valid pick was not written");
    assert.equal(await db.auditLog.count({ where: { actorId: checker.id, entityType: "claim" } }), 0);
  });

  test("an unknown story or article is refused", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const noStory = await importDocument(checker.session, {
      title: unique("doc"),
      outlet: "Wire",
      text: "Police said 12 people were hurt.",
      storyId: "00000000-0000-4000-8000-000000000000",
    });
    assert.equal(noStory.ok, false);
    if (!noStory.ok) assert.ok(noStory.fieldErrors?.storyId);
    const noDoc = await createClaimsFromCandidates(checker.session, {
      documentId: "00000000-0000-4000-8000-000000000000",
      claims: [{ sentenceStart: 0, sentence: "x", text: "x", claimant: "y", kind: "EVENT", addSource: false }],
      confirmDuplicate: true,
    });
    assert.equal(noDoc.ok, false);
    if (!noDoc.ok) assert.equal(noDoc.code, "NOT_FOUND");
    assert.equal(await db.document.count({ where: { createdById: checker.id } }), 0);
  });

  test("the url must be a web address and the text is stored with unified line endings", async () => {
    const checker = await createUser(db, "EDITOR");
    const bad = await importDocument(checker.session, { title: "t", outlet: "o", url: "javascript:alert(1)", text: "Some text." });
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.ok(bad.fieldErrors?.url);
    const { id } = expectOk(
      await importDocument(checker.session, { title: unique("crlf"), outlet: "o", url: "", publishedAt: "", storyId: "", text: "  First line.\r\nPolice said 12 died.\r\n" }),
    );
    const stored = await db.document.findUniqueOrThrow({ where: { id } });
    assert.equal(stored.text, "First line.\nPolice said 12 died.");
    assert.equal(stored.url, null);
    assert.equal(stored.storyId, null);
  });

  test("claims from candidates run the duplicate check of “New claim” and get the article as first source", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const url = `https://example.org/${unique("report")}`;
    const tag = unique("quake");
    const text = `Officials said ${tag} destroyed 412 homes in the valley. Rescuers pulled 9 people from the rubble.`;
    const { id } = expectOk(await importDocument(checker.session, { title: unique("Quake"), outlet: "Wire", url, publishedAt: "2024-03-01", text }));
    const [first, second] = proposeCandidates(text, { outlet: "Wire" });
    assert.ok(first && second);
    const pick = (c: typeof first, addSource: boolean) => ({
      sentenceStart: c.sentence.start, sentence: c.sentence.text, text: c.claim.text, claimant: c.suggestedClaimant ?? "Wire", kind: c.suggestedKind, addSource,
    });

    // Earlier runs on the same database left similar claims: confirm them here, the check is tested below.
    const created = expectCreated(await createClaimsFromCandidates(checker.session, { documentId: id, claims: [pick(first, true), pick(second, false)], confirmDuplicate: true }));
    assert.equal(created.claims.length, 2);
    const evidence = await db.evidence.findMany({ where: { claimId: { in: created.claims.map((c) => c.id) } }, include: { source: true } });
    assert.equal(evidence.length, 1, "the unticked claim has no source");
    assert.equal(evidence[0]?.claimId, created.claims[0]?.id);
    assert.equal(evidence[0]?.excerpt, first.sentence.text);
    assert.equal(evidence[0]?.attribution, "Officials");
    assert.equal(evidence[0]?.source.url, url);
    assert.equal(evidence[0]?.source.outlet, "Wire");
    assert.equal(evidence[0]?.source.publishedAt?.toISOString(), "2024-03-01T00:00:00.000Z");

    // The same claim again: the similar one is shown, nothing is written.
    const before = await db.claim.count({ where: { documentId: id } });
    const again = expectOk(await createClaimsFromCandidates(checker.session, { documentId: id, claims: [pick(first, true)] }));
    assert.equal(again.needsConfirmation, true);
    if (again.needsConfirmation) assert.ok(again.duplicates[0]?.similar.some((c) => c.slug === created.claims[0]?.slug));
    assert.equal(await db.claim.count({ where: { documentId: id } }), before);
    // Confirmed: created, and the article is found again as the same source.
    const confirmed = expectCreated(await createClaimsFromCandidates(checker.session, { documentId: id, claims: [pick(first, true)], confirmDuplicate: true }));
    const sources = await db.evidence.findMany({ where: { claimId: confirmed.claims[0]!.id }, select: { sourceId: true } });
    assert.deepEqual(sources, [{ sourceId: evidence[0]!.sourceId }]);
  });

  test("claims from candidates and “New claim” at the same moment both succeed: their locks are taken in one order", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    // A new source (an audited write) before the claimants' lock was the order that deadlocked
    // against "New claim", which takes the claimants' lock and then the audit chain's.
    for (let round = 0; round < 12; round++) {
      const tag = unique("flood");
      const text = `Officials said ${tag} destroyed 300 homes in the valley.`;
      const { id } = expectOk(await importDocument(checker.session, { title: tag, outlet: "Wire", url: `https://example.org/${tag}`, text }));
      const [candidate] = proposeCandidates(text, { outlet: "Wire" });
      assert.ok(candidate);
      const [fromArticle, typed] = await Promise.all([
        createClaimsFromCandidates(checker.session, {
          documentId: id,
          confirmDuplicate: true,
          claims: [{ sentenceStart: candidate.sentence.start, sentence: candidate.sentence.text, text: candidate.claim.text, claimant: unique("Officials"), kind: candidate.suggestedKind, addSource: true }],
        }),
        createClaim(checker.session, { text: unique("A separate claim typed meanwhile"), claimant: unique("Typed claimant"), kind: "EVENT", confirmDuplicate: true }),
      ]);
      expectCreated(fromArticle);
      expectOk(typed);
    }
  });

  test("the language is detected from the script unless chosen", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const ru = expectOk(await importDocument(checker.session, { title: unique("ru"), outlet: "Tengrinews", text: "В Алматы погибли 18 человек, заявил представитель МВД." }));
    assert.equal((await db.document.findUniqueOrThrow({ where: { id: ru.id } })).language, "ru");
    const chosen = expectOk(await importDocument(checker.session, { title: unique("en"), outlet: "o", language: "en", text: "В Алматы погибли 18 человек." }));
    assert.equal((await db.document.findUniqueOrThrow({ where: { id: chosen.id } })).language, "en");
  });
});
