import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { countedThing, createClaim as makeClaim, createSource, createStory, createUser } from "../support/factories";
import { attachEvidence, removeEvidence } from "../../lib/services/evidence";
import { getClaimEvidence } from "../../lib/data/evidence";
import { expectOk, expectFail } from "../support/results";

const db = await testDb();
// What these tests' claims (outside any story) count: the vocabulary shared by claims without a story.
for (const label of ["police killed", "deaths", "dead", "arrests", "detained"]) await countedThing(db, { label });

const newUrl = (host = "news.example") => `https://${host}/${unique("a")}`;
const evidenceInput = (claimId: string, overrides: Record<string, unknown> = {}) => ({
  claimId,
  url: newUrl(),
  outlet: "Example News",
  type: "NEWS_OUTLET",
  excerpt: "Officials said twelve officers died.",
  stance: "SUPPORTS",
  ...overrides,
});
const hasConflict = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).hasConflict;
// Scoped to one test's claim and user, so tests running beside it cannot change the numbers.
const counts = async (claimId: string, actorId: string) => ({
  sources: await db.source.count({ where: { evidence: { some: { claimId } } } }),
  evidence: await db.evidence.count({ where: { claimId } }),
  audit: await db.auditLog.count({ where: { actorId } }),
});

describe("attachEvidence", () => {
  test("creates the source and the evidence with its figure, and audits both", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const url = newUrl();
    const data = expectOk(
      await attachEvidence(
        user.session,
        evidenceInput(claim.id, {
          url,
          language: "ru",
          publishedAt: "2022-01-06T10:00",
          archiveUrl: "https://web.archive.org/web/2022/x",
          snapshotText: "Pasted text",
          reliabilityNote: "State outlet",
          attribution: "police spokeswoman",
          figureWords: "dozens",
          figureLow: "24",
          figureHigh: "60",
          figureCounted: "  Police   KILLED ",
          figureAsOf: "2022-01-06",
        }),
      ),
    );
    assert.equal(data.sourceReused, false);
    const evidence = await db.evidence.findUniqueOrThrow({ where: { id: data.id }, include: { source: true, figure: { include: { countedThing: true } } } });
    assert.equal(evidence.source.url, url);
    assert.equal(evidence.source.language, "ru");
    assert.equal(evidence.attribution, "police spokeswoman");
    assert.equal(evidence.figure?.countedThing.label, "police killed");
    assert.equal(evidence.figure?.words, "dozens");
    assert.equal(evidence.figure?.low?.toNumber(), 24);
    assert.equal(evidence.figure?.high?.toNumber(), 60);
    assert.equal(evidence.figure?.bound, "ESTIMATE");
    assert.equal(await db.auditLog.count({ where: { entityId: data.id, action: "evidence.create" } }), 1);
    assert.equal(await db.auditLog.count({ where: { entityId: data.sourceId, action: "source.create" } }), 1);
  });

  for (const url of ["javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd", "ftp://example.org/a", "not a url"]) {
    test(`rejects ${url.split(":")[0]} URLs with a field error and writes nothing`, async () => {
      const user = await createUser(db, "FACT_CHECKER");
      const claim = await makeClaim(db);
      const before = await counts(claim.id, user.id);
      const failure = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, { url })), "VALIDATION");
      assert.ok(failure.fieldErrors?.url?.[0]);
      const archived = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, { archiveUrl: url })), "VALIDATION");
      assert.ok(archived.fieldErrors?.archiveUrl?.[0]);
      const cited = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, { citesUrl: url, citesOutlet: "X" })), "VALIDATION");
      assert.ok(cited.fieldErrors?.citesUrl?.[0]);
      assert.deepEqual(await counts(claim.id, user.id), before);
    });
  }

  test("reuses an existing source when the normalised URL matches", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const path = unique("story");
    const existing = await createSource(db, { url: `https://www.nytimes.example/${path}?utm_source=x`, outlet: "NYT" });
    const claim = await makeClaim(db);
    const data = expectOk(
      await attachEvidence(user.session, evidenceInput(claim.id, { url: `http://NYTIMES.example/${path}/#top`, outlet: "Another name" })),
    );
    assert.equal(data.sourceReused, true);
    assert.equal(data.sourceId, existing.id);
    assert.equal(await db.source.count({ where: { normalizedUrl: existing.normalizedUrl } }), 1);
  });

  test("attaching the same source twice to a claim is a field error", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const url = newUrl();
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { url })));
    const before = await counts(claim.id, user.id);
    const failure = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, { url: `${url}?utm_medium=email` })), "VALIDATION");
    assert.match(failure.fieldErrors?.url?.[0] ?? "", /already attached/);
    assert.deepEqual(await counts(claim.id, user.id), before);
  });

  test("a word like 'dozens' needs the range assigned to it", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const before = await counts(claim.id, user.id);
    const failure = expectFail(
      await attachEvidence(user.session, evidenceInput(claim.id, { figureWords: "dozens", figureCounted: "dead" })),
      "VALIDATION",
    );
    assert.ok(failure.fieldErrors?.figureLow);
    assert.ok(failure.fieldErrors?.figureHigh);
    const inverted = expectFail(
      await attachEvidence(user.session, evidenceInput(claim.id, { figureLow: "50", figureHigh: "10", figureCounted: "dead" })),
      "VALIDATION",
    );
    assert.ok(inverted.fieldErrors?.figureHigh);
    assert.deepEqual(await counts(claim.id, user.id), before);
  });

  test("records citations: an existing source, or a new one entered by URL and outlet", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const police = await createSource(db, { outlet: "Almaty police" });
    const viaExisting = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { outlet: "NYT", citesSourceId: police.id })));
    assert.equal(viaExisting.citesSourceId, police.id);
    const ministryUrl = newUrl("gov.example");
    const viaNew = expectOk(
      await attachEvidence(user.session, evidenceInput(claim.id, { outlet: "Guardian", citesUrl: ministryUrl, citesOutlet: "Interior ministry" })),
    );
    const cited = await db.source.findUniqueOrThrow({ where: { id: viaNew.citesSourceId ?? "" } });
    assert.equal(cited.outlet, "Interior ministry");
    assert.equal(cited.type, "OFFICIAL");

    const url = newUrl();
    const self = await createSource(db, { url });
    const failure = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, { url, citesSourceId: self.id })), "VALIDATION");
    assert.ok(failure.fieldErrors?.citesSourceId);
  });

  test("an unknown claim is NOT_FOUND and nothing is written", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const missing = "00000000-0000-4000-8000-000000000000";
    const before = await counts(missing, user.id);
    expectFail(await attachEvidence(user.session, evidenceInput(missing)), "NOT_FOUND");
    assert.deepEqual(await counts(missing, user.id), before);
  });
});

