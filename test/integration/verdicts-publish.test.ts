import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { createClaim, createRoleSet, createUser, type TestUser } from "../support/factories";
import type { Db } from "../../lib/db/client";
import { publishVerdict, retractClaim, reviewVerdict } from "../../lib/services/verdict-review";
import { correctVerdict, draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { expectOk } from "../support/results";

const content = { rating: "FALSE" as const, reasoning: "No outlet or official source reports it.", evidenceIds: [] };

/** A claim with an approved verdict, ready to publish. */
async function approvedVerdict(db: Db) {
  const { factChecker, editor, admin } = await createRoleSet(db);
  const claim = await createClaim(db);
  const verdict = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content }));
  expectOk(await submitVerdict(factChecker.session, { verdictId: verdict.id }));
  expectOk(await reviewVerdict(editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
  return { factChecker, editor, admin, claim, verdict };
}

async function approve(editor: TestUser, verdictId: string, revision = 1) {
  expectOk(await reviewVerdict(editor.session, { verdictId, revision, outcome: "APPROVED", comment: "Checked." }));
}

const count = (db: Db, entityId: string, action: string) => db.auditLog.count({ where: { entityId, action } });

describe("publishing", () => {
  test("five concurrent publishes publish once: one audit row, one published verdict", async () => {
    const db = await testDb();
    const { editor, claim, verdict } = await approvedVerdict(db);
    const results = await Promise.all(Array.from({ length: 5 }, () => publishVerdict(editor.session, { verdictId: verdict.id })));
    const published = results.map(expectOk);
    assert.ok(published.every((v) => v.id === verdict.id && v.state === "PUBLISHED"));
    assert.equal(new Set(published.map((v) => v.publishedAt?.toISOString())).size, 1);
    assert.equal(await count(db, verdict.id, "verdict.publish"), 1);
    assert.equal(await db.verdict.count({ where: { claimId: claim.id, state: "PUBLISHED" } }), 1);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "PUBLISHED");

    const again = expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));
    assert.deepEqual(again.publishedAt, published[0]!.publishedAt);
    assert.equal(await count(db, verdict.id, "verdict.publish"), 1);
  });

  test("only approved verdicts are published", async () => {
    const db = await testDb();
    const { factChecker, editor } = await createRoleSet(db);
    const claim = await createClaim(db);
    const verdict = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, ...content }));
    const early = await publishVerdict(editor.session, { verdictId: verdict.id });
    assert.ok(!early.ok && early.code === "INVALID_STATE");
    assert.equal(await count(db, verdict.id, "verdict.publish"), 0);
  });
});

