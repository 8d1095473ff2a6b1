import { spawnSync } from "node:child_process";
import { test } from "node:test";
import assert from "node:assert/strict";
import { getEnv } from "../../lib/env";
import { issueFormToken, MIN_FILL_SECONDS } from "../../lib/readers/form-token";
import { sendPendingNotices } from "../../lib/readers/notify";
import { purgeReaderData } from "../../lib/readers/purge";
import { submitReaderRequest, type ReaderLimits } from "../../lib/readers/submit";
import { createClaim as createClaimAction } from "../../lib/services/claims";
import { closeReaderRequest, linkReaderRequest } from "../../lib/services/reader-requests";
import { publishVerdict, reviewVerdict } from "../../lib/services/verdict-review";
import { correctVerdict, submitVerdict } from "../../lib/services/verdicts";
import { listAmendments } from "../../lib/public/ledger";
import { listMonthlyReaderCounts } from "../../lib/data/reader-requests";
import { handleClaimFeed, handleStoryFeed } from "../../lib/public/follow-feeds";
import { testDb, unique } from "../support/db";
import { createReaderRequest } from "../support/factories";
import { createDesk, publicOutputs, publishThroughDesk } from "./public-outputs";
import { expectOk } from "../support/results";

const db = await testDb();
const secret = "reader-test-secret-reader-test-secret-0123";
const WIDE: ReaderLimits = { perAddress: 1000, global: 100_000, windowMinutes: 60 };
const now = Date.now();
/** A form rendered ten seconds ago, as a reader would post it. */
const form = (fields: Record<string, string>) => ({ token: issueFormToken(secret, now - 10_000), website: "", kind: "SUGGESTION", ...fields });
const submit = (fields: Record<string, string>, options: { ip?: string; limits?: ReaderLimits; at?: number } = {}) =>
  submitReaderRequest(db, { form: fields, ip: options.ip ?? unique("ip"), secret, limits: options.limits ?? WIDE, now: options.at ?? now });
const countByText = (text: string) => db.readerRequest.count({ where: { text } });

test("a suggestion is stored with a quotable reference; the same words again fold into it with a count", async () => {
  const text = `The mayor said ${unique()} buses run at night.`;
  const first = await submit(form({ text, seenAt: "https://news.example/a", email: "Reader@Example.org" }));
  assert.equal(first.ok, true);
  assert.ok(first.ok && /^R-[0-9A-HJKMNP-TV-Z]{8}$/.test(first.reference));
  const again = await submit(form({ text: `  ${text.toUpperCase()}  ` }));
  assert.deepEqual(again, { ok: true, reference: first.ok ? first.reference : "", folded: true });
  const row = await db.readerRequest.findFirstOrThrow({ where: { text } });
  assert.equal(row.submissions, 2);
  assert.equal(row.email, "reader@example.org");
  assert.equal(await countByText(text), 1);
});

test("bots are refused before any database work: honeypot, missing or forged token, too fast, expired", async () => {
  const text = `Bot text ${unique()}`;
  const slotsBefore = await db.readerRequestSlot.count();
  assert.deepEqual(await submit(form({ text, website: "http://spam.example" })), { ok: false, reason: "honeypot" });
  assert.deepEqual(await submit({ ...form({ text }), token: "" }), { ok: false, reason: "token" });
  assert.deepEqual(await submit({ ...form({ text }), token: issueFormToken("another-secret-another-secret-0123456", now - 10_000) }), { ok: false, reason: "token" });
  assert.deepEqual(await submit({ ...form({ text }), token: issueFormToken(secret, now - (MIN_FILL_SECONDS - 1) * 1000) }), { ok: false, reason: "too_fast" });
  assert.deepEqual(await submit({ ...form({ text }), token: issueFormToken(secret, now - 25 * 3600 * 1000) }), { ok: false, reason: "expired" });
  assert.equal(await countByText(text), 0);
  assert.equal(await db.readerRequestSlot.count(), slotsBefore);
});

