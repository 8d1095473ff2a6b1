// Structured logs: every line is JSON with a request id, and no password, hash, cookie or secret
// reaches a line, whatever the code path (sign-in failures, user creation, failed actions, errors).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { signIn } from "../../lib/auth/sign-in";
import { loggerFor, setLogDestination, systemLog } from "../../lib/log";
import { createUser as createUserAction } from "../../lib/services/users";
import { resetThroughLink } from "../support/password-links";
import { createClaim as createClaimAction } from "../../lib/services/claims";
import { testDb, unique } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";

test("log lines are JSON with a request id and never carry passwords, hashes or secrets", async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  setLogDestination(sink, { level: "trace" });

  const db = await testDb();
  const admin = await createUser(db, "ADMIN");
  const checker = await createUser(db, "FACT_CHECKER");
  const otherChecker = await createUser(db, "FACT_CHECKER");
  const wrongPassword = `wrong-${unique("pw")}-Secret!`;
  const newPassword = `New-${unique("pw")}-Passphrase!`;
  const resetPassword = `Reset-${unique("pw")}-Passphrase!`;

  // Sign-in: a wrong password, then the right one.
  assert.equal((await signIn(db, { email: checker.email, password: wrongPassword }, "203.0.113.9")).ok, false);
  assert.equal((await signIn(db, { email: checker.email, password: TEST_PASSWORD }, "203.0.113.9")).ok, true);
  // An invitation, and a password chosen through a reset link (its input holds the password).
  const created = await createUserAction(admin.session, { email: `${unique("new")}@claimdesk.test`, name: "New person", role: "FACT_CHECKER" });
  assert.ok(created.ok);
  const reset = await resetThroughLink(db, admin.session, checker.id, resetPassword);
  assert.ok(reset.ok);
  // Failed actions: forbidden, and a validation failure whose input holds a password.
  assert.equal((await createUserAction(otherChecker.session, { email: "x@claimdesk.test", name: "X", role: "ADMIN", password: newPassword })).ok, false);
  assert.equal((await createUserAction(admin.session, { email: "not an email", name: "", role: "ADMIN", password: wrongPassword })).ok, false);
  assert.equal((await createClaimAction(null, { text: "x" })).ok, false);

  // Errors and objects that hold secrets, as a careless caller might log them.
  const stored = await db.user.findUniqueOrThrow({ where: { id: checker.id }, select: { passwordHash: true } });
  systemLog().error({ err: new Error(`connect failed for postgresql://claimdesk:${wrongPassword}@db:5432/claimdesk`) }, "database error");
  loggerFor("test-request").warn(
    { password: wrongPassword, user: { passwordHash: stored.passwordHash }, headers: { cookie: "next-auth.session-token=cookie-value-9f8e7d", authorization: "Bearer xyz" }, NEXTAUTH_SECRET: "s3cret-value" },
    "careless",
  );
  loggerFor("test-request").info(`hash leaked in a message: ${stored.passwordHash}`);

  assert.ok(lines.length >= 10, `expected log lines, got ${lines.length}`);
  const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const line of parsed) assert.equal(typeof line.requestId, "string", `no requestId: ${JSON.stringify(line)}`);
  assert.ok(parsed.some((l) => l.event === "auth.sign_in" && l.outcome === "wrong_credentials"));
  assert.ok(parsed.some((l) => l.event === "action" && l.action === "user.manage" && l.outcome === "ok"));
  assert.ok(parsed.some((l) => l.event === "action" && l.outcome === "FORBIDDEN"));
  assert.ok(parsed.some((l) => l.event === "action" && l.outcome === "VALIDATION"));

  const all = lines.join("\n");
  for (const secret of [wrongPassword, newPassword, resetPassword, TEST_PASSWORD, stored.passwordHash, "cookie-value-9f8e7d", "Bearer xyz", "s3cret-value"]) {
    assert.ok(!all.includes(secret), `a log line holds a secret: ${secret}\n${lines.filter((l) => l.includes(secret)).join("\n")}`);
  }
  assert.ok(!/scrypt\$\d+\$/.test(all), "no password hash in any line");
});
