import { test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim, createStory, createUser } from "../support/factories";
import { bulkUpdateClaims } from "../../lib/services/claims-bulk";
import { archiveStory, createStory as createStoryAction, updateStory } from "../../lib/services/stories";
import { draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { reviewVerdict } from "../../lib/services/verdict-review";
import { createDesk, publicOutputs, publishThroughDesk } from "./public-outputs";
import { expectOk } from "../support/results";

const db = await testDb();

const auditFor = (ids: string[], action: string) => db.auditLog.findMany({ where: { entityType: "claim", entityId: { in: ids }, action } });

test("bulk assign: one audited row and one notification per claim", async () => {
  const desk = await createDesk(db);
  const claims = await Promise.all([createClaim(db), createClaim(db), createClaim(db)]);
  const ids = claims.map((c) => c.id);
  const outcome = expectOk(await bulkUpdateClaims(desk.editor.session, { ids, operation: "assign", assigneeId: desk.checker.id }));
  assert.deepEqual(outcome.done.map((d) => d.id).sort(), [...ids].sort());
  assert.deepEqual(outcome.refused, []);
  assert.equal(await db.claim.count({ where: { id: { in: ids }, assigneeId: desk.checker.id } }), 3);
  const rows = await auditFor(ids, "claim.assign");
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.actorId === desk.editor.id));
  assert.equal(await db.notification.count({ where: { recipientId: desk.checker.id, kind: "ASSIGNED", claimId: { in: ids } } }), 3);
});

test("bulk status: a claim whose verdict is in review is refused by name, the others move", async () => {
  const desk = await createDesk(db);
  const [free, busy] = [await createClaim(db), await createClaim(db)];
  const verdict = expectOk(await draftVerdict(desk.checker.session, { claimId: busy.id, rating: "FALSE", reasoning: "Nobody reports it." }));
  expectOk(await submitVerdict(desk.checker.session, { verdictId: verdict.id }));
  const missing = "00000000-0000-4000-8000-000000000000";
  const outcome = expectOk(await bulkUpdateClaims(desk.checker.session, { ids: [free.id, busy.id, missing], operation: "status", to: "RESEARCHING" }));
  assert.deepEqual(outcome.done.map((d) => d.slug), [free.slug]);
  assert.deepEqual(outcome.refused.map((r) => [r.id, r.slug]), [[busy.id, busy.slug], [missing, null]]);
  assert.match(outcome.refused[0]!.message, /in review/);
  assert.equal((await db.claim.findUniqueOrThrow({ where: { id: busy.id } })).status, "IN_REVIEW");
  assert.equal((await auditFor([free.id], "claim.transition")).length, 1);
  assert.equal((await auditFor([busy.id], "claim.transition")).length, 0);
});

test("bulk: a status outside the manual ones, an unknown assignee or an archived story refuse the request and write nothing", async () => {
  const desk = await createDesk(db);
  const claim = await createClaim(db);
  const archived = await createStory(db);
  await db.story.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
  const disabled = await createUser(db, "FACT_CHECKER", { disabled: true });
  const published = expectOk(await bulkUpdateClaims(desk.checker.session, { ids: [claim.id], operation: "status", to: "PUBLISHED" }));
  assert.equal(published.refused.length, 1, "publishing is never a manual move");
  for (const input of [
    { ids: [claim.id], operation: "assign", assigneeId: disabled.id },
    { ids: [claim.id], operation: "story", storyId: archived.id },
    { ids: [claim.id], operation: "status" },
    { ids: [], operation: "assign" },
  ]) {
    const result = await bulkUpdateClaims(desk.checker.session, input);
    assert.equal(!result.ok && result.code, "VALIDATION", JSON.stringify(input));
  }
  assert.equal(await db.auditLog.count({ where: { entityId: claim.id } }), 0);
});

test("bulk story: claims join a story; a claim with figures from another story's vocabulary stays", async () => {
  const desk = await createDesk(db);
  const story = await createStory(db);
  const loose = await createClaim(db);
  const published = await publishThroughDesk(db, desk);
  const outcome = expectOk(await bulkUpdateClaims(desk.checker.session, { ids: [loose.id, published.claim.id], operation: "story", storyId: story.id }));
  assert.deepEqual(outcome.done.map((d) => d.id), [loose.id]);
  assert.match(outcome.refused[0]!.message, /figures/);
  assert.equal((await db.claim.findUniqueOrThrow({ where: { id: loose.id } })).storyId, story.id);
  assert.equal((await auditFor([loose.id], "claim.story")).length, 1);
});

test("stories: created with a readable slug, edited without touching the public story, archived out of the pickers", async () => {
  const desk = await createDesk(db);
  const title = `Floods in the north ${unique()}`;
  const created = expectOk(await createStoryAction(desk.editor.session, { title, summary: "Rivers rose.", startsOn: "2024-04-01" }));
  assert.match(created.slug, /^floods-in-the-north-/);
  const refused = await createStoryAction(desk.checker.session, { title: "By a fact-checker" });
  assert.equal(!refused.ok && refused.code, "FORBIDDEN");
  const blank = await createStoryAction(desk.editor.session, { title: "  " });
  assert.ok(!blank.ok && blank.fieldErrors?.title?.length);

  // A story with a published claim: the desk edit changes no public byte.
  const published = await publishThroughDesk(db, desk);
  const before = await publicOutputs(published.claim.slug, published.story.slug);
  expectOk(await updateStory(desk.editor.session, { id: published.story.id, title: "A new title nobody approved", summary: "Changed." }));
  assert.deepEqual(await publicOutputs(published.claim.slug, published.story.slug), before);
  const row = await db.story.findUniqueOrThrow({ where: { id: published.story.id } });
  assert.equal(row.title, "A new title nobody approved");
  assert.equal(row.slug, published.story.slug, "the public address never changes");

  expectOk(await archiveStory(desk.editor.session, { id: created.id, archived: true }));
  assert.ok((await db.story.findUniqueOrThrow({ where: { id: created.id } })).archivedAt);
  expectOk(await archiveStory(desk.editor.session, { id: created.id, archived: false }));
  assert.equal((await db.story.findUniqueOrThrow({ where: { id: created.id } })).archivedAt, null);
});

test("editing a story sends an approved verdict of its claims back to review (the approval covered the old story)", async () => {
  const desk = await createDesk(db);
  const story = await createStory(db);
  const claim = await createClaim(db, { storyId: story.id });
  const verdict = expectOk(await draftVerdict(desk.checker.session, { claimId: claim.id, rating: "FALSE", reasoning: "Nobody reports it." }));
  expectOk(await submitVerdict(desk.checker.session, { verdictId: verdict.id }));
  expectOk(await reviewVerdict(desk.editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
  expectOk(await updateStory(desk.editor2.session, { id: story.id, title: "Renamed before publication" }));
  const after = await db.verdict.findUniqueOrThrow({ where: { id: verdict.id } });
  assert.equal(after.state, "SUBMITTED");
  assert.equal(after.revision, 2);
});