describe("independent origins", () => {
  test("sources citing the same origin count once", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const police = await createSource(db, { outlet: "Almaty police" });
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { outlet: "NYT", citesSourceId: police.id })));
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { outlet: "Guardian", citesSourceId: police.id })));
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { outlet: "Eyewitness video", type: "EYEWITNESS" })));
    const summary = await getClaimEvidence(db, claim.id);
    assert.equal(summary.sourceCount, 3);
    assert.equal(summary.independentOrigins, 2);
    const nyt = summary.items.find((e) => e.source.outlet === "NYT");
    assert.deepEqual(nyt?.citationChain, ["NYT", "Almaty police"]);
  });

  test("a chain through another attached source ends at the same origin", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const police = await createSource(db, { outlet: "Almaty police" });
    const wireUrl = newUrl("wire.example");
    const wire = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { url: wireUrl, outlet: "Wire", citesSourceId: police.id })));
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { outlet: "Paper", citesSourceId: wire.sourceId })));
    const summary = await getClaimEvidence(db, claim.id);
    assert.equal(summary.independentOrigins, 1);
    assert.deepEqual(summary.items.find((e) => e.source.outlet === "Paper")?.citationChain, ["Paper", "Wire", "Almaty police"]);
  });
});

describe("conflict flag", () => {
  test("opposite stances flag a conflict; removing one clears it", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { stance: "SUPPORTS" })));
    assert.equal(await hasConflict(claim.id), false);
    const against = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { stance: "CONTRADICTS" })));
    assert.equal(against.hasConflict, true);
    assert.equal(await hasConflict(claim.id), true);
    assert.equal(await db.auditLog.count({ where: { entityId: claim.id, action: "claim.conflict_flag" } }), 1);

    const removed = expectOk(await removeEvidence(user.session, { id: against.id }));
    assert.equal(removed.hasConflict, false);
    assert.equal(await hasConflict(claim.id), false);
    assert.equal(await db.evidence.count({ where: { id: against.id } }), 0);
    assert.equal(await db.auditLog.count({ where: { entityId: against.id, action: "evidence.delete" } }), 1);
  });

  test("non-overlapping ranges for the same counted thing flag a conflict", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureValue: "12", figureCounted: "police killed" })));
    const other = expectOk(
      await attachEvidence(user.session, evidenceInput(claim.id, { figureLow: "18", figureHigh: "20", figureCounted: "Police killed", stance: "MIXED" })),
    );
    assert.equal(other.hasConflict, true);
    assert.equal(await hasConflict(claim.id), true);
  });

  test("overlapping ranges and different counted things do not", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureWords: "dozens", figureLow: "24", figureHigh: "60", figureCounted: "dead" })));
    expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureValue: "40", figureCounted: "dead" })));
    const third = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureValue: "1000", figureCounted: "detained" })));
    assert.equal(third.hasConflict, false);
    assert.equal(await hasConflict(claim.id), false);
  });
});

