import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim as makeClaim, createRoleSet, createUser, type TestUser } from "../support/factories";
import { assignClaim, createClaim, transitionClaim, updateClaim } from "../../lib/services/claims";
import { attachEvidence, removeEvidence } from "../../lib/services/evidence";
import { withdrawVerdict } from "../../lib/services/verdict-review";
import type { SessionRef } from "../../lib/auth/actor";
import type { Result } from "../../lib/errors";

const db = await testDb();
const { factChecker, editor, admin } = await createRoleSet(db);
const disabled = await createUser(db, "EDITOR", { disabled: true });
const stale = await createUser(db, "ADMIN");
// A role change, disable or password reset bumps the version: the old session must stop working.
await db.user.update({ where: { id: stale.id }, data: { sessionVersion: { increment: 1 } } });

type Case = {
  action: string;
  /** Makes fresh rows for one attempt and returns the input plus how to tell whether anything changed. */
  prepare: () => Promise<{ input: Record<string, unknown>; fingerprint: () => Promise<unknown> }>;
  call: (session: SessionRef, input: unknown) => Promise<Result<unknown>>;
};

const claimFingerprint = (id: string) => async () => {
  const row = await db.claim.findUnique({ where: { id }, include: { evidence: true } });
  return { row, audit: await db.auditLog.count({ where: { entityId: id } }) };
};

const cases: Case[] = [
  {
    action: "claim.create",
    call: createClaim,
    prepare: async () => {
      const text = `Role matrix claim ${unique()}`;
      return {
        input: { text, claimant: "Someone", kind: "EVENT", confirmDuplicate: true },
        fingerprint: async () => db.claim.count({ where: { text } }),
      };
    },
  },
  {
    action: "claim.update",
    call: updateClaim,
    prepare: async () => {
      const claim = await makeClaim(db);
      return { input: { id: claim.id, version: 1, text: "Changed", claimant: "Changed", kind: "EVENT" }, fingerprint: claimFingerprint(claim.id) };
    },
  },
  {
    action: "claim.transition",
    call: transitionClaim,
    prepare: async () => {
      const claim = await makeClaim(db);
      return { input: { id: claim.id, to: "RESEARCHING" }, fingerprint: claimFingerprint(claim.id) };
    },
  },
  {
    action: "claim.assign",
    call: assignClaim,
    prepare: async () => {
      const claim = await makeClaim(db);
      return { input: { id: claim.id, assigneeId: editor.id }, fingerprint: claimFingerprint(claim.id) };
    },
  },
  {
    action: "evidence.create",
    call: attachEvidence,
    prepare: async () => {
      const claim = await makeClaim(db);
      const input = { claimId: claim.id, url: `https://roles.example/${unique()}`, outlet: "Outlet", type: "WIRE", excerpt: "Text", stance: "SUPPORTS" };
      return { input, fingerprint: claimFingerprint(claim.id) };
    },
  },
  {
    action: "evidence.delete",
    call: removeEvidence,
    prepare: async () => {
      const claim = await makeClaim(db);
      const source = await db.source.create({ data: { url: `https://roles.example/${unique()}`, normalizedUrl: `https://roles.example/${unique()}`, outlet: "O", type: "WIRE" } });
      const evidence = await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "x" } });
      return { input: { id: evidence.id }, fingerprint: claimFingerprint(claim.id) };
    },
  },
  {
    // Taking a verdict out of review moves the claim too: a claim.transition right.
    action: "verdict.withdraw",
    call: withdrawVerdict,
    prepare: async () => {
      const claim = await makeClaim(db);
      const verdict = await db.verdict.create({
        data: { claimId: claim.id, rating: "FALSE", ratingValue: 1, reasoning: "r", state: "SUBMITTED", submittedAt: new Date(), authorId: factChecker.id, lastEditedById: factChecker.id },
      });
      await db.claim.update({ where: { id: claim.id }, data: { status: "IN_REVIEW" } });
      const fingerprint = async () => ({ claim: await claimFingerprint(claim.id)(), verdict: await db.verdict.findUnique({ where: { id: verdict.id } }) });
      return { input: { verdictId: verdict.id, reason: "Needs another source." }, fingerprint };
    },
  },
];

const allowed: Array<[string, TestUser]> = [
  ["FACT_CHECKER", factChecker],
  ["EDITOR", editor],
  ["ADMIN", admin],
];
const refused: Array<[string, SessionRef]> = [
  ["anonymous", null],
  ["a disabled user", disabled.session],
  ["a user whose session version was bumped", stale.session],
  ["an unknown user", { userId: "00000000-0000-4000-8000-000000000000", sessionVersion: 1 }],
];

for (const { action, prepare, call } of cases) {
  describe(`${action} role matrix`, () => {
    for (const [role, user] of allowed) {
      test(`${role} may ${action}`, async () => {
        const { input, fingerprint } = await prepare();
        const before = await fingerprint();
        const audited = await db.auditLog.count({ where: { actorId: user.id, action: { startsWith: action.split(".")[0] } } });
        const result = await call(user.session, input);
        assert.equal(result.ok, true, result.ok ? "" : `${result.code}: ${result.message}`);
        assert.notDeepEqual(await fingerprint(), before, "the action changed something");
        const after = await db.auditLog.count({ where: { actorId: user.id, action: { startsWith: action.split(".")[0] } } });
        assert.ok(after > audited, "the mutation wrote an audit row naming its actor");
      });
    }
    for (const [who, session] of refused) {
      test(`${who} is refused with UNAUTHENTICATED and nothing changes`, async () => {
        const { input, fingerprint } = await prepare();
        const before = await fingerprint();
        const result = await call(session, input);
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.code, "UNAUTHENTICATED");
        assert.deepEqual(await fingerprint(), before);
      });
    }
  });
}
