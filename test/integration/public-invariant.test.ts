import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { Role } from "../../lib/generated/prisma/enums";
import { correctVerdict, submitVerdict } from "../../lib/services/verdicts";
import { reviewVerdict } from "../../lib/services/verdict-review";
import { testDb, unique } from "../support/db";
import { claimReviewJson, countedThing, createReaderRequest } from "../support/factories";
import { changedOutputs, createDesk, publicOutputs, publishThroughDesk, type Desk } from "./public-outputs";
import { expectOk } from "../support/results";
import { registeredActions } from "../support/actions";
import { articleHtml, startPageServer } from "../support/page-server";

/*
 * The public-output invariant: for every action defineAction() registers, run as each desk role on
 * a published claim, every public output for that claim (claim, story and /corrections page data,
 * API, both feeds' entries, export line, JSON-LD) is fingerprinted before and after. Only the
 * publish and retract actions may change a public byte, and each change comes with a new
 * publication row. A new action without a scenario below fails the walk.
 */
const db = await testDb();
const actions = await registeredActions();
// The actions that fetch a page read it from 127.0.0.1 through the test-only allowance.
process.env.CLAIMDESK_FETCH_ALLOW_LOOPBACK = "1";
const site = await startPageServer();
after(() => site.close());
const PAGE = articleHtml("Statement", [
  "Almaty police said 353 police were injured and 12 were killed in the clashes across the city on Wednesday night.",
  "The airport was cleared of protesters by Thursday morning, officials said in a statement to the press.",
]);

const MAY_CHANGE_PUBLIC = new Set(["publishVerdict", "retractClaim"]);
// An editor's confirmation that a cited page changed after it was cited adds that one sentence to
// the published page without a new version (issue 20): editors and admins only, always audited.
const MAY_ANNOTATE_PUBLIC = new Map([["confirmSourceAlert", "source.alert_confirm"]]);
const TEXT = "Almaty police said 353 police were injured and 12 were killed. The airport was cleared, officials said.";

type Published = Awaited<ReturnType<typeof publishThroughDesk>>;
type Context = { desk: Desk; published: Published };

/** A submitted amendment of the published claim, by the checker who published it. */
async function submittedAmendment({ desk, published }: Context, approvedBy?: "editor") {
  const amendment = expectOk(
    await correctVerdict(desk.checker.session, { verdictId: published.verdictId, amendmentKind: "UPDATE", rating: "TRUE", reasoning: "Restated.", correctionNote: "Restated the reasoning." }),
  );
  expectOk(await submitVerdict(desk.checker.session, { verdictId: amendment.id }));
  if (approvedBy) expectOk(await reviewVerdict(desk[approvedBy].session, { verdictId: amendment.id, revision: 1, outcome: "APPROVED" }));
  return amendment.id;
}

