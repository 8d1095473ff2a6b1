import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { createClaim, createRoleSet, createSource, createUser } from "../support/factories";
import type { Db } from "../../lib/db/client";
import { claimStatusPath } from "../../lib/services/claims";
import { publishVerdict, retractClaim, reviewVerdict } from "../../lib/services/verdict-review";
import { correctVerdict, draftVerdict, editVerdict, submitVerdict } from "../../lib/services/verdicts";
import { expectOk } from "../support/results";

async function setup(db: Db) {
  const roles = await createRoleSet(db);
  const claim = await createClaim(db, { kind: "EVENT" });
  const source = await createSource(db);
  const evidence = await db.evidence.create({
    data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "Police said the airport was cleared." },
  });
  return { ...roles, claim, evidence };
}

const content = (evidenceIds: string[] = []) => ({
  rating: "MOSTLY_TRUE" as const,
  reasoning: "Two independent outlets confirm the airport was cleared.",
  evidenceIds,
  asOf: "2022-01-07T12:00",
});

async function actions(db: Db, entityId: string) {
  const rows = await db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true } });
  return rows.map((r) => r.action);
}

describe("drafting and submitting", () => {
  test("a fact-checker drafts a verdict: rating value, evidence, claim status and version, audit", async () => {
    const db = await testDb();
    const { factChecker, claim, evidence } = await setup(db);
    const verdict = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content([evidence.id]) }));
    assert.equal(verdict.state, "DRAFT");
    assert.equal(verdict.ratingValue, 4);
    assert.equal(verdict.revision, 1);
    assert.deepEqual(verdict.evidenceIds, [evidence.id]);
    assert.ok(verdict.asOf instanceof Date);
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(after.status, "VERDICT_DRAFTED");
    assert.equal(after.version, claim.version + 1);
    assert.deepEqual(await actions(db, verdict.id), ["verdict.draft"]);
    assert.deepEqual(await actions(db, claim.id), ["claim.status_change"]);
  });

  test("unproven needs the evidence gap; evidence must belong to the claim; one open verdict per claim", async () => {
    const db = await testDb();
    const { factChecker, claim } = await setup(db);
    const gapless = await draftVerdict(factChecker.session, { claimId: claim.id, ...content(), rating: "UNPROVEN" });
    assert.equal(gapless.ok, false);
    assert.ok(!gapless.ok && gapless.fieldErrors?.evidenceGap?.length);

    const other = await setup(db);
    const foreign = await draftVerdict(factChecker.session, { claimId: claim.id, ...content([other.evidence.id]) });
    assert.ok(!foreign.ok && foreign.code === "VALIDATION" && foreign.fieldErrors?.evidenceIds?.length);

    expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content(), rating: "UNPROVEN", evidenceGap: "No footage." }));
    const second = await draftVerdict(factChecker.session, { claimId: claim.id, ...content() });
    assert.ok(!second.ok && second.code === "CONFLICT");
  });

  test("submit moves the verdict to SUBMITTED and the claim to IN_REVIEW; a rejection sends it back", async () => {
    const db = await testDb();
    const { factChecker, editor, claim } = await setup(db);
    const draft = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content() }));
    const submitted = expectOk(await submitVerdict(factChecker.session, { verdictId: draft.id }));
    assert.equal(submitted.state, "SUBMITTED");
    assert.ok(submitted.submittedAt);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "IN_REVIEW");

    const noComment = await reviewVerdict(editor.session, { verdictId: draft.id, revision: 1, outcome: "REJECTED" });
    assert.ok(!noComment.ok && noComment.fieldErrors?.comment?.length);
    const rejected = expectOk(
      await reviewVerdict(editor.session, { verdictId: draft.id, revision: 1, outcome: "REJECTED", comment: "Cite the police statement." }),
    );
    assert.equal(rejected.state, "REJECTED");
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "RESEARCHING");

    const edited = expectOk(await editVerdict(factChecker.session, { verdictId: draft.id, revision: 1, ...content() }));
    assert.equal(edited.state, "REJECTED");
    assert.equal(edited.revision, 2);
    expectOk(await submitVerdict(factChecker.session, { verdictId: draft.id }));
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "IN_REVIEW");
    assert.deepEqual(await actions(db, draft.id), ["verdict.draft", "verdict.submit", "verdict.reject", "verdict.edit", "verdict.submit"]);
    const review = await db.reviewDecision.findFirstOrThrow({ where: { verdictId: draft.id } });
    assert.equal(review.comment, "Cite the police statement.");
    assert.equal(review.verdictRevision, 1);
  });
});