test("sizes, links and the e-mail are checked, and a refused request writes nothing", async () => {
  const cases: Array<Record<string, string>> = [
    { text: "" },
    { text: "x".repeat(2001) },
    { text: `Links ${unique()} http://a.example http://b.example www.c.example https://d.example` },
    { text: `Bad mail ${unique()}`, email: "not-an-address" },
    { text: `Bad page ${unique()}`, page: "https://evil.example/claims/x" },
    { text: `Hidden ${unique()} ad\u200Bmin` },
    { text: `Kind ${unique()}`, kind: "ORDER" },
  ];
  for (const fields of cases) {
    const outcome = await submit(form(fields));
    assert.equal(outcome.ok, false, JSON.stringify(fields).slice(0, 80));
    assert.equal(!outcome.ok && outcome.reason, "invalid");
    assert.equal(await countByText(fields.text!), 0);
  }
});

test("limits per address and in all hold under concurrent submissions", async () => {
  const ip = unique("burst");
  const limits = { perAddress: 3, global: 100_000, windowMinutes: 60 };
  const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => submit(form({ text: `Burst ${ip} ${i}` }), { ip, limits })));
  assert.equal(outcomes.filter((o) => o.ok).length, 3);
  assert.ok(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.reason === "address_limit"));
  // The global limit: counted over every address in the window (here a limit just above what the window holds).
  const inWindow = await db.readerRequestSlot.count({ where: { createdAt: { gte: new Date(Date.now() - 60 * 60 * 1000) } } });
  const global = { perAddress: 1000, global: inWindow + 2, windowMinutes: 60 };
  const spread = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(form({ text: `Spread ${ip} ${i}` }), { ip: `${ip}-${i}`, limits: global })));
  assert.ok(spread.filter((o) => o.ok).length <= 2);
  assert.ok(spread.some((o) => !o.ok && o.reason === "global_limit"));
});

test("a correction request from a published claim's page is tied to it; publishing an amendment answers it and marks the publication", async () => {
  const desk = await createDesk(db);
  const published = await publishThroughDesk(db, desk);
  const email = `${unique("reader")}@example.org`;
  const sent = await submit(form({ kind: "CORRECTION", text: `The count is wrong ${unique()}`, email, page: `/claims/${published.claim.slug}` }));
  assert.ok(sent.ok);
  const request = await db.readerRequest.findUniqueOrThrow({ where: { reference: sent.reference } });
  assert.equal(request.claimId, published.claim.id);
  const before = await publicOutputs(published.claim.slug, published.story.slug);
  assert.ok(!Object.values(before).some((v) => v.includes(email) || v.includes(request.text)), "reader input never reaches a public output");

  const amendment = expectOk(await correctVerdict(desk.checker.session, { verdictId: published.verdictId, amendmentKind: "CORRECTION", rating: "MOSTLY_TRUE", reasoning: "A reader spotted it.", correctionNote: "The count was corrected." }));
  expectOk(await submitVerdict(desk.checker.session, { verdictId: amendment.id }));
  expectOk(await reviewVerdict(desk.editor2.session, { verdictId: amendment.id, revision: 1, outcome: "APPROVED" }));
  const result = expectOk(await publishVerdict(desk.editor2.session, { verdictId: amendment.id }));

  const answered = await db.readerRequest.findUniqueOrThrow({ where: { id: request.id } });
  assert.equal(answered.status, "ACTED");
  assert.equal(answered.closeReason, "CORRECTED");
  assert.equal(answered.publicationId, result.publication?.id);
  assert.equal(answered.notice, getEnv().SMTP_URL ? "PENDING" : "NOT_CONFIGURED");
  const publication = await db.publication.findUniqueOrThrow({ where: { id: result.publication!.id } });
  assert.equal(publication.fromReaderRequest, true);
  const listed = (await listAmendments({ take: 100_000 })).find((a) => a.claim.slug === published.claim.slug);
  assert.equal(listed?.fromReaderRequest, true);
  const after = await publicOutputs(published.claim.slug, published.story.slug);
  assert.ok(!Object.values(after).some((v) => v.includes(email) || v.includes(request.text)));
  // Audit rows name the request, never what the reader wrote or their address.
  const audit = await db.auditLog.findMany({ where: { entityType: "reader_request", entityId: request.id }, select: { action: true, before: true, after: true } });
  assert.equal(audit.length, 1);
  assert.ok(!JSON.stringify(audit).includes(email) && !JSON.stringify(audit).includes(request.text));
  // Without SMTP_URL nothing is sent.
  if (!getEnv().SMTP_URL) assert.deepEqual(await sendPendingNotices(db), { sent: 0, failed: 0 });
});

