import { after, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { claimReviewJson, countedThing, createClaim, createReaderRequest, createRoleSet, createStory, createSource, createUser, publishApproved, type TestUser } from "../support/factories";
import { registeredActions } from "../support/actions";
import { articleHtml, startPageServer } from "../support/page-server";

/*
 * One walk over every action defineAction() has registered: each is called once with valid input by
 * a user allowed to run it, and must leave the audit row that says what it did (action, entity type
 * and the entity it touched) by that user, written in the same transaction. A new action without a
 * scenario below fails this test until one is added.
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
async function sourceWithSnapshot() {
  const source = await createSource(db, { url: site.set(`/${unique("page")}`, { body: PAGE }) });
  const snapshot = await db.sourceSnapshot.create({
    data: { sourceId: source.id, finalUrl: source.url, status: 200, headers: {}, html: PAGE, htmlSha256: "a".repeat(64), mainText: "text", mainTextSha256: "b".repeat(64) },
  });
  return { source, snapshot };
}

const people = await createRoleSet(db);
const content = { rating: "FALSE", reasoning: "No outlet or official source reports it.", evidenceIds: [] };
const TEXT = "Almaty police said 353 police were injured and 12 were killed. The airport was cleared, officials said.";

async function claimWithVerdict(state: "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED") {
  const claim = await createClaim(db);
  const verdict = await db.verdict.create({
    data: { claimId: claim.id, rating: "FALSE", ratingValue: 1, reasoning: "r", authorId: people.factChecker.id, lastEditedById: people.factChecker.id, state: state === "DRAFT" ? "DRAFT" : "SUBMITTED", submittedAt: new Date() },
  });
  if (state === "APPROVED" || state === "PUBLISHED") {
    await db.reviewDecision.create({ data: { verdictId: verdict.id, reviewerId: people.editor.id, outcome: "APPROVED", verdictRevision: 1 } });
    await db.verdict.update({ where: { id: verdict.id }, data: { state: "APPROVED" } });
  }
  if (state === "PUBLISHED") await publishApproved(db, { claimId: claim.id, verdictId: verdict.id, publishedById: people.editor.id });
  return { claim, verdict };
}

/**
 * The audit row an action must leave. `entityId` names the entity it touched; without it the row must
 * be about the entity the action returned (its result's `id`).
 */
type Audit = { action: string; entityType: string; entityId?: string };
type Scenario = () => Promise<{ as: TestUser; input: Record<string, unknown>; audit: Audit }>;
const scenarios: Record<string, Scenario> = {
  createClaim: async () => ({
    as: people.factChecker,
    input: { text: `Walk ${unique()}`, claimant: "Someone", kind: "EVENT", confirmDuplicate: true },
    audit: { action: "claim.create", entityType: "claim" },
  }),
  updateClaim: async () => {
    const claim = await createClaim(db);
    return {
      as: people.factChecker,
      input: { id: claim.id, version: 1, text: "Changed text", claimant: "Changed", kind: "EVENT" },
      audit: { action: "claim.update", entityType: "claim", entityId: claim.id },
    };
  },
  transitionClaim: async () => {
    const claim = await createClaim(db);
    return { as: people.factChecker, input: { id: claim.id, to: "RESEARCHING" }, audit: { action: "claim.transition", entityType: "claim", entityId: claim.id } };
  },
  assignClaim: async () => {
    const claim = await createClaim(db);
    return { as: people.editor, input: { id: claim.id, assigneeId: people.factChecker.id }, audit: { action: "claim.assign", entityType: "claim", entityId: claim.id } };
  },
  attachEvidence: async () => ({
    as: people.factChecker,
    input: { claimId: (await createClaim(db)).id, url: `https://walk.example/${unique()}`, outlet: "Outlet", type: "WIRE", excerpt: "Text", stance: "SUPPORTS" },
    audit: { action: "evidence.create", entityType: "evidence" },
  }),
  removeEvidence: async () => {
    const claim = await createClaim(db);
    const source = await createSource(db);
    const evidence = await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "x" } });
    return { as: people.factChecker, input: { id: evidence.id }, audit: { action: "evidence.delete", entityType: "evidence", entityId: evidence.id } };
  },
  editEvidence: async () => {
    const claim = await createClaim(db);
    const source = await createSource(db);
    const evidence = await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "x" } });
    return {
      as: people.factChecker,
      input: { id: evidence.id, revision: 1, excerpt: "Edited", stance: "CONTEXT" },
      audit: { action: "evidence.update", entityType: "evidence", entityId: evidence.id },
    };
  },
  importDocumentFromUrl: async () => ({
    as: people.factChecker,
    input: { url: site.set(`/${unique("article")}`, { body: PAGE }), outlet: "Wire" },
    audit: { action: "document.import", entityType: "document" },
  }),
  snapshotEvidenceSource: async () => {
    const { source } = await sourceWithSnapshot();
    const claim = await createClaim(db);
    const evidence = await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "353 police were injured" } });
    return { as: people.factChecker, input: { evidenceId: evidence.id }, audit: { action: "source.snapshot", entityType: "source", entityId: source.id } };
  },
  confirmSourceAlert: async () => {
    const { source, snapshot } = await sourceWithSnapshot();
    const alert = await db.sourceAlert.create({ data: { sourceId: source.id, kind: "GONE", status: 410, beforeSnapshotId: snapshot.id } });
    return { as: people.editor, input: { alertId: alert.id }, audit: { action: "source.alert_confirm", entityType: "source", entityId: source.id } };
  },
  importDocument: async () => ({ as: people.factChecker, input: { title: unique("doc"), outlet: "Wire", text: TEXT }, audit: { action: "document.import", entityType: "document" } }),
  createClaimsFromCandidates: async () => {
    const doc = await db.document.create({ data: { title: unique("doc"), outlet: "Wire", text: TEXT } });
    const sentence = "Almaty police said 353 police were injured and 12 were killed.";
    return {
      as: people.factChecker,
      input: { documentId: doc.id, claims: [{ sentenceStart: 0, sentence, text: sentence, claimant: "Almaty police", kind: "NUMERIC" }], confirmDuplicate: true },
      audit: { action: "claim.create", entityType: "claim" },
    };
  },
  createUser: async () => ({
    as: people.admin,
    input: { email: `${unique("walk")}@claimdesk.test`, name: "New Person", role: "EDITOR" },
    audit: { action: "user.create", entityType: "user" },
  }),
  changeUserRole: async () => {
    const user = await createUser(db, "EDITOR");
    return { as: people.admin, input: { userId: user.id, role: "FACT_CHECKER" }, audit: { action: "user.role_change", entityType: "user", entityId: user.id } };
  },
  setUserDisabled: async () => {
    const user = await createUser(db, "FACT_CHECKER");
    return { as: people.admin, input: { userId: user.id, disabled: true }, audit: { action: "user.disable", entityType: "user", entityId: user.id } };
  },
  createPasswordLink: async () => {
    const user = await createUser(db, "FACT_CHECKER");
    return { as: people.admin, input: { userId: user.id }, audit: { action: "user.password_link", entityType: "user", entityId: user.id } };
  },
  draftVerdict: async () => ({ as: people.factChecker, input: { claimId: (await createClaim(db)).id, ...content }, audit: { action: "verdict.draft", entityType: "verdict" } }),
  editVerdict: async () => {
    const { verdict } = await claimWithVerdict("DRAFT");
    return {
      as: people.factChecker,
      input: { verdictId: verdict.id, revision: 1, ...content, reasoning: "Tightened." },
      audit: { action: "verdict.edit", entityType: "verdict", entityId: verdict.id },
    };
  },
  submitVerdict: async () => {
    const { verdict } = await claimWithVerdict("DRAFT");
    return { as: people.factChecker, input: { verdictId: verdict.id }, audit: { action: "verdict.submit", entityType: "verdict", entityId: verdict.id } };
  },
  reviewVerdict: async () => {
    const { verdict } = await claimWithVerdict("SUBMITTED");
    return { as: people.editor, input: { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }, audit: { action: "verdict.approve", entityType: "verdict", entityId: verdict.id } };
  },
  publishVerdict: async () => {
    const { verdict } = await claimWithVerdict("APPROVED");
    return { as: people.editor, input: { verdictId: verdict.id }, audit: { action: "verdict.publish", entityType: "verdict", entityId: verdict.id } };
  },
  correctVerdict: async () => ({
    as: people.factChecker,
    input: { verdictId: (await claimWithVerdict("PUBLISHED")).verdict.id, ...content, rating: "MOSTLY_FALSE", correctionNote: "A second source changes the count." },
    audit: { action: "verdict.correct", entityType: "verdict" },
  }),
  importClaimReviews: async () => ({
    as: people.factChecker,
    input: {
      text: claimReviewJson(),
    },
    audit: { action: "claim.import_review", entityType: "claim" },
  }),
  createCountedThing: async () => ({
    as: people.factChecker,
    input: { storyId: (await createStory(db)).id, label: "detained", unit: "people", cumulative: true, synonyms: "arrested" },
    audit: { action: "counted_thing.create", entityType: "counted_thing" },
  }),
  updateCountedThing: async () => {
    const thing = await countedThing(db, { storyId: (await createStory(db)).id, label: "detained" });
    return {
      as: people.editor,
      input: { id: thing.id, label: "people detained", unit: "people", cumulative: true, synonyms: "arrested" },
      audit: { action: "counted_thing.update", entityType: "counted_thing", entityId: thing.id },
    };
  },
  mergeCountedThings: async () => {
    const story = await createStory(db);
    const [from, into] = [await countedThing(db, { storyId: story.id, label: "people killed" }), await countedThing(db, { storyId: story.id, label: "deaths" })];
    return { as: people.editor, input: { id: from.id, intoId: into.id }, audit: { action: "counted_thing.merge", entityType: "counted_thing", entityId: into.id } };
  },
  updateClaimant: async () => {
    const claimant = await db.claimant.create({ data: { name: unique("Claimant") } });
    return {
      as: people.editor,
      input: { id: claimant.id, name: claimant.name, type: "PERSON", sameAs: "https://example.org/claimant", aliases: "Tokaev" + claimant.id.slice(0, 8) },
      audit: { action: "claimant.update", entityType: "claimant", entityId: claimant.id },
    };
  },
  withdrawVerdict: async () => {
    const { verdict } = await claimWithVerdict("SUBMITTED");
    return { as: people.factChecker, input: { verdictId: verdict.id, reason: "Needs another source first." }, audit: { action: "verdict.withdraw", entityType: "verdict", entityId: verdict.id } };
  },
  assignReaderRequest: async () => {
    const request = await createReaderRequest(db);
    return { as: people.factChecker, input: { id: request.id, assigneeId: people.factChecker.id }, audit: { action: "reader_request.assign", entityType: "reader_request", entityId: request.id } };
  },
  linkReaderRequest: async () => {
    const [request, claim] = await Promise.all([createReaderRequest(db), createClaim(db)]);
    return { as: people.factChecker, input: { id: request.id, claimSlug: claim.slug }, audit: { action: "reader_request.link", entityType: "reader_request", entityId: request.id } };
  },
  closeReaderRequest: async () => {
    const request = await createReaderRequest(db, { kind: "CORRECTION" });
    return { as: people.factChecker, input: { id: request.id, reason: "NO_ERROR_FOUND" }, audit: { action: "reader_request.close", entityType: "reader_request", entityId: request.id } };
  },
  retractClaim: async () => {
    const { claim } = await claimWithVerdict("PUBLISHED");
    return { as: people.editor, input: { claimId: claim.id, note: "Retracted: the claim was misattributed." }, audit: { action: "claim.retract", entityType: "claim", entityId: claim.id } };
  },
  addComment: async () => ({
    as: people.factChecker,
    input: { claimId: (await createClaim(db)).id, body: "Can someone find the decree?" },
    audit: { action: "comment.create", entityType: "comment" },
  }),
  markNotificationsRead: async () => ({ as: people.factChecker, input: { all: true }, audit: { action: "notification.read_all", entityType: "user", entityId: people.factChecker.id } }),
  bulkUpdateClaims: async () => {
    const claim = await createClaim(db);
    return { as: people.factChecker, input: { ids: [claim.id], operation: "assign", assigneeId: people.factChecker.id }, audit: { action: "claim.assign", entityType: "claim", entityId: claim.id } };
  },
  createStory: async () => ({ as: people.editor, input: { title: `Walk story ${unique()}` }, audit: { action: "story.create", entityType: "story" } }),
  updateStory: async () => {
    const story = await createStory(db);
    return { as: people.editor, input: { id: story.id, title: "Renamed" }, audit: { action: "story.update", entityType: "story", entityId: story.id } };
  },
  archiveStory: async () => {
    const story = await createStory(db);
    return { as: people.editor, input: { id: story.id, archived: true }, audit: { action: "story.archive", entityType: "story", entityId: story.id } };
  },
};

