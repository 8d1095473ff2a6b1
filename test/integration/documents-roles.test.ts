import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createRoleSet, createUser, type TestUser } from "../support/factories";
import { createClaimsFromCandidates, importDocument } from "../../lib/services/documents";

const TEXT = "Almaty police said 353 police were injured and 12 were killed. The airport was cleared, officials said.";

describe("importing articles and creating claims from them is open to every desk role, not to the anonymous", async () => {
  const db = await testDb();
  const roles = await createRoleSet(db);
  const callers: Array<[string, TestUser | null, "UNAUTHENTICATED" | null]> = [
    ["fact-checker", roles.factChecker, null],
    ["editor", roles.editor, null],
    ["admin", roles.admin, null],
    ["anonymous", null, "UNAUTHENTICATED"],
  ];

  for (const [who, caller, denial] of callers) {
    test(`importDocument by ${who}: ${denial ?? "allowed"}`, async () => {
      const title = unique("doc");
      const result = await importDocument(caller?.session ?? null, { title, outlet: "Wire", text: TEXT });
      const stored = await db.document.findMany({ where: { title }, select: { id: true, createdById: true } });
      if (denial) {
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.code, denial);
        assert.equal(stored.length, 0, "a denied call stores nothing");
      } else {
        assert.equal(result.ok, true, JSON.stringify(result));
        assert.equal(stored.length, 1);
        assert.equal(stored[0]?.createdById, caller?.id);
        assert.equal(await db.auditLog.count({ where: { entityType: "document", entityId: stored[0]!.id } }), 1);
      }
    });

    test(`createClaimsFromCandidates by ${who}: ${denial ?? "allowed"}`, async () => {
      const owner = await createUser(db, "FACT_CHECKER");
      const doc = await db.document.create({ data: { title: unique("doc"), outlet: "Wire", text: TEXT, createdById: owner.id } });
      const sentence = "Almaty police said 353 police were injured and 12 were killed.";
      const result = await createClaimsFromCandidates(caller?.session ?? null, {
        documentId: doc.id,
        claims: [{ sentenceStart: 0, sentence, text: sentence, claimant: "Almaty police", kind: "NUMERIC" }],
        // Earlier tests leave similar claims behind: confirm, as after seeing them.
        confirmDuplicate: true,
      });
      const claims = await db.claim.findMany({ where: { documentId: doc.id }, select: { id: true, createdById: true } });
      if (denial) {
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.code, denial);
        assert.equal(claims.length, 0, "a denied call creates no claim");
      } else {
        assert.equal(result.ok, true, JSON.stringify(result));
        assert.equal(claims.length, 1);
        assert.equal(claims[0]?.createdById, caller?.id);
        assert.equal(await db.auditLog.count({ where: { entityType: "claim", entityId: claims[0]!.id } }), 1);
      }
    });
  }

  test("a disabled account or an outdated session is refused like an anonymous caller", async () => {
    const disabled = await createUser(db, "EDITOR", { disabled: true });
    const checker = await createUser(db, "FACT_CHECKER");
    for (const session of [disabled.session, { ...checker.session, sessionVersion: checker.session.sessionVersion + 1 }]) {
      const title = unique("doc");
      const result = await importDocument(session, { title, outlet: "Wire", text: TEXT });
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.code, "UNAUTHENTICATED");
      assert.equal(await db.document.count({ where: { title } }), 0);
    }
  });
});
