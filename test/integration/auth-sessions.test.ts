import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { createUser } from "../support/factories";
import { requireActor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { signIn } from "../../lib/auth/sign-in";
import { changeUserRole, setUserDisabled } from "../../lib/services/users";
import { resetThroughLink } from "../support/password-links";
import { unique } from "../support/db";

const refused = (error: unknown) =>
  error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED");

describe("sessions end as soon as an admin changes the account", async () => {
  const db = await testDb();
  const admin = await createUser(db, "ADMIN");

  test("a demoted editor's old session is refused on the very next call", async () => {
    const editor = await createUser(db, "EDITOR");
    const session = editor.session;
    const actor = await requireActor(db, session, "verdict.review");
    assert.equal(actor.role, "EDITOR");

    const result = await changeUserRole(admin.session, { userId: editor.id, role: "FACT_CHECKER" });
    assert.equal(result.ok, true, JSON.stringify(result));
    await assert.rejects(requireActor(db, session, "verdict.review"), refused);
    // Even for what a fact-checker may do: the old session itself is gone.
    await assert.rejects(requireActor(db, session, "desk.read"), (e) => e instanceof AppError && e.code === "UNAUTHENTICATED");

    // Signing in again gives a session with the new role, which cannot review.
    const fresh = await signIn(db, { email: editor.email, password: "correct horse battery staple" }, unique("ip"));
    assert.equal(fresh.ok, true);
    if (fresh.ok) {
      await assert.rejects(requireActor(db, fresh.session, "verdict.review"), (e) => e instanceof AppError && e.code === "FORBIDDEN");
      assert.equal((await requireActor(db, fresh.session, "claim.create")).role, "FACT_CHECKER");
    }
  });

  test("a disabled account's old session is refused on the very next call, and it cannot sign in", async () => {
    const editor = await createUser(db, "EDITOR");
    await requireActor(db, editor.session, "verdict.review");
    assert.equal((await setUserDisabled(admin.session, { userId: editor.id, disabled: true })).ok, true);
    await assert.rejects(requireActor(db, editor.session, "verdict.review"), refused);
    const attempt = await signIn(db, { email: editor.email, password: "correct horse battery staple" }, unique("ip"));
    assert.deepEqual(attempt, { ok: false, message: "This account is disabled. Ask an admin." });

    // Re-enabling does not revive the old session: the person signs in again.
    assert.equal((await setUserDisabled(admin.session, { userId: editor.id, disabled: false })).ok, true);
    await assert.rejects(requireActor(db, editor.session, "desk.read"), refused);
  });

  test("a password reset ends the old session", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    await requireActor(db, checker.session, "claim.create");
    assert.equal((await resetThroughLink(db, admin.session, checker.id, "a different passphrase")).ok, true);
    await assert.rejects(requireActor(db, checker.session, "claim.create"), refused);
  });
});
