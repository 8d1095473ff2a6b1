import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { countedThing, createClaim, createUser } from "../support/factories";
import { attachEvidence, editEvidence } from "../../lib/services/evidence";
import { expectFail, expectOk } from "../support/results";

const db = await testDb();
for (const label of ["police killed", "deaths"]) await countedThing(db, { label });

async function attached(overrides: Record<string, unknown> = {}) {
  const checker = await createUser(db, "FACT_CHECKER");
  const claim = await createClaim(db);
  const input = { claimId: claim.id, url: `https://edit.example/${unique("a")}`, outlet: "Edit Wire", type: "WIRE", excerpt: "Twelve officers died.", stance: "SUPPORTS", ...overrides };
  const { id } = expectOk(await attachEvidence(checker.session, input));
  return { checker, claim, id };
}

/** The evidence row with its figure, for comparing what an edit wrote (or did not). */
const row = (id: string) => db.evidence.findUniqueOrThrow({ where: { id }, include: { figure: true } });
const auditRows = (id: string) => db.auditLog.findMany({ where: { entityId: id, action: "evidence.update" } });

describe("editEvidence", () => {
  test("changes what the source says, raises the revision, keeps the source, and audits before and after", async () => {
    const { checker, claim, id } = await attached({ attribution: "a spokesman", location: "para 2" });
    const sourceBefore = (await row(id)).sourceId;
    const editor = await createUser(db, "EDITOR");
    const data = expectOk(
      await editEvidence(editor.session, {
        id,
        revision: "1",
        excerpt: "Eighteen officers died.",
        stance: "CONTRADICTS",
        attribution: "the interior ministry",
        location: "",
        note: "Updated count",
        figureValue: "18",
        figureCounted: "deaths",
        figureAsOf: "2022-01-07T10:00",
        // Fields of the source itself are not part of an edit: ignored, never applied.
        url: "https://elsewhere.example/x",
        outlet: "Renamed",
      }),
    );
    assert.equal(data.revision, 2);
    const after = await row(id);
    assert.equal(after.excerpt, "Eighteen officers died.");
    assert.equal(after.stance, "CONTRADICTS");
    assert.equal(after.attribution, "the interior ministry");
    assert.equal(after.location, null, "a cleared field is cleared");
    assert.equal(after.note, "Updated count");
    assert.equal(after.figure?.low?.toNumber(), 18);
    assert.equal(after.sourceId, sourceBefore);
    assert.equal((await db.source.findUniqueOrThrow({ where: { id: after.sourceId } })).outlet, "Edit Wire");
    assert.equal(after.claimId, claim.id);

    const [audit, ...more] = await auditRows(id);
    assert.equal(more.length, 0);
    assert.equal(audit?.actorId, editor.id);
    const before = audit?.before as Record<string, unknown>;
    const written = audit?.after as Record<string, unknown>;
    assert.deepEqual([before.excerpt, before.stance, before.revision, before.figure], ["Twelve officers died.", "SUPPORTS", 1, null]);
    assert.deepEqual([written.excerpt, written.stance, written.revision, written.claimId], ["Eighteen officers died.", "CONTRADICTS", 2, claim.id]);
    assert.ok(checker.id !== editor.id);
  });

  test("an edit of an older revision is refused with CONFLICT and nothing is written", async () => {
    const { checker, id } = await attached();
    const other = await createUser(db, "FACT_CHECKER");
    // Two tabs open revision 1; the first saves.
    expectOk(await editEvidence(other.session, { id, revision: 1, excerpt: "First tab's words.", stance: "MIXED" }));
    const before = await row(id);
    const audits = (await auditRows(id)).length;
    const stale = expectFail(await editEvidence(checker.session, { id, revision: 1, excerpt: "Second tab's words.", stance: "CONTRADICTS", figureValue: "3", figureCounted: "deaths" }), "CONFLICT");
    assert.match(stale.message, /changed this evidence since you opened it/);
    assert.deepEqual(stale.current, { revision: 2 });
    assert.deepEqual(await row(id), before, "nothing written");
    assert.equal((await auditRows(id)).length, audits);
    assert.equal(await db.reportedFigure.count({ where: { evidenceId: id } }), 0);
  });

  test("field errors come from the attach form's rules, and nothing is written", async () => {
    const { checker, id } = await attached();
    const before = await row(id);
    const missing = expectFail(await editEvidence(checker.session, { id, revision: 1, excerpt: "  ", stance: "NOPE" }), "VALIDATION");
    assert.ok(missing.fieldErrors?.excerpt?.length, "excerpt required");
    assert.ok(missing.fieldErrors?.stance?.length, "stance required");
    const figure = expectFail(await editEvidence(checker.session, { id, revision: 1, excerpt: "x", stance: "SUPPORTS", figureBound: "RANGE", figureLow: "30", figureHigh: "20", figureCounted: "deaths" }), "VALIDATION");
    assert.ok(figure.fieldErrors?.figureHigh?.length, "range order checked");
    const vocabulary = expectFail(await editEvidence(checker.session, { id, revision: 1, excerpt: "x", stance: "SUPPORTS", figureValue: "3", figureCounted: "unicorns" }), "VALIDATION");
    assert.ok(vocabulary.fieldErrors?.figureCounted?.length, "what was counted must be in the vocabulary");
    // The source is in English: a translation is refused, checked against the source's language.
    const translation = expectFail(await editEvidence(checker.session, { id, revision: 1, excerpt: "x", stance: "SUPPORTS", translation: "y" }), "VALIDATION");
    assert.ok(translation.fieldErrors?.translation?.length);
    const self = expectFail(await editEvidence(checker.session, { id, revision: 1, excerpt: "x", stance: "SUPPORTS", citesSourceId: before.sourceId }), "VALIDATION");
    assert.ok(self.fieldErrors?.citesSourceId?.length, "a source cannot cite itself");
    assert.deepEqual(await row(id), before);
    assert.equal((await auditRows(id)).length, 0);
  });

  test("a Russian excerpt takes a translation, recorded with its translator", async () => {
    const { checker, id } = await attached({ language: "ru", excerpt: "Погибли двенадцать полицейских." });
    expectOk(await editEvidence(checker.session, { id, revision: 1, excerpt: "Погибли двенадцать полицейских.", stance: "SUPPORTS", translation: "Twelve police officers died." }));
    const after = await row(id);
    assert.deepEqual([after.translation, after.translatedById, after.excerptLanguage], ["Twelve police officers died.", checker.id, "ru"]);
  });

  test("no session, or a disabled account, is refused and nothing is written", async () => {
    const { id } = await attached();
    const before = await row(id);
    const disabled = await createUser(db, "EDITOR", { disabled: true });
    const anonymous = await editEvidence(null, { id, revision: 1, excerpt: "Anonymous words.", stance: "CONTRADICTS" });
    assert.ok(!anonymous.ok && ["UNAUTHENTICATED", "FORBIDDEN"].includes(anonymous.code), JSON.stringify(anonymous));
    const refused = await editEvidence(disabled.session, { id, revision: 1, excerpt: "Disabled words.", stance: "CONTRADICTS" });
    assert.ok(!refused.ok && ["UNAUTHENTICATED", "FORBIDDEN"].includes(refused.code), JSON.stringify(refused));
    assert.deepEqual(await row(id), before);
    assert.equal((await auditRows(id)).length, 0);
  });

  test("turning a stance around recomputes the conflict flag, both ways, with its audit row", async () => {
    const { checker, claim, id } = await attached();
    expectOk(await attachEvidence(checker.session, { claimId: claim.id, url: `https://other.example/${unique("b")}`, outlet: "Other", type: "WIRE", excerpt: "It happened.", stance: "SUPPORTS" }));
    const flag = async () => (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).hasConflict;
    assert.equal(await flag(), false);
    const turned = expectOk(await editEvidence(checker.session, { id, revision: 1, excerpt: "It did not happen.", stance: "CONTRADICTS" }));
    assert.equal(turned.hasConflict, true);
    assert.equal(await flag(), true);
    const back = expectOk(await editEvidence(checker.session, { id, revision: 2, excerpt: "It happened.", stance: "SUPPORTS" }));
    assert.equal(back.hasConflict, false);
    assert.equal(await flag(), false);
    assert.equal(await db.auditLog.count({ where: { entityId: claim.id, action: "claim.conflict_flag" } }), 2);
  });

  test("figures that stop overlapping flag a conflict; removing the figure clears it", async () => {
    const { checker, claim, id } = await attached({ figureValue: "12", figureCounted: "police killed" });
    expectOk(await attachEvidence(checker.session, { claimId: claim.id, url: `https://other.example/${unique("c")}`, outlet: "Other", type: "WIRE", excerpt: "Twelve.", stance: "SUPPORTS", figureValue: "12", figureCounted: "police killed" }));
    const changed = expectOk(await editEvidence(checker.session, { id, revision: 1, excerpt: "Forty.", stance: "SUPPORTS", figureValue: "40", figureCounted: "police killed" }));
    assert.equal(changed.hasConflict, true);
    const cleared = expectOk(await editEvidence(checker.session, { id, revision: 2, excerpt: "No number.", stance: "SUPPORTS" }));
    assert.equal(cleared.hasConflict, false);
    assert.equal(await db.reportedFigure.count({ where: { evidenceId: id } }), 0);
  });

  test("unknown evidence is NOT_FOUND", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    expectFail(await editEvidence(checker.session, { id: crypto.randomUUID(), revision: 1, excerpt: "x", stance: "SUPPORTS" }), "NOT_FOUND");
  });
});
