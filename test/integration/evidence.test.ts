import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim as makeClaim, createSource, createUser } from "../support/factories";
import { attachEvidence, removeEvidence } from "../../lib/services/evidence";
import { getClaimEvidence } from "../../lib/data/evidence";
import type { Fail, Result } from "../../lib/errors";

const db = await testDb();

function expectOk<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(`expected ok, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}
function expectFail<T>(result: Result<T>, code: Fail["code"]): Fail {
  if (result.ok) assert.fail(`expected ${code}, got ok`);
  assert.equal(result.code, code, result.message);
  return result;
}

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
          figureUnit: "people",
          figureCounted: "  Police   KILLED ",
          figureAsOf: "2022-01-06",
        }),
      ),
    );
    assert.equal(data.sourceReused, false);
    const evidence = await db.evidence.findUniqueOrThrow({ where: { id: data.id }, include: { source: true, figure: true } });
    assert.equal(evidence.source.url, url);
    assert.equal(evidence.source.language, "ru");
    assert.equal(evidence.attribution, "police spokeswoman");
    assert.equal(evidence.figure?.counted, "police killed");
    assert.equal(evidence.figure?.words, "dozens");
    assert.equal(evidence.figure?.low.toNumber(), 24);
    assert.equal(evidence.figure?.high.toNumber(), 60);
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
