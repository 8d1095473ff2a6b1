import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { countedThing, createClaim, createStory, createUser } from "../support/factories";
import { createCountedThing, mergeCountedThings, updateCountedThing } from "../../lib/services/counted-things";
import { attachEvidence } from "../../lib/services/evidence";
import { updateClaim } from "../../lib/services/claims";
import { findCountedThingByWords, listCountedThings } from "../../lib/data/counted-things";
import { expectOk, expectFail } from "../support/results";

const db = await testDb();

const vocabularyOf = async (storyId: string) => (await listCountedThings(db, storyId)).map(({ label, unit, cumulative, synonyms, figureCount }) => ({ label, unit, cumulative, synonyms, figureCount }));
const auditBy = (actorId: string) => db.auditLog.count({ where: { actorId } });
const figure = (claimId: string, value: string, counted: string, asOf: string) => ({
  claimId,
  url: `https://toll.example/${crypto.randomUUID()}`,
  outlet: `Outlet ${value}`,
  type: "OFFICIAL",
  excerpt: `${value} ${counted}.`,
  stance: "CONTEXT",
  figureValue: value,
  figureCounted: counted,
  figureAsOf: asOf,
});

describe("creating entries", () => {
  test("a fact-checker adds an entry: label and synonyms normalised, a running total unless unticked, audited", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const story = await createStory(db);
    const created = expectOk(await createCountedThing(checker.session, { storyId: story.id, label: "  Deaths ", unit: "", cumulative: "on", synonyms: "People  Killed, fatalities,, people killed" }));
    assert.deepEqual(await vocabularyOf(story.id), [{ label: "deaths", unit: "people", cumulative: true, synonyms: ["people killed", "fatalities"], figureCount: 0 }]);
    expectOk(await createCountedThing(checker.session, { storyId: story.id, label: "injured in hospital now", unit: "people" }));
    assert.equal((await findCountedThingByWords(db, story.id, "injured in hospital now"))?.cumulative, false, "an unticked box is not a running total");
    assert.equal((await findCountedThingByWords(db, story.id, "fatalities"))?.id, created.id);
    assert.equal(await db.auditLog.count({ where: { action: "counted_thing.create", entityId: created.id, actorId: checker.id } }), 1);
  });

  test("a word already naming an entry, a blank label or the label as its own synonym: field errors, nothing written", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const story = await createStory(db);
    await countedThing(db, { storyId: story.id, label: "deaths", synonyms: ["people killed"] });
    const before = [await vocabularyOf(story.id), await auditBy(checker.id)];
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ label: "People killed" }, "label", /already names “deaths”/],
      [{ label: "fatalities", synonyms: "deaths" }, "synonyms", /already names “deaths”/],
      [{ label: " " }, "label", /Enter what was counted/],
      [{ label: "arrests", synonyms: "arrests, detentions" }, "synonyms", /label itself/],
      [{ label: "arrests", unit: "x".repeat(60) }, "unit", /under 50/],
      [{ label: "arrests", storyId: "not-a-uuid" }, "storyId", /valid story/],
    ];
    for (const [fields, field, message] of cases) {
      const failure = expectFail(await createCountedThing(checker.session, { storyId: story.id, ...fields }), "VALIDATION");
      assert.match(failure.fieldErrors?.[field]?.[0] ?? "", message, JSON.stringify(fields));
    }
    assert.deepEqual([await vocabularyOf(story.id), await auditBy(checker.id)], before);
  });

  test("labels may repeat across stories: each story has its own vocabulary", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const [a, b] = [await createStory(db), await createStory(db)];
    expectOk(await createCountedThing(checker.session, { storyId: a.id, label: "deaths", cumulative: true }));
    expectOk(await createCountedThing(checker.session, { storyId: b.id, label: "deaths", cumulative: true }));
    assert.equal((await vocabularyOf(a.id)).length, 1);
  });
});