test("the walk finds every action", () => {
  assert.ok(actions.size >= 20, `found ${actions.size} actions`);
  const missing = [...actions.keys()].filter((name) => !scenarios[name]);
  assert.deepEqual(missing, [], "every action needs a scenario in this test");
});

for (const name of Object.keys(scenarios)) {
  test(`${name} writes an audit row by its actor`, async () => {
    const action = actions.get(name);
    assert.ok(action, `${name} is a registered action`);
    const { as, input, audit } = await scenarios[name]!();
    const [{ max }] = await db.$queryRaw<Array<{ max: bigint | null }>>`SELECT max(id) AS max FROM audit_log`.then((r) => r as [{ max: bigint | null }]);
    const result = await action(as.session, input);
    assert.equal(result.ok, true, `${name}: ${JSON.stringify(result)}`);
    const returned = (result.data as { id?: unknown } | undefined)?.id;
    const entityId = audit.entityId ?? (typeof returned === "string" ? returned : undefined);
    const rows = await db.auditLog.findMany({ where: { id: { gt: max ?? 0n }, actorId: as.id }, select: { action: true, entityType: true, entityId: true } });
    const matching = rows.filter((r) => r.action === audit.action && r.entityType === audit.entityType && (entityId === undefined || r.entityId === entityId));
    assert.equal(matching.length, 1, `${name} leaves one ${audit.action} row for ${audit.entityType} ${entityId ?? "(any)"} by its actor; found ${JSON.stringify(rows)}`);
  });
}
