import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { randomUUID } from "node:crypto";
import { createClaim as makeClaim, createStory, createUser } from "../support/factories";
import { assignClaim, createClaim, transitionClaim, updateClaim } from "../../lib/services/claims";
import { expectOk, expectFail } from "../support/results";

const db = await testDb();

const auditCount = (entityId: string, action?: string) => db.auditLog.count({ where: { entityId, ...(action ? { action } : {}) } });

// Words no other test uses, so duplicate detection only sees this test's claims.
const randomWord = () => Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const distinctText = () => Array.from({ length: 6 }, randomWord).join(" ");

describe("createClaim", () => {
  test("creates a claim with a slug, audit row and the anchored sentence", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const story = await createStory(db);
    const document = await db.document.create({ data: { title: "Report", outlet: "Wire", text: "First sentence here. The mayor said 40 buses were burned. Last one." } });
    const result = await createClaim(user.session, {
      text: `The mayor said 40 buses were burned ${unique()}`,
      claimant: "Mayor of Almaty",
      claimedAt: "2022-01-06",
      kind: "NUMERIC",
      storyId: story.id,
      documentId: document.id,
      sentence: "The mayor said 40 buses were burned.",
      assigneeId: user.id,
      confirmDuplicate: "on",
    });
    const data = expectOk(result);
    assert.equal(data.needsConfirmation, false);
    if (data.needsConfirmation) return;
    assert.match(data.slug, /^the-mayor-said-40-buses-were-burned-/);
    const row = await db.claim.findUniqueOrThrow({ where: { id: data.id } });
    assert.equal(row.sentenceStart, 21);
    assert.equal(row.status, "NEW");
    assert.equal(row.createdById, user.id);
    assert.equal(row.assigneeId, user.id);
    assert.equal(await auditCount(data.id, "claim.create"), 1);
  });

  test("refuses a sentence that is not in the document, and writes nothing", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const document = await db.document.create({ data: { title: "Report", outlet: "Wire", text: "Only this sentence." } });
    const text = distinctText();
    const failure = expectFail(
      await createClaim(user.session, { text, claimant: "X", kind: "EVENT", documentId: document.id, sentence: "Not there.", confirmDuplicate: true }),
      "VALIDATION",
    );
    assert.ok(failure.fieldErrors?.sentence);
    assert.equal(await db.claim.count({ where: { text } }), 0);
  });

  test("warns about similar claims before writing, then saves when confirmed", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const text = distinctText();
    const original = await makeClaim(db, { text });
    const warned = expectOk(await createClaim(user.session, { text: `${text}!`, claimant: "Someone", kind: "EVENT" }));
    assert.equal(warned.needsConfirmation, true);
    if (!warned.needsConfirmation) return;
    assert.ok(warned.candidates.some((c) => c.id === original.id));
    assert.equal(await db.claim.count({ where: { text: `${text}!` } }), 1 - 1, "nothing written before confirmation");

    const saved = expectOk(await createClaim(user.session, { text: `${text}!`, claimant: "Someone", kind: "EVENT", confirmDuplicate: true }));
    assert.equal(saved.needsConfirmation, false);
    assert.equal(await db.claim.count({ where: { text: `${text}!` } }), 1);
  });

  test("a claim unlike any other is saved without a warning", async () => {
    const user = await createUser(db, "EDITOR");
    const data = expectOk(await createClaim(user.session, { text: distinctText(), claimant: "Nobody", kind: "QUOTE" }));
    assert.equal(data.needsConfirmation, false);
  });
});

