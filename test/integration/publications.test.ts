import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { testDb, unique } from "../support/db";
import { getPublishedClaim, listAmendments } from "../../lib/public/ledger";
import { updateClaim, transitionClaim } from "../../lib/services/claims";
import { attachEvidence, editEvidence, removeEvidence } from "../../lib/services/evidence";
import { publishVerdict, retractClaim, reviewVerdict, withdrawVerdict } from "../../lib/services/verdict-review";
import { correctVerdict, draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { GET as claimRoute } from "../../app/api/v1/claims/[slug]/route";
import { GET as correctionsFeed } from "../../app/feeds/corrections.atom/route";
import { changedOutputs, createDesk, publicOutputs, publishThroughDesk } from "./public-outputs";
import { expectOk } from "../support/results";

// The insider sequences of issue 12: each is now refused, or waits for review and publication.

const db = await testDb();

/** The claim form's fields for an edit, from the claim's current row. */
async function editInput(claimId: string, changes: { text?: string; claimant?: string }) {
  const row = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
  return { id: row.id, version: row.version, text: changes.text ?? row.text, claimant: changes.claimant ?? row.claimant, kind: row.kind, storyId: row.storyId ?? undefined };
}

describe("desk work on a published claim is a pending amendment", () => {
  test("editing the text changes nothing public until another editor approves the update and it is published", async () => {
    const desk = await createDesk(db);
    const { claim, story, verdictId } = await publishThroughDesk(db, desk);
    const before = await publicOutputs(claim.slug, story.slug);

    // The editor rewrites the published claim's text and claimant: ok on the desk, nothing public moves.
    expectOk(await updateClaim(desk.editor.session, await editInput(claim.id, { text: "Eighteen police officers were killed", claimant: "Interior ministry" })));
    assert.deepEqual(changedOutputs(before, await publicOutputs(claim.slug, story.slug)), []);

    // The amendment: an update (the rating stands) with a public note, through review.
    const amendment = expectOk(
      await correctVerdict(desk.checker.session, { verdictId, amendmentKind: "UPDATE", rating: "TRUE", reasoning: "Two outlets report it; the ministry now gives eighteen.", correctionNote: "The ministry revised its count; the claim now quotes it." }),
    );
    expectOk(await submitVerdict(desk.checker.session, { verdictId: amendment.id }));
    // The editor who changed the published claim cannot approve the amendment (four eyes, in the database too).
    const own = await reviewVerdict(desk.editor.session, { verdictId: amendment.id, revision: 1, outcome: "APPROVED" });
    assert.ok(!own.ok && own.code === "FORBIDDEN", JSON.stringify(own));
    assert.deepEqual(changedOutputs(before, await publicOutputs(claim.slug, story.slug)), [], "approval pending: nothing public");
    expectOk(await reviewVerdict(desk.editor2.session, { verdictId: amendment.id, revision: 1, outcome: "APPROVED" }));
    assert.deepEqual(changedOutputs(before, await publicOutputs(claim.slug, story.slug)), [], "approved, not yet published: nothing public");

    const published = expectOk(await publishVerdict(desk.editor.session, { verdictId: amendment.id }));
    assert.deepEqual([published.publication?.version, published.publication?.kind], [2, "UPDATE"]);
    const after = await publicOutputs(claim.slug, story.slug);
    assert.ok(changedOutputs(before, after).includes("apiClaim"));
    const record = await getPublishedClaim(claim.slug);
    assert.equal(record?.text, "Eighteen police officers were killed");
    assert.deepEqual(record?.versions.map((v) => [v.version, v.kind, v.content.text]), [
      [1, "original", before.claimPage && JSON.parse(before.claimPage).text],
      [2, "update", "Eighteen police officers were killed"],
    ]);
    assert.equal(record?.versions[1]?.byline.approvedBy, (await db.user.findUniqueOrThrow({ where: { id: desk.editor2.id } })).name, "the approving editor is named");
    const listed = (await listAmendments({ take: 100_000 })).filter((a) => a.claim.slug === claim.slug);
    assert.deepEqual(listed.map((a) => [a.kind, a.note]), [["update", "The ministry revised its count; the claim now quotes it."]]);

    // The feeds carry the change: the claim's verdicts-feed entry keeps its id and gets a new `updated`.
    const entryId = `<id>tag:claimdesk,2026:claim:${claim.slug}</id>`;
    assert.ok(before.verdictsFeed.includes(entryId) && after.verdictsFeed.includes(entryId), "stable entry id");
    assert.ok(after.verdictsFeed.includes(`<updated>${record?.updatedAt}</updated>`) && !before.verdictsFeed.includes(`<updated>${record?.updatedAt}</updated>`));
    assert.ok(after.correctionsFeed.includes(`tag:claimdesk,2026:update:${claim.slug}:v2`), "the update is in the corrections feed");
  });

  test("removing or attaching evidence changes nothing public until a correction is approved and published", async () => {
    const desk = await createDesk(db);
    const { claim, story, verdictId, evidence } = await publishThroughDesk(db, desk);
    const before = await publicOutputs(claim.slug, story.slug);
    expectOk(await removeEvidence(desk.checker.session, { id: evidence.extra }));
    expectOk(await attachEvidence(desk.checker.session, { claimId: claim.id, url: `https://ministry.example/${unique("m")}`, outlet: "Ministry", type: "OFFICIAL", excerpt: "Eighteen officers died.", stance: "CONTRADICTS" }));
    assert.deepEqual(changedOutputs(before, await publicOutputs(claim.slug, story.slug)), []);

    // An "update" that changes the rating is refused: that is a correction.
    const wrongKind = await correctVerdict(desk.checker.session, { verdictId, amendmentKind: "UPDATE", rating: "MIXED", reasoning: "Accounts differ.", correctionNote: "The ministry contradicts the count." });
    assert.ok(!wrongKind.ok && wrongKind.fieldErrors?.amendmentKind?.length);
    const correction = expectOk(await correctVerdict(desk.checker.session, { verdictId, amendmentKind: "CORRECTION", rating: "MIXED", reasoning: "Accounts differ.", correctionNote: "The ministry contradicts the count." }));
    expectOk(await submitVerdict(desk.checker.session, { verdictId: correction.id }));
    expectOk(await reviewVerdict(desk.editor2.session, { verdictId: correction.id, revision: 1, outcome: "APPROVED" }));
    assert.deepEqual(changedOutputs(before, await publicOutputs(claim.slug, story.slug)), []);
    expectOk(await publishVerdict(desk.editor2.session, { verdictId: correction.id }));
    const record = await getPublishedClaim(claim.slug);
    assert.deepEqual(record?.versions.map((v) => v.kind), ["original", "correction"]);
    assert.deepEqual(record?.sources.map((s) => s.source.outlet).sort(), ["Ministry", "wire"]);
    assert.equal(record?.verdict.rating, "MIXED");
    const feed = await (await correctionsFeed(new Request("http://localhost:3000/feeds/corrections.atom"))).text();
    assert.ok(feed.includes(`tag:claimdesk,2026:correction:${claim.slug}:v2`), "listed in the corrections feed");
  });
});

describe("a publication is exactly what was approved", () => {
  test("changing the claim after approval sends the verdict back to review; publishing is refused", async () => {
    const desk = await createDesk(db);
    const story = await db.story.create({ data: { slug: unique("story"), title: "S" } });
    const claim = await db.claim.create({ data: { slug: unique("claim"), text: "Reviewed text", claimant: "Police", kind: "EVENT", storyId: story.id } });
    const verdict = expectOk(await draftVerdict(desk.checker.session, { claimId: claim.id, rating: "FALSE", reasoning: "No source reports it.", evidenceIds: [] }));
    expectOk(await submitVerdict(desk.checker.session, { verdictId: verdict.id }));
    expectOk(await reviewVerdict(desk.editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
    expectOk(await updateClaim(desk.checker.session, await editInput(claim.id, { text: "Text nobody reviewed" })));
    const state = await db.verdict.findUniqueOrThrow({ where: { id: verdict.id } });
    assert.deepEqual([state.state, state.revision], ["SUBMITTED", 2], "the approval no longer covers the content");
    const refused = await publishVerdict(desk.editor.session, { verdictId: verdict.id });
    assert.ok(!refused.ok && refused.code === "INVALID_STATE");
    assert.equal(await db.publication.count({ where: { claimId: claim.id } }), 0);
    assert.equal(await getPublishedClaim(claim.slug), null);
  });

  test("editing evidence after approval sends the verdict back to review; publishing is refused, the editor cannot approve the amendment", async () => {
    const desk = await createDesk(db);
    const claim = await db.claim.create({ data: { slug: unique("claim"), text: "Reviewed text", claimant: "Police", kind: "EVENT" } });
    const attached = expectOk(await attachEvidence(desk.checker.session, { claimId: claim.id, url: `https://wire.example/${unique("w")}`, outlet: "Wire", type: "WIRE", excerpt: "Twelve died.", stance: "SUPPORTS" }));
    const verdict = expectOk(await draftVerdict(desk.checker.session, { claimId: claim.id, rating: "TRUE", reasoning: "The wire reports it.", evidenceIds: [attached.id] }));
    expectOk(await submitVerdict(desk.checker.session, { verdictId: verdict.id }));
    expectOk(await reviewVerdict(desk.editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
    expectOk(await editEvidence(desk.checker2.session, { id: attached.id, revision: 1, excerpt: "Eighteen died.", stance: "CONTRADICTS" }));
    const state = await db.verdict.findUniqueOrThrow({ where: { id: verdict.id } });
    assert.deepEqual([state.state, state.revision], ["SUBMITTED", 2], "the approval no longer covers the edited evidence");
    const refused = await publishVerdict(desk.editor.session, { verdictId: verdict.id });
    assert.ok(!refused.ok && refused.code === "INVALID_STATE", JSON.stringify(refused));
    assert.equal(await db.publication.count({ where: { claimId: claim.id } }), 0);
    assert.equal(await getPublishedClaim(claim.slug), null);
  });

  test("who edited a published claim's evidence cannot approve the amendment", async () => {
    const desk = await createDesk(db);
    const { claim, story, verdictId, evidence } = await publishThroughDesk(db, desk);
    const before = await publicOutputs(claim.slug, story.slug);
    expectOk(await editEvidence(desk.editor2.session, { id: evidence.cited, revision: 1, excerpt: "wire reports eighteen.", stance: "CONTRADICTS" }));
    assert.deepEqual(changedOutputs(before, await publicOutputs(claim.slug, story.slug)), [], "a desk edit changes no public byte");
    const correction = expectOk(await correctVerdict(desk.checker.session, { verdictId, amendmentKind: "CORRECTION", rating: "MIXED", reasoning: "Accounts differ.", correctionNote: "The wire now says eighteen." }));
    expectOk(await submitVerdict(desk.checker.session, { verdictId: correction.id }));
    const fourEyes = await reviewVerdict(desk.editor2.session, { verdictId: correction.id, revision: 1, outcome: "APPROVED" });
    assert.ok(!fourEyes.ok && fourEyes.code === "FORBIDDEN", JSON.stringify(fourEyes));
    expectOk(await reviewVerdict(desk.editor.session, { verdictId: correction.id, revision: 1, outcome: "APPROVED" }));
    expectOk(await publishVerdict(desk.editor.session, { verdictId: correction.id }));
    const record = await getPublishedClaim(claim.slug);
    assert.ok(record?.sources.some((s) => s.excerpt === "wire reports eighteen."), "the edit is public once the correction is published");
  });

  test("also when the service's checks are bypassed with SQL: the database refuses", async () => {
    const desk = await createDesk(db);
    const claim = await db.claim.create({ data: { slug: unique("claim"), text: "Reviewed text", claimant: "Police", kind: "EVENT" } });
    const verdict = expectOk(await draftVerdict(desk.checker.session, { claimId: claim.id, rating: "FALSE", reasoning: "No source reports it.", evidenceIds: [] }));
    expectOk(await submitVerdict(desk.checker.session, { verdictId: verdict.id }));
    expectOk(await reviewVerdict(desk.editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
    const review = await db.reviewDecision.findFirstOrThrow({ where: { verdictId: verdict.id } });
    const [{ snapshot, digest }] = await db.$queryRaw<Array<{ snapshot: string; digest: string }>>`
      SELECT publication_content(${claim.id}::uuid, ${verdict.id}::uuid)::text AS snapshot, publication_digest(publication_content(${claim.id}::uuid, ${verdict.id}::uuid)) AS digest`.then((r) => r as [{ snapshot: string; digest: string }]);
    assert.equal(review.contentDigest, digest, "the approval recorded the digest of the content it approved");
    assert.equal(createHash("sha256").update(snapshot, "utf8").digest("hex"), digest, "the digest is sha256 of the canonical JSON text");

    // The claim's text changes behind the service's back.
    await db.$executeRaw`UPDATE claims SET text = 'Swapped after approval' WHERE id = ${claim.id}::uuid`;
    const refused = await publishVerdict(desk.editor.session, { verdictId: verdict.id });
    assert.ok(!refused.ok && refused.code === "CONFLICT", JSON.stringify(refused));
    // A hand-written publication of the swapped content, or of the approved snapshot, is refused too.
    await assert.rejects(
      db.$executeRaw`INSERT INTO publications (claim_id, verdict_id, version, kind, snapshot, digest) VALUES (${claim.id}::uuid, ${verdict.id}::uuid, 1, 'ORIGINAL', publication_content(${claim.id}::uuid, ${verdict.id}::uuid), '')`,
      /differs from the content approved/,
    );
    await assert.rejects(
      db.$executeRaw`INSERT INTO publications (claim_id, verdict_id, version, kind, snapshot, digest) VALUES (${claim.id}::uuid, ${verdict.id}::uuid, 1, 'ORIGINAL', ${snapshot}::jsonb, '')`,
      /changed after its approval/,
    );
    // Flipping the verdict to PUBLISHED by hand fails at commit: no publication.
    await assert.rejects(db.$executeRaw`UPDATE verdicts SET state = 'PUBLISHED', published_at = now() WHERE id = ${verdict.id}::uuid`, /published without a publication/);
    assert.equal(await db.publication.count({ where: { claimId: claim.id } }), 0);
  });

  test("publications cannot be updated or deleted", async () => {
    const desk = await createDesk(db);
    const { claim } = await publishThroughDesk(db, desk);
    await assert.rejects(db.$executeRaw`UPDATE publications SET note = 'rewritten' WHERE claim_id = ${claim.id}::uuid`, /append-only/);
    await assert.rejects(db.$executeRaw`DELETE FROM publications WHERE claim_id = ${claim.id}::uuid`, /append-only/);
    assert.equal(await db.publication.count({ where: { claimId: claim.id } }), 1);
  });
});

describe("retraction stays on the record", () => {
  test("the claim answers with the notice and its versions; /corrections and both feeds list it; it cannot be edited", async () => {
    const desk = await createDesk(db);
    const { claim, story, evidence } = await publishThroughDesk(db, desk);
    const note = "The statement was misattributed: the police never said it.";
    expectOk(await retractClaim(desk.editor.session, { claimId: claim.id, note }));

    const response = await claimRoute(new Request(`http://localhost:3000/api/v1/claims/${claim.slug}`), { params: Promise.resolve({ slug: claim.slug }) });
    assert.equal(response.status, 200, "not a 404");
    const { data } = (await response.json()) as { data: { status: string; retraction: { note: string; retractedAt: string }; versions: Array<{ kind: string }> } };
    assert.equal(data.status, "retracted");
    assert.equal(data.retraction.note, note);
    assert.deepEqual(data.versions.map((v) => v.kind), ["original", "retraction"]);
    const outputs = await publicOutputs(claim.slug, story.slug);
    assert.ok(outputs.corrections.includes(note), "listed in /corrections");
    assert.equal(JSON.parse(outputs.apiList).data.length, 0, "no longer in the ledger's list of standing checks");
    assert.equal(outputs.jsonLd, "null", "ClaimReview markup withdrawn");
    assert.match(outputs.export, /"status":"retracted"/);
    const corrections = await (await correctionsFeed(new Request("http://localhost:3000/feeds/corrections.atom"))).text();
    assert.ok(corrections.includes(`tag:claimdesk,2026:retraction:${claim.slug}:v2`), "in the corrections feed");
    assert.match(outputs.verdictsFeed, /Retracted: /);

    const edit = await updateClaim(desk.checker.session, await editInput(claim.id, { text: "Edited after retraction" }));
    assert.ok(!edit.ok && edit.code === "INVALID_STATE");
    const attach = await attachEvidence(desk.checker.session, { claimId: claim.id, url: `https://late.example/${unique("l")}`, outlet: "Late", type: "WIRE", excerpt: "x", stance: "SUPPORTS" });
    assert.ok(!attach.ok && attach.code === "INVALID_STATE");
    const remove = await removeEvidence(desk.checker.session, { id: evidence.extra });
    assert.ok(!remove.ok && remove.code === "INVALID_STATE");
  });
});

describe("consistent statuses", () => {
  test("a claim whose verdict is in review leaves review only by withdrawing the verdict, in one audited step", async () => {
    const desk = await createDesk(db);
    const claim = await db.claim.create({ data: { slug: unique("claim"), text: "In review", claimant: "Police", kind: "EVENT" } });
    const verdict = expectOk(await draftVerdict(desk.checker.session, { claimId: claim.id, rating: "FALSE", reasoning: "No source reports it.", evidenceIds: [] }));
    expectOk(await submitVerdict(desk.checker.session, { verdictId: verdict.id }));
    const manual = await transitionClaim(desk.checker.session, { id: claim.id, to: "RESEARCHING" });
    assert.ok(!manual.ok && manual.code === "INVALID_STATE");
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "IN_REVIEW");

    const noReason = await withdrawVerdict(desk.checker.session, { verdictId: verdict.id, reason: "" });
    assert.ok(!noReason.ok && noReason.fieldErrors?.reason?.length);
    const withdrawn = expectOk(await withdrawVerdict(desk.checker.session, { verdictId: verdict.id, reason: "A second source is coming." }));
    assert.deepEqual([withdrawn.state, withdrawn.revision], ["DRAFT", 2]);
    assert.equal((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, "RESEARCHING");
    assert.equal(await db.auditLog.count({ where: { entityId: verdict.id, action: "verdict.withdraw", actorId: desk.checker.id } }), 1);
    const again = await withdrawVerdict(desk.checker.session, { verdictId: verdict.id, reason: "Twice." });
    assert.ok(!again.ok && again.code === "INVALID_STATE");
  });
});