test("an amendment with no open request is not marked; a declined request does not mark a later one", async () => {
  const desk = await createDesk(db);
  const published = await publishThroughDesk(db, desk);
  const request = await createReaderRequest(db, { kind: "CORRECTION", claimId: published.claim.id });
  expectOk(await closeReaderRequest(desk.checker.session, { id: request.id, reason: "NO_ERROR_FOUND" }));
  const amendment = expectOk(await correctVerdict(desk.checker.session, { verdictId: published.verdictId, amendmentKind: "UPDATE", rating: "TRUE", reasoning: "Restated.", correctionNote: "Restated the reasoning." }));
  expectOk(await submitVerdict(desk.checker.session, { verdictId: amendment.id }));
  expectOk(await reviewVerdict(desk.editor2.session, { verdictId: amendment.id, revision: 1, outcome: "APPROVED" }));
  const result = expectOk(await publishVerdict(desk.editor2.session, { verdictId: amendment.id }));
  assert.equal((await db.publication.findUniqueOrThrow({ where: { id: result.publication!.id } })).fromReaderRequest, false);
});

test("triage: turn a suggestion into a claim (with the duplicate check), link one to an existing claim, close with a reason", async () => {
  const desk = await createDesk(db);
  const suggestion = await createReaderRequest(db, { text: `Suggestion to check ${unique()}` });
  const created = expectOk(await createClaimAction(desk.checker.session, { text: `Suggestion to check ${unique()}`, claimant: "Mayor", kind: "EVENT", confirmDuplicate: true, readerRequestId: suggestion.id }));
  assert.equal(created.needsConfirmation, false);
  const turned = await db.readerRequest.findUniqueOrThrow({ where: { id: suggestion.id } });
  assert.equal(turned.status, "ACTED");
  assert.equal(turned.closeReason, "CLAIM_CREATED");
  assert.equal(turned.claimId, created.needsConfirmation ? null : created.id);
  // A closed request cannot be turned again: the whole claim creation rolls back.
  const twice = await createClaimAction(desk.checker.session, { text: `Other ${unique()}`, claimant: "Mayor", kind: "EVENT", confirmDuplicate: true, readerRequestId: suggestion.id });
  assert.equal(twice.ok, false);

  const claim = await db.claim.findUniqueOrThrow({ where: { id: created.needsConfirmation ? "" : created.id } });
  const another = await createReaderRequest(db);
  expectOk(await linkReaderRequest(desk.editor.session, { id: another.id, claimSlug: `https://desk.example/desk/claims/${claim.slug}` }));
  const linked = await db.readerRequest.findUniqueOrThrow({ where: { id: another.id } });
  assert.deepEqual([linked.status, linked.closeReason, linked.claimId], ["ACTED", "LINKED", claim.id]);

  const correction = await createReaderRequest(db, { kind: "CORRECTION" });
  expectOk(await linkReaderRequest(desk.editor.session, { id: correction.id, claimSlug: claim.slug }));
  assert.equal((await db.readerRequest.findUniqueOrThrow({ where: { id: correction.id } })).status, "OPEN", "a linked correction request waits for the correction");
  expectOk(await closeReaderRequest(desk.editor.session, { id: correction.id, reason: "SPAM", note: "Advertising." }));
  const closed = await db.readerRequest.findUniqueOrThrow({ where: { id: correction.id } });
  assert.deepEqual([closed.status, closed.closeReason], ["DECLINED", "SPAM"]);
  const again = await closeReaderRequest(desk.editor.session, { id: correction.id, reason: "SPAM" });
  assert.equal(!again.ok && again.code, "INVALID_STATE");
});