describe("figures with honest bounds", () => {
  test("“at least 164” is recorded as an open bound with the source's words, not a fake range", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const words = "at least 164 people";
    const data = expectOk(
      await attachEvidence(user.session, evidenceInput(claim.id, { figureBound: "AT_LEAST", figureValue: "164", figureWords: words, figureCounted: "Deaths", figureAsOf: "2022-01-09" })),
    );
    const figure = await db.reportedFigure.findUniqueOrThrow({ where: { evidenceId: data.id }, include: { countedThing: true } });
    assert.deepEqual([figure.bound, figure.low?.toNumber(), figure.high, figure.words, figure.countedThing.label], ["AT_LEAST", 164, null, words, "deaths"]);
    // 225 a week later does not contradict "at least 164".
    const later = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureValue: "225", figureCounted: "deaths", figureAsOf: "2022-01-15" })));
    assert.equal(later.hasConflict, false);
    const summary = await getClaimEvidence(db, claim.id);
    assert.deepEqual(summary.conflicts, []);
  });

  test("upper bounds keep only the high end; “fewer than 10” and “at least 10” conflict", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const first = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureBound: "FEWER_THAN", figureValue: "10", figureCounted: "arrests" })));
    const figure = await db.reportedFigure.findUniqueOrThrow({ where: { evidenceId: first.id } });
    assert.deepEqual([figure.bound, figure.low, figure.high?.toNumber()], ["FEWER_THAN", null, 10]);
    const second = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureBound: "AT_LEAST", figureValue: "10", figureCounted: "arrests" })));
    assert.equal(second.hasConflict, true);
  });

  test("each kind asks for its own fields, with field-level errors and nothing written", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const before = await counts(claim.id, user.id);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ figureBound: "AT_LEAST", figureCounted: "deaths" }, "figureValue", /164 in “at least 164”/],
      [{ figureBound: "AT_LEAST", figureValue: "164", figureLow: "164", figureHigh: "164", figureCounted: "deaths" }, "figureLow", /no range/],
      [{ figureBound: "EXACT", figureCounted: "deaths" }, "figureValue", /exact value/],
      [{ figureBound: "RANGE", figureValue: "5", figureLow: "1", figureHigh: "9", figureCounted: "deaths" }, "figureValue", /two ends/],
      [{ figureBound: "RANGE", figureLow: "9", figureHigh: "9", figureCounted: "deaths" }, "figureHigh", /Exact value/],
      [{ figureBound: "ESTIMATE", figureLow: "24", figureHigh: "99", figureCounted: "deaths" }, "figureWords", /words the source used/],
      [{ figureBound: "UP_TO", figureValue: "30" }, "figureCounted", /what was counted/],
      [{ figureBound: "SOME", figureValue: "30", figureCounted: "deaths" }, "figureBound", /kind of figure/],
    ];
    for (const [fields, field, message] of cases) {
      const failure = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, fields)), "VALIDATION");
      assert.match(failure.fieldErrors?.[field]?.[0] ?? "", message, JSON.stringify(fields));
    }
    assert.deepEqual(await counts(claim.id, user.id), before);
  });

  test("the database refuses a figure whose ends do not match its kind", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const { id } = expectOk(await attachEvidence(user.session, evidenceInput(claim.id)));
    const deaths = await countedThing(db, { label: "deaths" });
    const bad = [
      { bound: "AT_LEAST" as const, low: 164, high: 164 },
      { bound: "EXACT" as const, low: 164, high: null },
      { bound: "UP_TO" as const, low: 0, high: 30 },
      { bound: "ESTIMATE" as const, low: 24, high: 99 },
    ];
    for (const data of bad) {
      await assert.rejects(db.reportedFigure.create({ data: { evidenceId: id, countedThingId: deaths.id, ...data } }), /reported_figures_bound_check/, JSON.stringify(data));
    }
  });
});