const scenarios: Record<string, (ctx: Context) => Promise<Record<string, unknown>>> = {
  createClaim: async () => ({ text: `Unrelated ${unique()}`, claimant: "Someone", kind: "EVENT", confirmDuplicate: true }),
  updateClaim: async ({ published }) => {
    const row = await db.claim.findUniqueOrThrow({ where: { id: published.claim.id } });
    return { id: row.id, version: row.version, text: "Rewritten after publication", claimant: "Someone else", kind: row.kind, storyId: row.storyId ?? undefined };
  },
  transitionClaim: async ({ published }) => ({ id: published.claim.id, to: "RESEARCHING" }),
  assignClaim: async ({ desk, published }) => ({ id: published.claim.id, assigneeId: desk.checker2.id }),
  attachEvidence: async ({ published }) => ({ claimId: published.claim.id, url: `https://late.example/${unique()}`, outlet: "Late", type: "WIRE", excerpt: "Later report.", stance: "CONTRADICTS" }),
  removeEvidence: async ({ published }) => ({ id: published.evidence.extra }),
  // The evidence the published verdict relies on, reworded and turned around: a pending amendment only.
  editEvidence: async ({ published }) => ({ id: published.evidence.cited, revision: 1, excerpt: "Reworded after publication.", stance: "CONTRADICTS", attribution: "Someone else" }),
  importDocumentFromUrl: async ({ published }) => ({ url: site.set(`/${unique("article")}`, { body: PAGE }), storyId: published.story.id }),
  // A fresh copy of a cited page is desk material: readers never see a snapshot.
  snapshotEvidenceSource: async ({ published }) => {
    const evidence = await db.evidence.findUniqueOrThrow({ where: { id: published.evidence.cited }, select: { sourceId: true } });
    await db.source.update({ where: { id: evidence.sourceId }, data: { url: site.set(`/${unique("page")}`, { body: PAGE }) } });
    return { evidenceId: published.evidence.cited };
  },
  confirmSourceAlert: async ({ published }) => {
    const { sourceId } = await db.evidence.findUniqueOrThrow({ where: { id: published.evidence.cited }, select: { sourceId: true } });
    const snapshot = await db.sourceSnapshot.create({
      data: { sourceId, finalUrl: "https://example.org/kept", status: 200, headers: {}, html: PAGE, htmlSha256: "a".repeat(64), mainText: "text", mainTextSha256: "b".repeat(64) },
    });
    return { alertId: (await db.sourceAlert.create({ data: { sourceId, kind: "GONE", status: 410, beforeSnapshotId: snapshot.id } })).id };
  },
  importDocument: async ({ published }) => ({ title: unique("doc"), outlet: "Wire", text: TEXT, storyId: published.story.id }),
  createClaimsFromCandidates: async ({ published }) => {
    const doc = await db.document.create({ data: { title: unique("doc"), outlet: "Wire", text: TEXT, storyId: published.story.id } });
    const sentence = "Almaty police said 353 police were injured and 12 were killed.";
    return { documentId: doc.id, claims: [{ sentenceStart: 0, sentence, text: sentence, claimant: "Almaty police", kind: "NUMERIC" }], confirmDuplicate: true };
  },
  // The user actions target the checker named in the published byline.
  createUser: async () => ({ email: `${unique("walk")}@claimdesk.test`, name: "New Person", role: "EDITOR" }),
  changeUserRole: async ({ desk }) => ({ userId: desk.checker.id, role: "EDITOR" }),
  setUserDisabled: async ({ desk }) => ({ userId: desk.checker.id, disabled: true }),
  createPasswordLink: async ({ desk }) => ({ userId: desk.checker.id }),
  draftVerdict: async ({ published }) => ({ claimId: published.claim.id, rating: "FALSE", reasoning: "Another view.", evidenceIds: [] }),
  editVerdict: async ({ published }) => ({ verdictId: published.verdictId, revision: 1, rating: "FALSE", reasoning: "Edited in place.", evidenceIds: [] }),
  submitVerdict: async ({ published }) => ({ verdictId: published.verdictId }),
  reviewVerdict: async (ctx) => ({ verdictId: await submittedAmendment(ctx), revision: 1, outcome: "APPROVED" }),
  publishVerdict: async (ctx) => ({ verdictId: await submittedAmendment(ctx, "editor") }),
  correctVerdict: async ({ published }) => ({ verdictId: published.verdictId, amendmentKind: "CORRECTION", rating: "FALSE", reasoning: "Changed.", correctionNote: "A second source changes the count." }),
  importClaimReviews: async () => ({
    text: claimReviewJson(),
  }),
  // A vocabulary edit reaches readers only with a new publication of a claim using it.
  createCountedThing: async ({ published }) => ({ storyId: published.story.id, label: "attackers killed", unit: "people", cumulative: true, synonyms: "" }),
  updateCountedThing: async ({ published }) => ({ id: published.countedThingId, label: "officers killed in action", unit: "officers", cumulative: false, synonyms: "police deaths" }),
  mergeCountedThings: async ({ published }) => ({ id: published.countedThingId, intoId: (await countedThing(db, { storyId: published.story.id, label: "deaths" })).id }),
  // A claimant edit reaches readers only with a new publication of a claim naming it.
  updateClaimant: async ({ published }) => ({
    id: (await db.claim.findUniqueOrThrow({ where: { id: published.claim.id }, select: { claimantId: true } })).claimantId,
    name: `Renamed ${published.claim.id.slice(0, 8)}`,
    type: "ORGANISATION",
    sameAs: "https://example.org/claimant",
    aliases: "",
  }),
  // Triage of a correction request on the published claim: the desk's business only.
  assignReaderRequest: async ({ desk, published }) => ({ id: (await createReaderRequest(db, { kind: "CORRECTION", claimId: published.claim.id })).id, assigneeId: desk.checker2.id }),
  linkReaderRequest: async ({ published }) => ({ id: (await createReaderRequest(db, { kind: "CORRECTION" })).id, claimSlug: published.claim.slug }),
  closeReaderRequest: async ({ published }) => ({ id: (await createReaderRequest(db, { kind: "CORRECTION", claimId: published.claim.id })).id, reason: "NO_ERROR_FOUND" }),
  retractClaim: async ({ published }) => ({ claimId: published.claim.id, note: "Retracted: the claim was misattributed." }),
  withdrawVerdict: async (ctx) => ({ verdictId: await submittedAmendment(ctx), reason: "Needs another source." }),
  // The desk's conversation and notifications are never public.
  addComment: async ({ desk, published }) => ({ claimId: published.claim.id, body: `@${desk.checker.email.split("@")[0]} the published claim needs another look.` }),
  markNotificationsRead: async () => ({ all: true }),
  bulkUpdateClaims: async ({ desk, published }) => ({ ids: [published.claim.id], operation: "assign", assigneeId: desk.checker2.id }),
  // A story's public header is read from its claims' publications: desk edits wait for the next one.
  createStory: async () => ({ title: `Unrelated story ${unique()}` }),
  updateStory: async ({ published }) => ({ id: published.story.id, title: "Renamed in the desk", summary: "A new summary nobody approved.", startsOn: "2020-01-01" }),
  archiveStory: async ({ published }) => ({ id: published.story.id, archived: true }),
};