describe("curating entries", () => {
  test("fact-checkers may not edit or merge; editors may; anonymous callers nothing", async () => {
    const [checker, editor] = [await createUser(db, "FACT_CHECKER"), await createUser(db, "EDITOR")];
    const story = await createStory(db);
    const [killed, deaths] = [await countedThing(db, { storyId: story.id, label: "people killed" }), await countedThing(db, { storyId: story.id, label: "deaths" })];
    expectFail(await updateCountedThing(checker.session, { id: deaths.id, label: "dead", cumulative: true }), "FORBIDDEN");
    expectFail(await mergeCountedThings(checker.session, { id: killed.id, intoId: deaths.id }), "FORBIDDEN");
    expectFail(await createCountedThing(null, { storyId: story.id, label: "arrests" }), "UNAUTHENTICATED");
    assert.equal(await auditBy(checker.id), 0);
    expectOk(await updateCountedThing(editor.session, { id: deaths.id, label: "deaths", unit: "people", cumulative: "on", synonyms: "dead" }));
    expectOk(await mergeCountedThings(editor.session, { id: killed.id, intoId: deaths.id }));
    assert.deepEqual(await vocabularyOf(story.id), [{ label: "deaths", unit: "people", cumulative: true, synonyms: ["dead", "people killed"], figureCount: 0 }]);
  });

  test("marking a count as not a running total clears a went-down conflict on every claim that uses it, and reopens an approval", async () => {
    const [checker, editor] = [await createUser(db, "FACT_CHECKER"), await createUser(db, "EDITOR")];
    const story = await createStory(db);
    const inHospital = await countedThing(db, { storyId: story.id, label: "people in hospital" });
    const claim = await createClaim(db, { storyId: story.id });
    expectOk(await attachEvidence(checker.session, figure(claim.id, "400", "people in hospital", "2022-01-06")));
    const fell = expectOk(await attachEvidence(checker.session, figure(claim.id, "120", "people in hospital", "2022-01-09")));
    assert.equal(fell.hasConflict, true, "a running total that fell");
    const verdict = await db.verdict.create({ data: { claimId: claim.id, rating: "TRUE", ratingValue: 5, reasoning: "r", authorId: checker.id, lastEditedById: checker.id, state: "SUBMITTED", submittedAt: new Date() } });
    await db.reviewDecision.create({ data: { verdictId: verdict.id, reviewerId: editor.id, outcome: "APPROVED", verdictRevision: 1 } });
    await db.verdict.update({ where: { id: verdict.id }, data: { state: "APPROVED" } });

    const updated = expectOk(await updateCountedThing(editor.session, { id: inHospital.id, label: "people in hospital", unit: "people", cumulative: false, synonyms: "" }));
    assert.equal(updated.claims, 1);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).hasConflict, false);
    assert.equal((await db.verdict.findUniqueOrThrow({ where: { id: verdict.id } })).state, "SUBMITTED");
    assert.equal(await db.auditLog.count({ where: { action: "claim.conflict_flag", entityId: claim.id, actorId: editor.id } }), 1);
  });

  test("merging moves the figures, so two wordings of one count are compared: a fall across them becomes a conflict", async () => {
    const [checker, editor] = [await createUser(db, "FACT_CHECKER"), await createUser(db, "EDITOR")];
    const story = await createStory(db);
    const [killed, deaths] = [await countedThing(db, { storyId: story.id, label: "people killed" }), await countedThing(db, { storyId: story.id, label: "deaths" })];
    const claim = await createClaim(db, { storyId: story.id });
    expectOk(await attachEvidence(checker.session, figure(claim.id, "225", "people killed", "2022-01-15")));
    expectOk(await attachEvidence(checker.session, figure(claim.id, "164", "deaths", "2022-01-16")));
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).hasConflict, false, "two counted things are never compared");
    const merged = expectOk(await mergeCountedThings(editor.session, { id: killed.id, intoId: deaths.id }));
    assert.deepEqual([merged.figuresMoved, merged.claims], [1, 1]);
    assert.equal(await db.countedThing.count({ where: { id: killed.id } }), 0);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).hasConflict, true, "225 then 164 deaths: a running total went down");
  });

  test("merging across units or stories, or a renamed label taken by another entry: field errors, nothing written", async () => {
    const editor = await createUser(db, "EDITOR");
    const [story, other] = [await createStory(db), await createStory(db)];
    const deaths = await countedThing(db, { storyId: story.id, label: "deaths" });
    const percent = await countedThing(db, { storyId: story.id, label: "price rise", unit: "percent" });
    const elsewhere = await countedThing(db, { storyId: other.id, label: "deaths" });
    const before = [await vocabularyOf(story.id), await auditBy(editor.id)];
    assert.match(expectFail(await mergeCountedThings(editor.session, { id: percent.id, intoId: deaths.id }), "VALIDATION").fieldErrors?.intoId?.[0] ?? "", /one unit/);
    assert.match(expectFail(await mergeCountedThings(editor.session, { id: elsewhere.id, intoId: deaths.id }), "VALIDATION").fieldErrors?.intoId?.[0] ?? "", /one story/);
    assert.match(expectFail(await mergeCountedThings(editor.session, { id: deaths.id, intoId: deaths.id }), "VALIDATION").fieldErrors?.intoId?.[0] ?? "", /another entry/);
    assert.match(expectFail(await updateCountedThing(editor.session, { id: percent.id, label: "deaths", unit: "percent" }), "VALIDATION").fieldErrors?.label?.[0] ?? "", /already names/);
    expectFail(await updateCountedThing(editor.session, { id: crypto.randomUUID(), label: "x" }), "NOT_FOUND");
    assert.deepEqual([await vocabularyOf(story.id), await auditBy(editor.id)], before);
  });

  test("a claim with figures cannot move to another story (its figures count that story's entries)", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const [story, other] = [await createStory(db), await createStory(db)];
    await countedThing(db, { storyId: story.id, label: "deaths" });
    const claim = await createClaim(db, { storyId: story.id });
    expectOk(await attachEvidence(checker.session, figure(claim.id, "12", "deaths", "2022-01-06")));
    const refused = expectFail(await updateClaim(checker.session, { id: claim.id, version: 1, text: claim.text, claimant: claim.claimant, kind: claim.kind, storyId: other.id }), "VALIDATION");
    assert.match(refused.fieldErrors?.storyId?.[0] ?? "", /Remove its figures/);
  });
});