describe("what was counted: the story's vocabulary", () => {
  test("a synonym files the figure under its entry, in its unit; a label from another story is refused with nothing written", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const [story, other] = [await createStory(db), await createStory(db)];
    const deaths = await countedThing(db, { storyId: story.id, label: "deaths", synonyms: ["people killed", "fatalities"] });
    await countedThing(db, { storyId: other.id, label: "ministers resigned" });
    const [first, second] = [await makeClaim(db, { storyId: story.id }), await makeClaim(db, { storyId: story.id })];
    const a = expectOk(await attachEvidence(user.session, evidenceInput(first.id, { figureValue: "225", figureCounted: "People  Killed", figureAsOf: "2022-01-15" })));
    const b = expectOk(await attachEvidence(user.session, evidenceInput(second.id, { figureBound: "AT_LEAST", figureValue: "164", figureCounted: "fatalities", figureAsOf: "2022-01-09" })));
    for (const id of [a.id, b.id]) assert.equal((await db.reportedFigure.findUniqueOrThrow({ where: { evidenceId: id } })).countedThingId, deaths.id);
    const summary = await getClaimEvidence(db, first.id);
    assert.deepEqual([summary.items[0]?.figure?.counted, summary.items[0]?.figure?.unit], ["deaths", "people"]);

    const before = await counts(second.id, user.id);
    const refused = expectFail(await attachEvidence(user.session, evidenceInput(second.id, { figureValue: "3", figureCounted: "ministers resigned" })), "VALIDATION");
    assert.match(refused.fieldErrors?.figureCounted?.[0] ?? "", /not in this story’s vocabulary/);
    assert.deepEqual(await counts(second.id, user.id), before);
  });

  test("a span needs its start and must end after it; a count over a period is stored with both ends", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const noStart = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, { figureValue: "12", figureCounted: "deaths", figureAsOfEnd: "2022-01-09" })), "VALIDATION");
    assert.match(noStart.fieldErrors?.figureAsOf?.[0] ?? "", /span needs its start/);
    const backwards = expectFail(await attachEvidence(user.session, evidenceInput(claim.id, { figureValue: "12", figureCounted: "deaths", figureAsOf: "2022-01-09", figureAsOfEnd: "2022-01-06" })), "VALIDATION");
    assert.match(backwards.fieldErrors?.figureAsOfEnd?.[0] ?? "", /end after it starts/);
    const { id } = expectOk(await attachEvidence(user.session, evidenceInput(claim.id, { figureValue: "12", figureCounted: "deaths", figureAsOf: "2022-01-06", figureAsOfEnd: "2022-01-09" })));
    const figure = await db.reportedFigure.findUniqueOrThrow({ where: { evidenceId: id } });
    assert.deepEqual([figure.asOf?.toISOString(), figure.asOfEnd?.toISOString()], ["2022-01-06T00:00:00.000Z", "2022-01-09T00:00:00.000Z"]);
  });
});

describe("removeEvidence", () => {
  test("keeps the shared source and refuses unknown evidence", async () => {
    const user = await createUser(db, "EDITOR");
    const claim = await makeClaim(db);
    const attached = expectOk(await attachEvidence(user.session, evidenceInput(claim.id)));
    expectOk(await removeEvidence(user.session, { id: attached.id }));
    assert.equal(await db.source.count({ where: { id: attached.sourceId } }), 1);
    expectFail(await removeEvidence(user.session, { id: attached.id }), "NOT_FOUND");
  });
});