describe("corrections", () => {
  test("a correction needs a note, goes through review, and supersedes the published verdict on publish", async () => {
    const db = await testDb();
    const { factChecker, editor, claim, verdict } = await approvedVerdict(db);
    expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));

    const fresh = await draftVerdict(factChecker.session, { claimId: claim.id, ...content });
    assert.ok(!fresh.ok && fresh.code === "INVALID_STATE");
    const noNote = await correctVerdict(factChecker.session, { verdictId: verdict.id, ...content });
    assert.ok(!noNote.ok && noNote.fieldErrors?.correctionNote?.length);

    const note = "New police figures published on 9 January change the count.";
    const correction = expectOk(
      await correctVerdict(factChecker.session, { verdictId: verdict.id, ...content, rating: "MOSTLY_FALSE", correctionNote: note }),
    );
    assert.equal(correction.state, "DRAFT");
    assert.equal(correction.supersedesId, verdict.id);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "PUBLISHED");
    const twice = await correctVerdict(factChecker.session, { verdictId: verdict.id, ...content, correctionNote: note });
    assert.equal(twice.ok, false);

    expectOk(await submitVerdict(factChecker.session, { verdictId: correction.id }));
    const unapproved = await publishVerdict(editor.session, { verdictId: correction.id });
    assert.ok(!unapproved.ok && unapproved.code === "INVALID_STATE");
    await approve(editor, correction.id);
    const published = expectOk(await publishVerdict(editor.session, { verdictId: correction.id }));
    assert.equal(published.state, "PUBLISHED");

    const both = await db.verdict.findMany({ where: { claimId: claim.id }, orderBy: { createdAt: "asc" } });
    assert.deepEqual(both.map((v) => v.state), ["SUPERSEDED", "PUBLISHED"]);
    assert.equal(both[1]!.correctionNote, note);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "PUBLISHED");
    assert.equal(await count(db, verdict.id, "verdict.supersede"), 1);
    assert.equal(await count(db, correction.id, "verdict.correct"), 1);
  });

  test("the database refuses a superseding verdict without a note", async () => {
    const db = await testDb();
    const { factChecker, editor, verdict, claim } = await approvedVerdict(db);
    expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));
    await assert.rejects(
      db.verdict.create({
        data: { claimId: claim.id, rating: "TRUE", ratingValue: 5, reasoning: "x", authorId: factChecker.id, lastEditedById: factChecker.id, supersedesId: verdict.id },
      }),
      /verdicts_correction_check/,
    );
  });

  test("a rejected correction leaves the published verdict and the claim published", async () => {
    const db = await testDb();
    const { factChecker, editor, claim, verdict } = await approvedVerdict(db);
    expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));
    const correction = expectOk(
      await correctVerdict(factChecker.session, { verdictId: verdict.id, ...content, correctionNote: "Adds the ministry's figure." }),
    );
    expectOk(await submitVerdict(factChecker.session, { verdictId: correction.id }));
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "IN_REVIEW");
    expectOk(await reviewVerdict(editor.session, { verdictId: correction.id, revision: 1, outcome: "REJECTED", comment: "Not needed." }));
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "PUBLISHED");
    assert.equal((await db.verdict.findUniqueOrThrow({ where: { id: verdict.id } })).state, "PUBLISHED");
  });
});

describe("retraction", () => {
  test("retracting a published claim keeps everything and stores the note in a retraction publication and the audit log", async () => {
    const db = await testDb();
    const { factChecker, editor, claim, verdict } = await approvedVerdict(db);
    expectOk(await publishVerdict(editor.session, { verdictId: verdict.id }));
    const short = await retractClaim(editor.session, { claimId: claim.id, note: "no" });
    assert.ok(!short.ok && short.fieldErrors?.note?.length);

    const note = "The claim was attributed to the wrong official; we retract our check.";
    expectOk(await retractClaim(editor.session, { claimId: claim.id, note }));
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(after.status, "RETRACTED");
    const kept = await db.verdict.findUniqueOrThrow({ where: { id: verdict.id } });
    assert.equal(kept.state, "PUBLISHED", "the verdict is never rewritten");
    assert.equal(kept.correctionNote, null);
    const publications = await db.publication.findMany({ where: { claimId: claim.id }, orderBy: { version: "asc" } });
    assert.deepEqual(publications.map((p) => [p.version, p.kind, p.note]), [[1, "ORIGINAL", null], [2, "RETRACTION", note]]);
    assert.deepEqual(publications[1]!.snapshot, publications[0]!.snapshot, "the last published content stays on the record");
    const row = await db.auditLog.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.retract" } });
    assert.equal((row.after as { note: string }).note, note);

    const again = await retractClaim(editor.session, { claimId: claim.id, note });
    assert.ok(!again.ok && again.code === "INVALID_STATE");
    const redraft = await correctVerdict(factChecker.session, { verdictId: verdict.id, ...content, correctionNote: "Try again after retraction." });
    assert.ok(!redraft.ok && redraft.code === "INVALID_STATE");
  });

  test("retracting a claim without a published verdict keeps the note in the audit log", async () => {
    const db = await testDb();
    const admin = await createUser(db, "ADMIN");
    const claim = await createClaim(db);
    const note = "Duplicate of another claim; retracted from the desk.";
    const result = expectOk(await retractClaim(admin.session, { claimId: claim.id, note }));
    assert.equal(result.verdictId, null);
    assert.equal(result.publication, null, "never published: nothing on the public record");
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "RETRACTED");
    const row = await db.auditLog.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.retract" } });
    assert.equal((row.after as { note: string }).note, note);
  });
});
