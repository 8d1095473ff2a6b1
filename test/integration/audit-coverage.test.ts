import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ACTIONS } from "../../lib/actions/define";
import type { SessionRef } from "../../lib/auth/actor";
import { testDb, unique } from "../support/db";
import { createClaim, createRoleSet, createSource, createUser, type TestUser } from "../support/factories";

/*
 * One walk over every action defineAction() has registered: each is called once with valid input by
 * a user allowed to run it, and must leave at least one audit row by that user, written in the same
 * transaction. A new action without a scenario below fails this test until one is added.
 */
const db = await testDb();
const serviceDir = path.resolve("lib/services");
const modules = await Promise.all(
  readdirSync(serviceDir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map(async (f) => [f, (await import(pathToFileURL(path.join(serviceDir, f)).href)) as Record<string, unknown>] as const),
);
const actions = new Map<string, (session: SessionRef, input: unknown) => Promise<{ ok: boolean }>>();
for (const [, exports] of modules) {
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value === "function" && ACTIONS.has(value as never)) actions.set(name, value as never);
  }
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
  if (state === "PUBLISHED") {
    await db.verdict.update({ where: { id: verdict.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
    await db.claim.update({ where: { id: claim.id }, data: { status: "PUBLISHED" } });
  }
  return { claim, verdict };
}

type Scenario = () => Promise<{ as: TestUser; input: Record<string, unknown> }>;
const scenarios: Record<string, Scenario> = {
  createClaim: async () => ({ as: people.factChecker, input: { text: `Walk ${unique()}`, claimant: "Someone", kind: "EVENT", confirmDuplicate: true } }),
  updateClaim: async () => {
    const claim = await createClaim(db);
    return { as: people.factChecker, input: { id: claim.id, version: 1, text: "Changed text", claimant: "Changed", kind: "EVENT" } };
  },
  transitionClaim: async () => ({ as: people.factChecker, input: { id: (await createClaim(db)).id, to: "RESEARCHING" } }),
  assignClaim: async () => ({ as: people.editor, input: { id: (await createClaim(db)).id, assigneeId: people.factChecker.id } }),
  attachEvidence: async () => ({
    as: people.factChecker,
    input: { claimId: (await createClaim(db)).id, url: `https://walk.example/${unique()}`, outlet: "Outlet", type: "WIRE", excerpt: "Text", stance: "SUPPORTS" },
  }),
  removeEvidence: async () => {
    const claim = await createClaim(db);
    const source = await createSource(db);
    const evidence = await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "x" } });
    return { as: people.factChecker, input: { id: evidence.id } };
  },
  importDocument: async () => ({ as: people.factChecker, input: { title: unique("doc"), outlet: "Wire", text: TEXT } }),
  createClaimsFromCandidates: async () => {
    const doc = await db.document.create({ data: { title: unique("doc"), outlet: "Wire", text: TEXT } });
    const sentence = "Almaty police said 353 police were injured and 12 were killed.";
    return { as: people.factChecker, input: { documentId: doc.id, claims: [{ sentenceStart: 0, sentence, text: sentence, claimant: "Almaty police", kind: "NUMERIC" }] } };
  },
  createUser: async () => ({ as: people.admin, input: { email: `${unique("walk")}@claimdesk.test`, name: "New Person", role: "EDITOR", password: "a long enough password" } }),
  changeUserRole: async () => ({ as: people.admin, input: { userId: (await createUser(db, "EDITOR")).id, role: "FACT_CHECKER" } }),
  setUserDisabled: async () => ({ as: people.admin, input: { userId: (await createUser(db, "FACT_CHECKER")).id, disabled: true } }),
  resetUserPassword: async () => ({ as: people.admin, input: { userId: (await createUser(db, "FACT_CHECKER")).id, password: "a fresh passphrase" } }),
  draftVerdict: async () => ({ as: people.factChecker, input: { claimId: (await createClaim(db)).id, ...content } }),
  editVerdict: async () => ({ as: people.factChecker, input: { verdictId: (await claimWithVerdict("DRAFT")).verdict.id, revision: 1, ...content, reasoning: "Tightened." } }),
  submitVerdict: async () => ({ as: people.factChecker, input: { verdictId: (await claimWithVerdict("DRAFT")).verdict.id } }),
  reviewVerdict: async () => ({ as: people.editor, input: { verdictId: (await claimWithVerdict("SUBMITTED")).verdict.id, revision: 1, outcome: "APPROVED" } }),
  publishVerdict: async () => ({ as: people.editor, input: { verdictId: (await claimWithVerdict("APPROVED")).verdict.id } }),
  correctVerdict: async () => ({
    as: people.factChecker,
    input: { verdictId: (await claimWithVerdict("PUBLISHED")).verdict.id, ...content, rating: "MOSTLY_FALSE", correctionNote: "A second source changes the count." },
  }),
  importClaimReviews: async () => ({
    as: people.factChecker,
    input: {
      text: JSON.stringify({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        claimReviewed: `Walk import ${unique()}`,
        url: `https://factcheck.example/${unique()}`,
        author: { "@type": "Organization", name: "Example Fact Check" },
        datePublished: "2022-01-07",
        reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
        itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "Someone" } },
      }),
    },
  }),
  retractClaim: async () => ({ as: people.editor, input: { claimId: (await claimWithVerdict("PUBLISHED")).claim.id, note: "Retracted: the claim was misattributed." } }),
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
    const { as, input } = await scenarios[name]!();
    const [{ max }] = await db.$queryRaw<Array<{ max: bigint | null }>>`SELECT max(id) AS max FROM audit_log`.then((r) => r as [{ max: bigint | null }]);
    const result = await action(as.session, input);
    assert.equal(result.ok, true, `${name}: ${JSON.stringify(result)}`);
    const rows = await db.auditLog.findMany({ where: { id: { gt: max ?? 0n }, actorId: as.id }, select: { action: true } });
    assert.ok(rows.length > 0, `${name} left no audit row`);
  });
}