describe("updateClaim optimistic locking", () => {
  test("saves with the current version and bumps it", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    const data = expectOk(await updateClaim(user.session, { id: claim.id, version: 1, text: "Edited text", claimant: "New claimant", kind: "EVENT" }));
    assert.equal(data.version, 2);
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(row.text, "Edited text");
    assert.equal(row.version, 2);
    assert.equal(await auditCount(claim.id, "claim.update"), 1);
  });

  test("a stale version returns CONFLICT with the newer values", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    expectOk(await updateClaim(user.session, { id: claim.id, version: 1, text: "First save", claimant: "A", kind: "EVENT" }));
    const failure = expectFail(await updateClaim(user.session, { id: claim.id, version: 1, text: "Second save", claimant: "B", kind: "EVENT" }), "CONFLICT");
    assert.match(failure.message, /Someone else saved this claim meanwhile/);
    const current = failure.current as { text: string; version: number };
    assert.equal(current.text, "First save");
    assert.equal(current.version, 2);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).text, "First save");
  });

  test("two concurrent saves of the same version: one wins, one gets CONFLICT", async () => {
    const [alice, bob] = await Promise.all([createUser(db, "FACT_CHECKER"), createUser(db, "EDITOR")]);
    const claim = await makeClaim(db);
    const results = await Promise.all([
      updateClaim(alice.session, { id: claim.id, version: 1, text: "Alice's text", claimant: "Alice", kind: "EVENT" }),
      updateClaim(bob.session, { id: claim.id, version: 1, text: "Bob's text", claimant: "Bob", kind: "QUOTE" }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    assert.equal(winners.length, 1);
    assert.equal(losers.length, 1);
    assert.equal(losers[0]?.ok === false && losers[0].code, "CONFLICT");
    const winnerText = results[0]?.ok ? "Alice's text" : "Bob's text";
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(row.text, winnerText);
    assert.equal(row.version, 2);
    assert.equal(await auditCount(claim.id, "claim.update"), 1);
  });

  test("an unknown claim is NOT_FOUND", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    expectFail(await updateClaim(user.session, { id: randomUUID(), version: 1, text: "x", claimant: "y", kind: "EVENT" }), "NOT_FOUND");
  });
});

describe("transitionClaim", () => {
  test("follows the workflow and audits each step", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    expectOk(await transitionClaim(user.session, { id: claim.id, to: "RESEARCHING" }));
    expectOk(await transitionClaim(user.session, { id: claim.id, to: "VERDICT_DRAFTED" }));
    expectOk(await transitionClaim(user.session, { id: claim.id, to: "RESEARCHING" }));
    // Retraction needs an editor and a public note (retractClaim), not a bare status change.
    const retract = await transitionClaim(user.session, { id: claim.id, to: "RETRACTED" });
    assert.equal(retract.ok, false);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "RESEARCHING");
    assert.equal(await auditCount(claim.id, "claim.transition"), 3);
  });

  test("an invalid transition is refused with INVALID_STATE and changes nothing", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await makeClaim(db);
    expectFail(await transitionClaim(user.session, { id: claim.id, to: "VERDICT_DRAFTED" }), "INVALID_STATE");
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(row.status, "NEW");
    assert.equal(row.updatedAt.getTime(), claim.updatedAt.getTime());
    assert.equal(await auditCount(claim.id), 0);
  });

  test("in review and published are only reached through verdict actions", async () => {
    const user = await createUser(db, "ADMIN");
    const claim = await makeClaim(db);
    await db.claim.update({ where: { id: claim.id }, data: { status: "VERDICT_DRAFTED" } });
    for (const to of ["IN_REVIEW", "PUBLISHED", "NEW"] as const) {
      expectFail(await transitionClaim(user.session, { id: claim.id, to }), "INVALID_STATE");
    }
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "VERDICT_DRAFTED");
  });

  test("a retracted claim stays retracted", async () => {
    const user = await createUser(db, "EDITOR");
    const claim = await makeClaim(db);
    await db.claim.update({ where: { id: claim.id }, data: { status: "RETRACTED" } });
    expectFail(await transitionClaim(user.session, { id: claim.id, to: "RESEARCHING" }), "INVALID_STATE");
  });
});

describe("assignClaim", () => {
  test("assigns to any active desk user, editors too, and unassigns", async () => {
    const [checker, editor] = await Promise.all([createUser(db, "FACT_CHECKER"), createUser(db, "EDITOR")]);
    const claim = await makeClaim(db);
    const data = expectOk(await assignClaim(checker.session, { id: claim.id, assigneeId: editor.id }));
    assert.equal(data.assignee?.id, editor.id);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId, editor.id);
    expectOk(await assignClaim(checker.session, { id: claim.id, assigneeId: "" }));
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId, null);
    assert.equal(await auditCount(claim.id, "claim.assign"), 2);
  });

  test("refuses a disabled user as assignee", async () => {
    const [checker, disabled] = await Promise.all([createUser(db, "FACT_CHECKER"), createUser(db, "FACT_CHECKER", { disabled: true })]);
    const claim = await makeClaim(db);
    const failure = expectFail(await assignClaim(checker.session, { id: claim.id, assigneeId: disabled.id }), "VALIDATION");
    assert.ok(failure.fieldErrors?.assigneeId);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId, null);
  });
});
