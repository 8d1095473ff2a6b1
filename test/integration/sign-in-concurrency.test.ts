import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { signIn } from "../../lib/auth/sign-in";
import { LOGIN_LIMITS } from "../../lib/auth/rate-limit";

/*
 * Class: a limit checked before, and counted after, a slow step (scrypt), so that simultaneous
 * requests all pass the check. Twenty sign-ins for one account from one address are fired at once,
 * one of them with the right password: no more than the limit may have their password evaluated
 * (an evaluated attempt answers "Wrong email or password." or signs in; the rest are paused).
 */

const WRONG = "Wrong email or password.";

describe("sign-in throttling holds under concurrency", async () => {
  const db = await testDb();

  test("20 simultaneous attempts, one right: at most the limit are evaluated", async () => {
    const user = await createUser(db, "EDITOR");
    const ip = unique("ip");
    const passwords = Array.from({ length: 20 }, (_, i) => (i === 16 ? TEST_PASSWORD : `wrong ${i}`));
    const results = await Promise.all(passwords.map((password) => signIn(db, { email: user.email, password }, ip)));
    const evaluated = results.filter((r) => r.ok || r.message === WRONG);
    const paused = results.filter((r) => !r.ok && /^Too many failed sign-ins/.test(r.message));
    assert.ok(evaluated.length <= LOGIN_LIMITS.perPair, `${evaluated.length} attempts were evaluated`);
    assert.equal(evaluated.length + paused.length, 20);
    // Every evaluated attempt is recorded, and nothing else.
    assert.equal(await db.loginAttempt.count({ where: { email: user.email, ip } }), evaluated.length);
  });

  test("the same burst against many accounts from one address stops at the address limit", async () => {
    const ip = unique("ip");
    const results = await Promise.all(
      Array.from({ length: LOGIN_LIMITS.perAddress + 10 }, (_, i) => signIn(db, { email: `${unique(`burst${i}`)}@claimdesk.test`, password: "guess" }, ip)),
    );
    const evaluated = results.filter((r) => !r.ok && r.message === WRONG).length;
    assert.ok(evaluated <= LOGIN_LIMITS.perAddress, `${evaluated} attempts were evaluated`);
    assert.equal(await db.loginAttempt.count({ where: { ip } }), evaluated);
  });
});