test("every registered action has a public-output scenario", () => {
  assert.ok(actions.size >= 20, `found ${actions.size} actions`);
  assert.deepEqual([...actions.keys()].filter((name) => !scenarios[name]), [], "every action needs a scenario in this test");
});

const ROLES: Role[] = ["FACT_CHECKER", "EDITOR", "ADMIN"];
const actorFor = (desk: Desk, role: Role) => (role === "FACT_CHECKER" ? desk.checker2 : role === "EDITOR" ? desk.editor2 : desk.admin);

for (const name of Object.keys(scenarios)) {
  test(`${name}: public outputs move only through a publication`, async () => {
    const action = actions.get(name);
    assert.ok(action, `${name} is a registered action`);
    const changedBy: Role[] = [];
    for (const role of ROLES) {
      const desk = await createDesk(db);
      const published = await publishThroughDesk(db, desk);
      const input = await scenarios[name]!({ desk, published });
      const slug = published.claim.slug;
      const before = await publicOutputs(slug, published.story.slug);
      const publications = await db.publication.count({ where: { claimId: published.claim.id } });
      const result = await action(actorFor(desk, role).session, input);
      const changed = changedOutputs(before, await publicOutputs(slug, published.story.slug));
      if (changed.length === 0) continue;
      changedBy.push(role);
      const annotation = MAY_ANNOTATE_PUBLIC.get(name);
      if (annotation) {
        assert.ok(result.ok, `${name} as ${role} changed public output but failed`);
        assert.equal(await db.auditLog.count({ where: { action: annotation, actorId: actorFor(desk, role).id } }), 1, `${name} as ${role} is audited`);
        continue;
      }
      assert.ok(MAY_CHANGE_PUBLIC.has(name), `${name} as ${role} changed public output without publishing: ${changed.join(", ")}`);
      assert.ok(result.ok, `${name} as ${role} changed public output but failed`);
      assert.equal(await db.publication.count({ where: { claimId: published.claim.id } }), publications + 1, `${name} as ${role}: the change has a publication row`);
    }
    // The fingerprint can see a change: publishing and retracting do change what editors may publish.
    if (MAY_CHANGE_PUBLIC.has(name) || MAY_ANNOTATE_PUBLIC.has(name)) assert.deepEqual(changedBy, ["EDITOR", "ADMIN"], `${name} changes public output for editors and admins only`);
  });
}
