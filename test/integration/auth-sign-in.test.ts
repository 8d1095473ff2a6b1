import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { signIn } from "../../lib/auth/sign-in";
import { LOGIN_LIMITS } from "../../lib/auth/rate-limit";

const WRONG = "Wrong email or password.";

describe("sign-in", async () => {
  const db = await testDb();
  const attempts = (where: { email?: string; ip?: string }) =>
    db.loginAttempt.findMany({ where, orderBy: { id: "asc" }, select: { email: true, ip: true, success: true } });

  test("the right password signs in and returns the session reference", async () => {
    const user = await createUser(db, "EDITOR", { name: "Edna Editor" });
    const ip = unique("ip");
    const result = await signIn(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, ip);
    assert.deepEqual(result, {
      ok: true,
      session: { userId: user.id, sessionVersion: user.session.sessionVersion, name: "Edna Editor", email: user.email },
    });
    assert.deepEqual(await attempts({ ip }), [{ email: user.email, ip, success: true }]);
  });

  test("a wrong password or an unknown email gets the same refusal, and both are recorded", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const ip = unique("ip");
    assert.deepEqual(await signIn(db, { email: user.email, password: "not the password" }, ip), { ok: false, message: WRONG });
    const nobody = `${unique("nobody")}@claimdesk.test`;
    assert.deepEqual(await signIn(db, { email: nobody, password: TEST_PASSWORD }, ip), { ok: false, message: WRONG });
    assert.deepEqual(await attempts({ ip }), [
      { email: user.email, ip, success: false },
      { email: nobody, ip, success: false },
    ]);
  });

  test("a disabled account is refused even with the right password", async () => {
    const user = await createUser(db, "EDITOR", { disabled: true });
    const ip = unique("ip");
    const result = await signIn(db, { email: user.email, password: TEST_PASSWORD }, ip);
    assert.deepEqual(result, { ok: false, message: "This account is disabled. Ask an admin." });
    assert.deepEqual(await attempts({ ip }), [{ email: user.email, ip, success: false }]);
  });

  test("malformed input is refused without touching the database", async () => {
    const ip = unique("ip");
    for (const input of [null, {}, { email: "x", password: "y" }, { email: "a@b.test", password: "" }, "a@b.test"]) {
      const result = await signIn(db, input, ip);
      assert.equal(result.ok, false);
    }
    assert.equal((await attempts({ ip })).length, 0);
  });

  test(`after ${LOGIN_LIMITS.perPair} failures from one address the account is paused there, even for the right password`, async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const ip = unique("ip");
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      const result = await signIn(db, { email: user.email, password: `wrong ${i}` }, ip);
      assert.deepEqual(result, { ok: false, message: WRONG });
    }
    const sixth = await signIn(db, { email: user.email, password: TEST_PASSWORD }, ip);
    assert.equal(sixth.ok, false);
    if (!sixth.ok) assert.match(sixth.message, /^Too many failed sign-ins for this account/);
    const recorded = await attempts({ email: user.email });
    assert.equal(recorded.length, LOGIN_LIMITS.perPair);
    assert.ok(recorded.every((a) => !a.success));
  });

  test("a stranger's failures do not lock the account's owner out (no lockout switch)", async () => {
    const user = await createUser(db, "EDITOR");
    const attacker = unique("ip");
    for (let i = 0; i < LOGIN_LIMITS.perPair + 3; i++) await signIn(db, { email: user.email, password: `guess ${i}` }, attacker);
    const attackerAgain = await signIn(db, { email: user.email, password: TEST_PASSWORD }, attacker);
    assert.equal(attackerAgain.ok, false);
    const owner = await signIn(db, { email: user.email, password: TEST_PASSWORD }, unique("ip"));
    assert.equal(owner.ok, true);
  });

  test(`after ${LOGIN_LIMITS.perAddress} failures from one address it is paused for every account`, async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const ip = unique("ip");
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      const result = await signIn(db, { email: `${unique(`spray${i}`)}@claimdesk.test`, password: "guess" }, ip);
      assert.deepEqual(result, { ok: false, message: WRONG });
    }
    const blocked = await signIn(db, { email: user.email, password: TEST_PASSWORD }, ip);
    assert.equal(blocked.ok, false);
    if (!blocked.ok) assert.match(blocked.message, /^Too many failed sign-ins from your network/);
    const recorded = await attempts({ ip });
    assert.equal(recorded.length, LOGIN_LIMITS.perAddress);
    assert.equal(new Set(recorded.map((a) => a.email)).size, LOGIN_LIMITS.perAddress);

    // The same account from another address is not affected.
    const elsewhere = await signIn(db, { email: user.email, password: TEST_PASSWORD }, unique("ip"));
    assert.equal(elsewhere.ok, true);
  });
});