describe("four-eyes rule", () => {
  test("the author cannot approve; an editor who edited cannot; an admin who wrote cannot; a third editor can", async () => {
    const db = await testDb();
    const { editor, admin, claim } = await setup(db);
    const editor2 = await createUser(db, "EDITOR");
    const editor3 = await createUser(db, "EDITOR");
    const verdict = expectOk(await draftVerdict(editor.session, { claimId: claim.id, ...content() }));
    expectOk(await editVerdict(editor2.session, { verdictId: verdict.id, revision: 1, ...content(), reasoning: "Tightened wording." }));
    expectOk(await submitVerdict(editor.session, { verdictId: verdict.id }));

    for (const who of [editor, editor2]) {
      const refused = await reviewVerdict(who.session, { verdictId: verdict.id, revision: 2, outcome: "APPROVED" });
      assert.ok(!refused.ok && refused.code === "FORBIDDEN", JSON.stringify(refused));
      assert.match(refused.message, /four-eyes/i);
    }
    const approved = expectOk(await reviewVerdict(editor3.session, { verdictId: verdict.id, revision: 2, outcome: "APPROVED", comment: "Good." }));
    assert.equal(approved.state, "APPROVED");
    // Refused attempts leave no trace; the approval is recorded once.
    assert.deepEqual(await actions(db, verdict.id), ["verdict.draft", "verdict.edit", "verdict.submit", "verdict.approve"]);

    const adminClaim = await createClaim(db);
    const own = expectOk(await draftVerdict(admin.session, { claimId: adminClaim.id, ...content() }));
    expectOk(await submitVerdict(admin.session, { verdictId: own.id }));
    const adminRefused = await reviewVerdict(admin.session, { verdictId: own.id, revision: 1, outcome: "APPROVED" });
    assert.ok(!adminRefused.ok && adminRefused.code === "FORBIDDEN");
    assert.equal((await db.verdict.findUniqueOrThrow({ where: { id: own.id } })).state, "SUBMITTED");
  });

  test("the database trigger refuses an author's approval inserted straight through Prisma or SQL", async () => {
    const db = await testDb();
    const { factChecker, editor, claim } = await setup(db);
    const verdict = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content() }));
    await assert.rejects(
      db.reviewDecision.create({ data: { verdictId: verdict.id, reviewerId: factChecker.id, outcome: "APPROVED", verdictRevision: 1 } }),
      /four-eyes rule/,
    );
    // An editor who edits later is recorded by the trigger too, whatever code path wrote the row.
    await db.$executeRaw`UPDATE verdicts SET last_edited_by_id = ${editor.id}::uuid, revision = revision + 1 WHERE id = ${verdict.id}::uuid`;
    await assert.rejects(
      db.$executeRaw`INSERT INTO review_decisions (id, verdict_id, reviewer_id, outcome, verdict_revision)
        VALUES (gen_random_uuid(), ${verdict.id}::uuid, ${editor.id}::uuid, 'APPROVED', 2)`,
      /four-eyes rule/,
    );
    assert.equal(await db.reviewDecision.count({ where: { verdictId: verdict.id } }), 0);
  });
});

