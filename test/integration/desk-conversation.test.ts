import { test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim, createRoleSet, createUser } from "../support/factories";
import { addComment } from "../../lib/services/comments";
import { markNotificationsRead } from "../../lib/services/notifications";
import { assignClaim } from "../../lib/services/claims";
import { draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { reviewVerdict } from "../../lib/services/verdict-review";
import { sendNotificationEmails } from "../../lib/notification-mail";
import { mentionHandle } from "../../lib/mentions";
import { expectOk } from "../support/results";
import { smtpSink } from "../support/smtp-sink";

const db = await testDb();
const { factChecker, editor } = await createRoleSet(db);

const notificationsOf = (recipientId: string, claimId: string) =>
  db.notification.findMany({ where: { recipientId, claimId }, select: { kind: true, actorId: true, commentId: true, readAt: true } });

test("a comment that @mentions a colleague notifies them (not the author, not an e-mail address), audited", async () => {
  const claim = await createClaim(db);
  const colleague = await createUser(db, "FACT_CHECKER", { name: unique("Colleague") });
  const bystander = await createUser(db, "FACT_CHECKER");
  const body = `@${mentionHandle(colleague)} and @${mentionHandle(factChecker)}: see ${bystander.email}`;
  const { id, notified } = expectOk(await addComment(factChecker.session, { claimId: claim.id, body }));
  assert.equal(notified, 1, "only the colleague: the author is not told about their own mention");
  assert.deepEqual(await notificationsOf(colleague.id, claim.id), [{ kind: "MENTIONED", actorId: factChecker.id, commentId: id, readAt: null }]);
  assert.deepEqual(await notificationsOf(bystander.id, claim.id), []);
  const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "comment", entityId: id } });
  assert.equal(audit.action, "comment.create");
  assert.equal(audit.actorId, factChecker.id);
});

test("a mention by full name works; a disabled colleague is not notified", async () => {
  const claim = await createClaim(db);
  const named = await createUser(db, "EDITOR", { name: `Named ${unique()}` });
  const gone = await createUser(db, "EDITOR", { disabled: true });
  expectOk(await addComment(factChecker.session, { claimId: claim.id, body: `Ask @${named.email.split("@")[0]} — and @${mentionHandle(gone)}` }));
  const user = await db.user.findUniqueOrThrow({ where: { id: named.id } });
  expectOk(await addComment(factChecker.session, { claimId: claim.id, body: `Thanks @${user.name}!` }));
  assert.equal((await notificationsOf(named.id, claim.id)).length, 2);
  assert.equal((await notificationsOf(gone.id, claim.id)).length, 0);
});

test("a blank or oversized comment is a field error and writes nothing; an unknown claim is not found", async () => {
  const claim = await createClaim(db);
  for (const body of ["   ", "x".repeat(4001)]) {
    const result = await addComment(factChecker.session, { claimId: claim.id, body });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.fieldErrors?.body?.length, JSON.stringify(result));
  }
  const missing = await addComment(factChecker.session, { claimId: "00000000-0000-4000-8000-000000000000", body: "Hello" });
  assert.equal(!missing.ok && missing.code, "NOT_FOUND");
  assert.equal(await db.claimComment.count({ where: { claimId: claim.id } }), 0);
});

