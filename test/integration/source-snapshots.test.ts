import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim, createUser } from "../support/factories";
import { articleHtml, startPageServer } from "../support/page-server";
import { attachEvidence } from "../../lib/services/evidence";
import { confirmSourceAlert, snapshotEvidenceSource } from "../../lib/services/source-snapshots";
import { recheckSources } from "../../lib/services/source-recheck";
import { expectOk } from "../support/results";

// Pages come from a server on 127.0.0.1 through the test-only allowance (lib/fetcher/allowance.ts).
process.env.CLAIMDESK_FETCH_ALLOW_LOOPBACK = "1";
const db = await testDb();
let site: Awaited<ReturnType<typeof startPageServer>>;
before(async () => {
  site = await startPageServer();
});
after(() => site.close());

const PARAGRAPHS = [
  "The ministry said on Thursday that 4,266 people had been detained across the country since the unrest began.",
  "Officials added that order had been restored in all regions and that the state of emergency would remain in force.",
  "The figures will be updated after the investigation, the ministry’s press service said in its statement.",
];

async function attach(options: { url: string; excerpt: string; keepSnapshot?: boolean; extra?: Record<string, unknown> }) {
  const user = await createUser(db, "FACT_CHECKER");
  const claim = await createClaim(db, { createdById: user.id });
  const data = expectOk(
    await attachEvidence(user.session, {
      claimId: claim.id,
      url: options.url,
      outlet: "Ministry",
      type: "OFFICIAL",
      excerpt: options.excerpt,
      stance: "SUPPORTS",
      keepSnapshot: options.keepSnapshot ?? true ? "on" : "",
      ...options.extra,
    }),
  );
  return { user, claim, data };
}

describe("a snapshot at citation", () => {
  test("keeps the final URL, status, headers, HTML, main text, their digests and the time, and finds the excerpt despite quotes and spacing", async () => {
    const path = `/${unique("statement")}`;
    site.set(`${path}-old`, { status: 301, location: path });
    site.set(path, { body: articleHtml("Statement", PARAGRAPHS) });
    const started = Date.now();
    const { data } = await attach({ url: `${site.origin}${path}-old`, excerpt: "the ministry's press  service said in its statement" });
    assert.ok(data.snapshot && "snapshotId" in data.snapshot, JSON.stringify(data.snapshot));
    assert.equal(data.snapshot.excerptCheck, "FOUND");
    const snapshot = await db.sourceSnapshot.findUniqueOrThrow({ where: { id: data.snapshot.snapshotId } });
    assert.equal(snapshot.finalUrl, `${site.origin}${path}`);
    assert.equal(snapshot.status, 200);
    assert.equal((snapshot.headers as Record<string, string>)["content-type"], "text/html; charset=utf-8");
    assert.match(snapshot.html, /<nav>/);
    assert.match(snapshot.htmlSha256, /^[0-9a-f]{64}$/);
    assert.match(snapshot.mainText, /4,266 people had been detained/);
    assert.doesNotMatch(snapshot.mainText, /All rights reserved|Home/);
    assert.notEqual(snapshot.mainTextSha256, snapshot.htmlSha256);
    assert.ok(snapshot.fetchedAt.getTime() >= started - 1000);
    const evidence = await db.evidence.findUniqueOrThrow({ where: { id: data.id } });
    assert.equal(evidence.checkedSnapshotId, snapshot.id);
    assert.equal(await db.auditLog.count({ where: { action: "source.snapshot", entityId: data.sourceId } }), 1);
  });

  test("an excerpt that is not on the page is marked not found", async () => {
    const url = site.set(`/${unique("statement")}`, { body: articleHtml("Statement", PARAGRAPHS) });
    const { data } = await attach({ url, excerpt: "5,000 people had been detained" });
    assert.ok(data.snapshot && "excerptCheck" in data.snapshot);
    assert.equal(data.snapshot.excerptCheck, "NOT_FOUND");
  });

  test("a refused address still attaches the source, keeps no copy and says why", async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_LOOPBACK = "0";
    try {
      const url = site.set(`/${unique("statement")}`, { body: articleHtml("Statement", PARAGRAPHS) });
      const { data } = await attach({ url, excerpt: "4,266 people" });
      assert.ok(data.snapshot && "refused" in data.snapshot);
      assert.match(data.snapshot.refused, /loopback address/);
      assert.equal(await db.sourceSnapshot.count({ where: { sourceId: data.sourceId } }), 0);
      assert.equal((await db.evidence.findUniqueOrThrow({ where: { id: data.id } })).excerptCheck, null);
    } finally {
      process.env.CLAIMDESK_FETCH_ALLOW_LOOPBACK = "1";
    }
  });

  test("without keepSnapshot nothing is fetched", async () => {
    const url = site.set(`/${unique("statement")}`, { body: articleHtml("Statement", PARAGRAPHS) });
    const { data } = await attach({ url, excerpt: "4,266 people", keepSnapshot: false });
    assert.equal(data.snapshot, null);
    assert.equal(await db.sourceSnapshot.count({ where: { sourceId: data.sourceId } }), 0);
  });

  test("a copy can be taken on demand later", async () => {
    const url = site.set(`/${unique("statement")}`, { body: articleHtml("Statement", PARAGRAPHS) });
    const { user, data } = await attach({ url, excerpt: "4,266 people", keepSnapshot: false });
    const taken = expectOk(await snapshotEvidenceSource(user.session, { evidenceId: data.id }));
    assert.equal(taken.excerptCheck, "FOUND");
    assert.equal(await db.sourceSnapshot.count({ where: { sourceId: data.sourceId } }), 1);
  });
});

