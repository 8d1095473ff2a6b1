import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { signIn } from "../../lib/auth/sign-in";
import { LOGIN_LIMITS } from "../../lib/auth/rate-limit";

// Sign-in answers must not tell whether an email has an account: an unknown email goes through
// exactly the same refusals, in the same order, as a known one with a wrong password, and once an
// account is paused the right password gets the same answer as a wrong one.

const message = (result: Awaited<ReturnType<typeof signIn>>) => (result.ok ? "signed in" : result.message);

describe("sign-in refusals do not reveal whether an email exists", async () => {
  const db = await testDb();

  /** perPair + 2 wrong passwords from one address (far below the address limit). */
  async function failures(email: string, ip = unique("ip")) {
    const answers: string[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perPair + 2; i++) answers.push(message(await signIn(db, { email, password: `wrong ${i}` }, ip)));
    return answers;
  }

  test("a known email and an unknown one get the same answers, attempt after attempt, lockout included", async () => {
    const known = await createUser(db, "EDITOR");
    const unknown = `${unique("nobody")}@claimdesk.test`;
    const forKnown = await failures(known.email);
    const forUnknown = await failures(unknown);
    assert.deepEqual(forUnknown, forKnown);
    // The sequence really does reach the lockout, so the pause message is covered too.
    assert.equal(forKnown[0], "Wrong email or password.");
    assert.match(forKnown.at(-1)!, /^Too many failed sign-ins/);
    // The unknown email's attempts are recorded like any others (the pause counts them).
    assert.equal(await db.loginAttempt.count({ where: { email: unknown } }), LOGIN_LIMITS.perPair);
  });

  test("once paused, the right password, a wrong one and an unknown email get the same answer", async () => {
    const known = await createUser(db, "FACT_CHECKER");
    const unknown = `${unique("nobody")}@claimdesk.test`;
    const ip = unique("ip");
    await failures(known.email, ip);
    await failures(unknown, ip);
    const right = message(await signIn(db, { email: known.email, password: TEST_PASSWORD }, ip));
    const wrong = message(await signIn(db, { email: known.email, password: "still wrong" }, ip));
    const nobody = message(await signIn(db, { email: unknown, password: TEST_PASSWORD }, ip));
    assert.match(right, /^Too many failed sign-ins/);
    assert.equal(wrong, right);
    assert.equal(nobody, right);
  });

  test("a paused address answers the same for known and unknown emails", async () => {
    const known = await createUser(db, "EDITOR");
    const ip = unique("ip");
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await signIn(db, { email: `${unique(`spray${i}`)}@claimdesk.test`, password: "guess" }, ip);
    const forKnown = message(await signIn(db, { email: known.email, password: TEST_PASSWORD }, ip));
    const forUnknown = message(await signIn(db, { email: `${unique("nobody")}@claimdesk.test`, password: TEST_PASSWORD }, ip));
    assert.match(forKnown, /^Too many failed sign-ins from your network/);
    assert.equal(forUnknown, forKnown);
  });

  test("malformed input gets one answer whatever the email", async () => {
    const known = await createUser(db, "EDITOR");
    const answers = new Set(
      await Promise.all([{ email: known.email, password: "" }, { email: "nobody@claimdesk.test", password: "" }, { email: "not an email", password: "x" }].map(async (input) => message(await signIn(db, input, unique("ip"))))),
    );
    assert.deepEqual([...answers], ["Enter your email address and password."]);
  });
});