test("assignment, review requested, approved and sent back notify the right people", async () => {
  const claim = await createClaim(db);
  const reviewer = await createUser(db, "EDITOR");
  expectOk(await assignClaim(editor.session, { id: claim.id, assigneeId: factChecker.id }));
  assert.deepEqual((await notificationsOf(factChecker.id, claim.id)).map((n) => n.kind), ["ASSIGNED"]);
  // Assigning yourself tells nobody.
  expectOk(await assignClaim(factChecker.session, { id: claim.id, assigneeId: editor.id }));
  expectOk(await assignClaim(factChecker.session, { id: claim.id, assigneeId: factChecker.id }));
  assert.equal((await notificationsOf(factChecker.id, claim.id)).length, 1);

  const verdict = expectOk(await draftVerdict(factChecker.session, { claimId: claim.id, rating: "FALSE", reasoning: "No source reports it." }));
  expectOk(await submitVerdict(factChecker.session, { verdictId: verdict.id }));
  assert.deepEqual((await notificationsOf(reviewer.id, claim.id)).map((n) => n.kind), ["REVIEW_REQUESTED"]);
  assert.equal((await notificationsOf(factChecker.id, claim.id)).filter((n) => n.kind === "REVIEW_REQUESTED").length, 0, "a fact-checker is not a reviewer");

  expectOk(await reviewVerdict(reviewer.session, { verdictId: verdict.id, revision: 1, outcome: "REJECTED", comment: "Needs a second source." }));
  assert.deepEqual((await notificationsOf(factChecker.id, claim.id)).map((n) => n.kind).sort(), ["ASSIGNED", "SENT_BACK"]);

  expectOk(await submitVerdict(factChecker.session, { verdictId: verdict.id }));
  // One decision per reviewer and revision: another editor approves the resubmitted revision.
  expectOk(await reviewVerdict(editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
  assert.deepEqual((await notificationsOf(factChecker.id, claim.id)).map((n) => n.kind).sort(), ["APPROVED", "ASSIGNED", "SENT_BACK"]);
});

test("a user marks their own notifications read, never another's", async () => {
  const claim = await createClaim(db);
  const owner = await createUser(db, "FACT_CHECKER");
  const other = await createUser(db, "FACT_CHECKER");
  expectOk(await addComment(editor.session, { claimId: claim.id, body: `@${mentionHandle(owner)} one` }));
  expectOk(await addComment(editor.session, { claimId: claim.id, body: `@${mentionHandle(owner)} two` }));
  const [first] = await db.notification.findMany({ where: { recipientId: owner.id }, orderBy: { createdAt: "asc" } });
  const refused = await markNotificationsRead(other.session, { id: first!.id });
  assert.equal(!refused.ok && refused.code, "NOT_FOUND");
  assert.equal((await db.notification.findUniqueOrThrow({ where: { id: first!.id } })).readAt, null);
  expectOk(await markNotificationsRead(owner.session, { id: first!.id }));
  assert.equal(await db.notification.count({ where: { recipientId: owner.id, readAt: null } }), 1);
  assert.equal(expectOk(await markNotificationsRead(owner.session, { all: "1" })).count, 1);
  assert.equal(await db.notification.count({ where: { recipientId: owner.id, readAt: null } }), 0);
  const neither = await markNotificationsRead(owner.session, {});
  assert.equal(!neither.ok && neither.code, "VALIDATION");
});

test("notification e-mails go through SMTP only when switched on, once each, without the comment's text", async (t) => {
  const { url: smtpUrl, received } = await smtpSink(t);
  const env = { SMTP_URL: smtpUrl, SMTP_FROM: "desk <desk@localhost>", NEXTAUTH_URL: "http://desk.test", PUBLIC_BASE_URL: "http://desk.test", DESK_NOTIFICATION_EMAILS: true };

  const claim = await createClaim(db);
  const mentioned = await createUser(db, "FACT_CHECKER");
  const secret = unique("COMMENTSECRET");
  // Other tests' notifications are not this test's business: mark them as already mailed.
  await db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
  expectOk(await addComment(editor.session, { claimId: claim.id, body: `@${mentionHandle(mentioned)} ${secret}` }));
  assert.deepEqual(await sendNotificationEmails(db, { ...env, DESK_NOTIFICATION_EMAILS: false }), { sent: 0, failed: 0 }, "off: nothing is sent");
  assert.deepEqual(await sendNotificationEmails(db, env), { sent: 1, failed: 0 });
  const mail = received.find((m) => m.to === mentioned.email);
  assert.ok(mail, "the mentioned user got a mail");
  assert.match(mail.data, /mentioned you/);
  assert.match(mail.data, new RegExp(`http://desk.test/desk/claims/${claim.slug}`));
  assert.ok(!mail.data.includes(secret), "the comment's text is never mailed");
  assert.ok((await db.notification.findFirstOrThrow({ where: { recipientId: mentioned.id } })).emailedAt);
  assert.deepEqual(await sendNotificationEmails(db, env), { sent: 0, failed: 0 });
  assert.equal(received.filter((m) => m.to === mentioned.email).length, 1, "mailed once");
});