describe("an explained fall", () => {
  test("a running total recorded lower with the desk's explanation is not flagged; without one it is", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const story = await createStory(db);
    await countedThing(db, { storyId: story.id, label: "deaths" });
    const [explained, unexplained] = [await createClaim(db, { storyId: story.id }), await createClaim(db, { storyId: story.id })];
    for (const claim of [explained, unexplained]) expectOk(await attachEvidence(checker.session, figure(claim.id, "225", "deaths", "2022-01-15")));
    const a = expectOk(await attachEvidence(checker.session, { ...figure(explained.id, "200", "deaths", "2022-01-16"), figureExplanation: "Duplicates removed in a recount." }));
    const b = expectOk(await attachEvidence(checker.session, figure(unexplained.id, "200", "deaths", "2022-01-16")));
    assert.deepEqual([a.hasConflict, b.hasConflict], [false, true]);
    assert.equal((await db.reportedFigure.findUniqueOrThrow({ where: { evidenceId: a.id } })).explanation, "Duplicates removed in a recount.");
  });
});

describe("the database", () => {
  test("refuses labels that are not normalised, a label among its own synonyms, and a figure span that runs backwards", async () => {
    const story = await createStory(db);
    await assert.rejects(db.countedThing.create({ data: { storyId: story.id, label: "Deaths" } }), /counted_things_label_check/);
    await assert.rejects(db.countedThing.create({ data: { storyId: story.id, label: "deaths", synonyms: ["deaths"] } }), /counted_things_synonyms_check/);
    await countedThing(db, { storyId: story.id, label: "deaths" });
    await assert.rejects(db.countedThing.create({ data: { storyId: story.id, label: "deaths" } }), /Unique constraint|counted_things_story_id_label_key/);
    const checker = await createUser(db, "FACT_CHECKER");
    const claim = await createClaim(db, { storyId: story.id });
    const { id } = expectOk(await attachEvidence(checker.session, figure(claim.id, "12", "deaths", "2022-01-06")));
    await assert.rejects(db.reportedFigure.update({ where: { evidenceId: id }, data: { asOfEnd: new Date("2022-01-01") } }), /reported_figures_as_of_span_check/);
  });
});
