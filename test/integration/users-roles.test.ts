import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createRoleSet, createUser, type TestUser } from "../support/factories";
import type { SessionRef } from "../../lib/auth/actor";
import type { Result } from "../../lib/errors";
import { changeUserRole, createPasswordLink, createUser as createUserService, setUserDisabled } from "../../lib/services/users";

type Service = (session: SessionRef, input: unknown) => Promise<Result<unknown>>;

describe("user management is for admins only", async () => {
  const db = await testDb();
  const roles = await createRoleSet(db);
  const callers: Array<[string, TestUser | null, "FORBIDDEN" | "UNAUTHENTICATED" | null]> = [
    ["fact-checker", roles.factChecker, "FORBIDDEN"],
    ["editor", roles.editor, "FORBIDDEN"],
    ["anonymous", null, "UNAUTHENTICATED"],
    ["admin", roles.admin, null],
  ];

  const snapshot = (id: string) =>
    db.user.findUniqueOrThrow({
      where: { id },
      select: { role: true, disabled: true, sessionVersion: true, passwordHash: true, name: true, email: true },
    });

  // A reset link changes nothing about the account until it is used: no session ends yet.
  const cases: Array<[string, Service, (target: TestUser) => unknown, number]> = [
    ["changeUserRole", changeUserRole, (target) => ({ userId: target.id, role: "EDITOR" }), 1],
    ["setUserDisabled", setUserDisabled, (target) => ({ userId: target.id, disabled: true }), 1],
    ["createPasswordLink", createPasswordLink, (target) => ({ userId: target.id }), 0],
  ];

  for (const [name, service, input, bump] of cases) {
    for (const [who, caller, denial] of callers) {
      test(`${name} by ${who}: ${denial ?? "allowed"}`, async () => {
        const target = await createUser(db, "FACT_CHECKER");
        const before = await snapshot(target.id);
        const result = await service(caller?.session ?? null, input(target));
        const after = await snapshot(target.id);
        const audit = await db.auditLog.count({ where: { entityType: "user", entityId: target.id } });
        if (denial) {
          assert.equal(result.ok, false);
          if (!result.ok) assert.equal(result.code, denial);
          assert.deepEqual(after, before, "a denied call changes nothing");
          assert.equal(audit, 0, "a denied call writes no audit row");
        } else {
          assert.equal(result.ok, true, JSON.stringify(result));
          assert.equal(after.sessionVersion, before.sessionVersion + bump);
          assert.equal(audit, 1);
        }
      });
    }
  }

  for (const [who, caller, denial] of callers) {
    test(`createUser by ${who}: ${denial ?? "allowed"}`, async () => {
      const email = `${unique("new")}@claimdesk.test`;
      const result = await createUserService(caller?.session ?? null, { email, name: "New Person", role: "EDITOR" });
      const created = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
      if (denial) {
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.code, denial);
        assert.equal(created, null, "a denied call creates nobody");
      } else {
        assert.equal(result.ok, true, JSON.stringify(result));
        assert.equal(created?.role, "EDITOR");
        assert.equal(await db.auditLog.count({ where: { entityType: "user", entityId: created!.id, action: "user.create" } }), 1);
      }
    });
  }
});
