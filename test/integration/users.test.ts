import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { verifyPassword } from "../../lib/auth/password";
import { changeUserRole, createUser as createUserService, setUserDisabled } from "../../lib/services/users";
import { resetThroughLink } from "../support/password-links";

describe("admin user management", async () => {
  const db = await testDb();
  const admin = await createUser(db, "ADMIN");

  const auditFor = (entityId: string) =>
    db.auditLog.findMany({ where: { entityType: "user", entityId }, orderBy: { id: "asc" } });

  test("an invitation creates the account with a password nobody knows and an audit row without the hash", async () => {
    const email = `${unique("Reporter")}@ClaimDesk.test`;
    const result = await createUserService(admin.session, { email: `  ${email} `, name: " Ana Reporter ", role: "FACT_CHECKER" });
    assert.equal(result.ok, true, JSON.stringify(result));
    const user = await db.user.findUniqueOrThrow({
      where: { email: email.toLowerCase() },
      select: { id: true, name: true, role: true, disabled: true, passwordHash: true },
    });
    assert.equal(user.name, "Ana Reporter");
    assert.equal(user.role, "FACT_CHECKER");
    assert.equal(user.disabled, false);
    assert.match(user.passwordHash, /^scrypt\$131072\$8\$1\$/);
    assert.equal(await verifyPassword(TEST_PASSWORD, user.passwordHash), false);
    assert.ok(result.ok && result.data.url.includes("/set-password/"), "the admin gets the link once");
    assert.ok(!JSON.stringify(result).includes("scrypt"), "the result never carries the hash");

    const audit = await auditFor(user.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, "user.create");
    assert.equal(audit[0]?.actorId, admin.id);
    assert.ok(!JSON.stringify(audit[0]?.after).includes("scrypt"));
    assert.ok(!JSON.stringify(audit[0]?.after).includes("passwordHash"));

    const again = await createUserService(admin.session, { email, name: "Someone", role: "EDITOR" });
    assert.equal(again.ok, false);
    if (!again.ok) {
      assert.equal(again.code, "CONFLICT");
      assert.ok(again.fieldErrors?.email);
    }
  });

  test("refuses a bad email, an empty name and an unknown role with field errors", async () => {
    const email = `${unique("short")}@claimdesk.test`;
    const result = await createUserService(admin.session, { email: "not-an-email", name: "", role: "OWNER" });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.code, "VALIDATION");
      for (const field of ["email", "name", "role"]) assert.ok(result.fieldErrors?.[field], field);
      assert.equal(result.fieldErrors?.password, undefined, "an invitation takes no password");
    }
    assert.equal(await db.user.count({ where: { email } }), 0);
  });

  test("a role change bumps the session version and is audited with before and after", async () => {
    const editor = await createUser(db, "EDITOR");
    const result = await changeUserRole(admin.session, { userId: editor.id, role: "FACT_CHECKER" });
    assert.equal(result.ok, true, JSON.stringify(result));
    const row = await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { role: true, sessionVersion: true } });
    assert.deepEqual(row, { role: "FACT_CHECKER", sessionVersion: editor.session.sessionVersion + 1 });
    const [audit] = await auditFor(editor.id);
    assert.equal(audit?.action, "user.role_change");
    assert.equal((audit?.before as { role: string }).role, "EDITOR");
    assert.equal((audit?.after as { role: string }).role, "FACT_CHECKER");

    // Setting the same role again changes nothing and writes nothing.
    const same = await changeUserRole(admin.session, { userId: editor.id, role: "FACT_CHECKER" });
    assert.equal(same.ok, true);
    assert.equal((await auditFor(editor.id)).length, 1);
  });

  test("disable and re-enable each end the current sessions", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    assert.equal((await setUserDisabled(admin.session, { userId: checker.id, disabled: true })).ok, true);
    assert.equal((await setUserDisabled(admin.session, { userId: checker.id, disabled: false })).ok, true);
    const row = await db.user.findUniqueOrThrow({ where: { id: checker.id }, select: { disabled: true, sessionVersion: true } });
    assert.deepEqual(row, { disabled: false, sessionVersion: checker.session.sessionVersion + 2 });
    assert.deepEqual((await auditFor(checker.id)).map((a) => a.action), ["user.disable", "user.enable"]);
  });

  test("promotion to admin needs the explicit confirmation field, with a field error", async () => {
    const editor = await createUser(db, "EDITOR");
    for (const confirmAdmin of [undefined, "", "no", "true"]) {
      const refused = await changeUserRole(admin.session, { userId: editor.id, role: "ADMIN", ...(confirmAdmin === undefined ? {} : { confirmAdmin }) });
      assert.equal(refused.ok, false, `confirmAdmin=${confirmAdmin}`);
      if (!refused.ok) {
        assert.equal(refused.code, "VALIDATION");
        assert.match(refused.fieldErrors?.confirmAdmin?.[0] ?? "", /Confirm/);
      }
    }
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { role: true } })).role, "EDITOR");
    assert.equal((await auditFor(editor.id)).length, 0, "a refused promotion writes nothing");
    const done = await changeUserRole(admin.session, { userId: editor.id, role: "ADMIN", confirmAdmin: "yes" });
    assert.equal(done.ok, true, JSON.stringify(done));
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { role: true } })).role, "ADMIN");
    // Inviting someone as an admin needs the same confirmation.
    const email = `${unique("admin-invite")}@claimdesk.test`;
    const unconfirmed = await createUserService(admin.session, { email, name: "New Admin", role: "ADMIN" });
    assert.equal(!unconfirmed.ok && unconfirmed.fieldErrors?.confirmAdmin?.length, 1);
    assert.equal(await db.user.count({ where: { email } }), 0);
    assert.equal((await createUserService(admin.session, { email, name: "New Admin", role: "ADMIN", confirmAdmin: "yes" })).ok, true);
    // Other roles need no confirmation.
    assert.equal((await changeUserRole(admin.session, { userId: editor.id, role: "FACT_CHECKER" })).ok, true);
  });

  test("a password set through a reset link replaces the hash, bumps the session version and keeps the hash out of the audit", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const result = await resetThroughLink(db, admin.session, checker.id, "a fresh passphrase");
    assert.equal(result.ok, true, JSON.stringify(result));
    const row = await db.user.findUniqueOrThrow({ where: { id: checker.id }, select: { passwordHash: true, sessionVersion: true } });
    assert.ok(await verifyPassword("a fresh passphrase", row.passwordHash));
    assert.equal(await verifyPassword(TEST_PASSWORD, row.passwordHash), false);
    assert.equal(row.sessionVersion, checker.session.sessionVersion + 1);
    const audit = (await auditFor(checker.id)).at(-1);
    assert.equal(audit?.action, "user.password_set");
    assert.ok(!JSON.stringify([audit?.before, audit?.after]).includes("scrypt"));
  });

  test("an admin cannot demote or disable themselves", async () => {
    const self = await createUser(db, "ADMIN");
    const demote = await changeUserRole(self.session, { userId: self.id, role: "EDITOR" });
    const disable = await setUserDisabled(self.session, { userId: self.id, disabled: true });
    for (const result of [demote, disable]) {
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.code, "INVALID_STATE");
        assert.match(result.message, /your own/);
      }
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: self.id }, select: { role: true, disabled: true, sessionVersion: true } });
    assert.deepEqual(row, { role: "ADMIN", disabled: false, sessionVersion: self.session.sessionVersion });
    assert.equal((await auditFor(self.id)).length, 0);
  });

  test("an unknown user is NOT_FOUND", async () => {
    const result = await changeUserRole(admin.session, { userId: "00000000-0000-4000-8000-000000000000", role: "EDITOR" });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.code, "NOT_FOUND");
  });
});