describe("npm run sources:recheck", () => {
  test("a changed page gets a new snapshot and a CHANGED alert naming the people on the claim; a vanished one a GONE alert, once", async () => {
    const path = `/${unique("statement")}`;
    const url = site.set(path, { body: articleHtml("Statement", PARAGRAPHS) });
    const { user, claim, data } = await attach({ url, excerpt: "4,266 people" });
    const mine = async () => (await recheckSources(db)).filter((r) => r.sourceId === data.sourceId);

    assert.deepEqual((await mine()).map((r) => r.outcome), ["unchanged"]);

    site.set(path, { body: articleHtml("Statement", [PARAGRAPHS[0]!.replace("4,266", "3,000"), ...PARAGRAPHS.slice(1)]) });
    const [changed] = await mine();
    assert.equal(changed?.outcome, "changed");
    assert.deepEqual(changed?.notified, [user.id]);
    const told = async () =>
      (await db.notification.findMany({ where: { claimId: claim.id }, orderBy: { createdAt: "asc" }, select: { kind: true, recipientId: true, actorId: true } })).map((n) => [n.kind, n.recipientId, n.actorId]);
    assert.deepEqual(await told(), [["SOURCE_CHANGED", user.id, null]]);
    const alert = await db.sourceAlert.findFirstOrThrow({ where: { sourceId: data.sourceId }, include: { before: true, after: true } });
    assert.equal(alert.kind, "CHANGED");
    assert.match(alert.before.mainText, /4,266/);
    assert.match(alert.after?.mainText ?? "", /3,000/);
    assert.equal(alert.confirmedAt, null);
    assert.deepEqual((await mine()).map((r) => r.outcome), ["unchanged"], "the new snapshot is the new baseline");

    site.set(path, { status: 410, body: "gone" });
    assert.deepEqual((await mine()).map((r) => r.outcome), ["gone"]);
    assert.deepEqual((await mine()).map((r) => r.detail), ["already reported"]);
    assert.deepEqual(await told(), [["SOURCE_CHANGED", user.id, null], ["SOURCE_GONE", user.id, null]], "told once of each alert");
    assert.deepEqual(
      (await db.sourceAlert.findMany({ where: { sourceId: data.sourceId }, orderBy: { detectedAt: "asc" } })).map((a) => [a.kind, a.status]),
      [["CHANGED", 200], ["GONE", 410]],
    );

    site.set(path, { status: 503, body: "busy" });
    assert.deepEqual((await mine()).map((r) => [r.outcome, r.detail]), [["failed", "HTTP 503"]]);
  });

  test("only an editor confirms an alert, once, and it is audited", async () => {
    const path = `/${unique("statement")}`;
    const url = site.set(path, { body: articleHtml("Statement", PARAGRAPHS) });
    const { user, data } = await attach({ url, excerpt: "4,266 people" });
    site.set(path, { body: articleHtml("Statement", PARAGRAPHS.slice(1)) });
    await recheckSources(db);
    const alert = await db.sourceAlert.findFirstOrThrow({ where: { sourceId: data.sourceId } });
    const refused = await confirmSourceAlert(user.session, { alertId: alert.id });
    assert.equal(refused.ok, false);
    const editor = await createUser(db, "EDITOR");
    expectOk(await confirmSourceAlert(editor.session, { alertId: alert.id }));
    const again = await confirmSourceAlert(editor.session, { alertId: alert.id });
    assert.ok(!again.ok && again.code === "CONFLICT");
    const stored = await db.sourceAlert.findUniqueOrThrow({ where: { id: alert.id } });
    assert.equal(stored.confirmedById, editor.id);
    assert.equal(await db.auditLog.count({ where: { action: "source.alert_confirm", actorId: editor.id } }), 1);
  });
});

describe("excerpts in another language", () => {
  test("the original and the fact-checker's translation are stored with who translated, and search reaches both", async () => {
    const url = site.set(`/${unique("akorda")}`, { body: articleHtml("Заявление", ["Число задержанных превысило четыре тысячи человек, сообщило министерство."]) });
    const word = unique("z");
    const { user, data } = await attach({
      url,
      excerpt: "Число задержанных превысило четыре тысячи человек",
      extra: { language: "ru", translation: `The number of detainees exceeded four thousand people (${word}).` },
    });
    assert.ok(data.snapshot && "excerptCheck" in data.snapshot && data.snapshot.excerptCheck === "FOUND");
    const evidence = await db.evidence.findUniqueOrThrow({ where: { id: data.id } });
    assert.equal(evidence.excerptLanguage, "ru");
    assert.equal(evidence.translatedById, user.id);
    const match = (config: string, query: string) =>
      db.$queryRawUnsafe<Array<{ id: string }>>(
        `SELECT id::text FROM evidence WHERE id = $1::uuid AND evidence_search_document(excerpt, excerpt_language, translation) @@ websearch_to_tsquery($2::regconfig, $3)`,
        data.id,
        config,
        query,
      );
    assert.equal((await match("russian", "задержанные")).length, 1, "another form of the Russian word");
    assert.equal((await match("english", `detainees ${word}`)).length, 1, "the translation");
    assert.equal((await match("russian", "арестованные")).length, 0);
  });

  test("an English excerpt with a translation is refused at the field", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await createClaim(db);
    const result = await attachEvidence(user.session, {
      claimId: claim.id, url: `https://example.org/${unique("x")}`, outlet: "X", type: "NEWS_OUTLET", excerpt: "Words.", stance: "SUPPORTS", translation: "Words.",
    });
    assert.ok(!result.ok && result.fieldErrors?.translation?.[0]?.includes("English"));
  });
});