test("retention: e-mail addresses older than the period and day-old rate-limit rows are deleted", async () => {
  const email = `${unique("old")}@example.org`;
  const old = await createReaderRequest(db, { email });
  const recent = await createReaderRequest(db, { email: `${unique("new")}@example.org` });
  await db.readerRequest.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 91 * 24 * 3600 * 1000) } });
  await db.readerRequestSlot.create({ data: { ip: unique("old-ip"), createdAt: new Date(Date.now() - 2 * 24 * 3600 * 1000) } });
  const purged = await purgeReaderData(db, { retentionDays: 90 });
  assert.ok(purged.emails >= 1 && purged.slots >= 1);
  assert.equal((await db.readerRequest.findUniqueOrThrow({ where: { id: old.id } })).email, null);
  assert.notEqual((await db.readerRequest.findUniqueOrThrow({ where: { id: recent.id } })).email, null);
  assert.equal(await db.readerRequestSlot.count({ where: { createdAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) } } }), 0);
});

test("monthly counts cover completed months only", async () => {
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const month = lastMonth.toISOString().slice(0, 7);
  const before = (await listMonthlyReaderCounts()).find((m) => m.month === month) ?? { received: 0, declined: 0 };
  const request = await createReaderRequest(db);
  await db.readerRequest.update({ where: { id: request.id }, data: { createdAt: lastMonth, status: "DECLINED", closeReason: "SPAM", closedAt: lastMonth } });
  await createReaderRequest(db); // this month: not published yet
  const after = (await listMonthlyReaderCounts()).find((m) => m.month === month);
  assert.equal(after?.received, before.received + 1);
  assert.equal(after?.declined, before.declined + 1);
  assert.ok(!(await listMonthlyReaderCounts()).some((m) => m.month === new Date().toISOString().slice(0, 7)));
});

test("per-claim and per-story Atom feeds list each published version; unknown ones are 404", async () => {
  const desk = await createDesk(db);
  const published = await publishThroughDesk(db, desk);
  const claimFeed = await handleClaimFeed(new Request("http://localhost/feeds/claims/x"), published.claim.slug);
  assert.equal(claimFeed.status, 200);
  assert.match(claimFeed.headers.get("content-type") ?? "", /atom\+xml/);
  const xml = await claimFeed.text();
  assert.match(xml, new RegExp(`tag:claimdesk,2026:claim:${published.claim.slug}:v1`));
  assert.match(xml, /New verdict \(True\)/);
  const storyXml = await (await handleStoryFeed(new Request("http://localhost/feeds/stories/x"), published.story.slug)).text();
  assert.match(storyXml, new RegExp(`claim:${published.claim.slug}:v1`));
  assert.equal((await handleClaimFeed(new Request("http://localhost/"), "no-such-claim-here")).status, 404);
  assert.equal((await handleStoryFeed(new Request("http://localhost/"), "../../etc")).status, 404);
});

test("npm run readers:purge deletes addresses past READER_EMAIL_RETENTION_DAYS and says how many, never which", async () => {
  const email = `${unique("cli")}@example.org`;
  const request = await createReaderRequest(db, { email });
  await db.readerRequest.update({ where: { id: request.id }, data: { createdAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) } });
  const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/readers-purge.ts"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, READER_EMAIL_RETENTION_DAYS: "30" },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /E-mail addresses deleted \(older than 30 days\): [1-9]\d*\./);
  assert.ok(!run.stdout.includes(email) && !run.stderr.includes(email));
  assert.equal((await db.readerRequest.findUniqueOrThrow({ where: { id: request.id } })).email, null);
});