describe("approval is tied to a revision", () => {
  test("a stale revision is a CONFLICT; editing an approved verdict sends it back and voids the approval", async () => {
    const db = await testDb();
    const { factChecker, editor, claim } = await setup(db);
    const verdict = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content() }));
    expectOk(await submitVerdict(factChecker.session, { verdictId: verdict.id }));
    expectOk(await editVerdict(factChecker.session, { verdictId: verdict.id, revision: 1, ...content(), reasoning: "Changed." }));

    const stale = await reviewVerdict(editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" });
    assert.ok(!stale.ok && stale.code === "CONFLICT");
    assert.match(stale.message, /changed since you opened it/);
    const staleEdit = await editVerdict(factChecker.session, { verdictId: verdict.id, revision: 1, ...content() });
    assert.ok(!staleEdit.ok && staleEdit.code === "CONFLICT");

    expectOk(await reviewVerdict(editor.session, { verdictId: verdict.id, revision: 2, outcome: "APPROVED" }));
    const reopened = expectOk(await editVerdict(factChecker.session, { verdictId: verdict.id, revision: 2, ...content(), reasoning: "Late change." }));
    assert.equal(reopened.state, "SUBMITTED");
    assert.equal(reopened.revision, 3);
    const publish = await publishVerdict(editor.session, { verdictId: verdict.id });
    assert.ok(!publish.ok && publish.code === "INVALID_STATE");
    // The approval of revision 2 does not make revision 3 approvable, even straight in SQL.
    await assert.rejects(db.$executeRaw`UPDATE verdicts SET state = 'APPROVED' WHERE id = ${verdict.id}::uuid`, /no approving review/);
    expectOk(await reviewVerdict(editor.session, { verdictId: verdict.id, revision: 3, outcome: "APPROVED" }));
    expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));
    const published = await editVerdict(factChecker.session, { verdictId: verdict.id, revision: 3, ...content() });
    assert.ok(!published.ok && published.code === "INVALID_STATE");
  });
});

describe("role matrix", () => {
  test("fact-checkers cannot review, publish or retract; anonymous callers are refused everything", async () => {
    const db = await testDb();
    const { factChecker, claim } = await setup(db);
    const verdict = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content() }));
    expectOk(await submitVerdict(factChecker.session, { verdictId: verdict.id }));
    const review = await reviewVerdict(factChecker.session, { verdictId: verdict.id, revision: 1, outcome: "REJECTED", comment: "x" });
    assert.ok(!review.ok && review.code === "FORBIDDEN");
    const publish = await publishVerdict(factChecker.session, { verdictId: verdict.id });
    assert.ok(!publish.ok && publish.code === "FORBIDDEN");
    const retract = await retractClaim(factChecker.session, { claimId: claim.id, note: "Retracting this claim for tests." });
    assert.ok(!retract.ok && retract.code === "FORBIDDEN");

    const anonymous = [
      await draftVerdict(null, { claimId: claim.id, ...content() }),
      await editVerdict(null, { verdictId: verdict.id, revision: 1, ...content() }),
      await submitVerdict(null, { verdictId: verdict.id }),
      await reviewVerdict(null, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }),
      await publishVerdict(null, { verdictId: verdict.id }),
      await correctVerdict(null, { verdictId: verdict.id, ...content(), correctionNote: "Anonymous correction." }),
      await retractClaim(null, { claimId: claim.id, note: "Anonymous retraction." }),
    ];
    for (const result of anonymous) assert.ok(!result.ok && result.code === "UNAUTHENTICATED");
    assert.deepEqual(await actions(db, verdict.id), ["verdict.draft", "verdict.submit"]);
  });
});

describe("claim status path", () => {
  test("walks the workflow from lib/domain/workflow.ts and never through published or retracted", () => {
    assert.deepEqual(claimStatusPath("NEW", "VERDICT_DRAFTED"), ["NEW", "RESEARCHING", "VERDICT_DRAFTED"]);
    assert.deepEqual(claimStatusPath("RESEARCHING", "IN_REVIEW"), ["RESEARCHING", "VERDICT_DRAFTED", "IN_REVIEW"]);
    assert.deepEqual(claimStatusPath("PUBLISHED", "IN_REVIEW"), ["PUBLISHED", "IN_REVIEW"]);
    assert.deepEqual(claimStatusPath("IN_REVIEW", "PUBLISHED"), ["IN_REVIEW", "PUBLISHED"]);
    assert.equal(claimStatusPath("RETRACTED", "RESEARCHING"), null);
    assert.equal(claimStatusPath("NEW", "NEW")?.length, 1);
  });
});
