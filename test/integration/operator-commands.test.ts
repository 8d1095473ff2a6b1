// `npm run user:create` and `npm run user:password`, run as an operator runs them (password on
// standard input), against the test database: same rules as the admin page, audited with the
// command and the OS user as actor; and the check that refuses a production start while an
// account keeps a published demo password.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import os from "node:os";
import { testDb, unique } from "../support/db";
import { verifyPassword, hashPassword } from "../../lib/auth/password";
import { PUBLISHED_PASSWORDS } from "../../lib/auth/published-passwords";
import { listAuditEntries } from "../../lib/data/audit";
import { findDemoPasswordAccounts, isDemoRequested } from "../../lib/seed/demo-policy";
import { demoUsers } from "../../prisma/seed-data";

function command(script: string, args: string[], stdin: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("operator commands", async () => {
  const db = await testDb();

  test("user:create makes the first admin from a password on stdin, audited with the command and OS user", async () => {
    const email = `${unique("first-admin")}@newsroom.example`;
    const out = command("scripts/user-create.ts", ["--email", email, "--name", "First Admin", "--role", "admin"], "a-long-first-secret\n");
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, new RegExp(`Created ADMIN ${email}`));
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, passwordHash: true } });
    assert.equal(user.role, "ADMIN");
    assert.ok(await verifyPassword("a-long-first-secret", user.passwordHash));
    const rows = await db.auditLog.findMany({ where: { entityType: "user", entityId: user.id } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.action, "user.create");
    assert.equal(rows[0]?.actorId, null);
    assert.deepEqual((rows[0]?.after as { operator: unknown }).operator, { command: "user:create", osUser: os.userInfo().username, host: os.hostname() });
    assert.ok(!JSON.stringify(rows[0]?.after).includes("scrypt"), "no hash in the audit row");
    const { entries } = await listAuditEntries({ entityId: user.id });
    assert.equal(entries[0]?.actorName, `command line (user:create, OS user ${os.userInfo().username})`);
  });

  test("user:create refuses what the admin page refuses, naming the field, and writes nothing", async () => {
    const email = `${unique("refused")}@newsroom.example`;
    const cases: Array<[string[], string, RegExp]> = [
      [["--email", email, "--name", "N", "--role", "admin"], "short\n", /password: Use at least 12 characters/],
      [["--email", email, "--name", "N", "--role", "admin"], `${PUBLISHED_PASSWORDS[4]}\n`, /password: This is a published demo password/],
      [["--email", "not-an-email", "--name", "N", "--role", "admin"], "a-long-first-secret\n", /email: Enter a valid email address/],
      [["--email", email, "--name", "N", "--role", "owner"], "a-long-first-secret\n", /role: Pick a role/],
    ];
    for (const [args, stdin, message] of cases) {
      const out = command("scripts/user-create.ts", args, stdin);
      assert.equal(out.code, 1, out.stdout);
      assert.match(out.stderr, message);
    }
    assert.equal(await db.user.count({ where: { email } }), 0);
    const missing = command("scripts/user-create.ts", ["--email", email], "a-long-first-secret\n");
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /usage: npm run user:create -- --email/);
  });

  test("user:create refuses an e-mail that exists", async () => {
    const email = `${unique("twice")}@newsroom.example`;
    assert.equal(command("scripts/user-create.ts", ["--email", email, "--name", "A", "--role", "editor"], "a-long-first-secret\n").code, 0);
    const again = command("scripts/user-create.ts", ["--email", email, "--name", "B", "--role", "admin"], "a-long-other-secret\n");
    assert.equal(again.code, 1);
    assert.match(again.stderr, /email: An account with this email already exists/);
    assert.equal((await db.user.findUniqueOrThrow({ where: { email }, select: { role: true } })).role, "EDITOR");
  });

  test("user:password unlocks an admin: new password, sessions ended, failed sign-ins cleared, audited", async () => {
    const email = `${unique("locked")}@newsroom.example`;
    const user = await db.user.create({ data: { email, name: "Locked", role: "ADMIN", passwordHash: await hashPassword("the-old-password-1") }, select: { id: true, sessionVersion: true } });
    await db.loginAttempt.createMany({ data: Array.from({ length: 6 }, () => ({ email, ip: "127.0.0.1", success: false })) });
    const out = command("scripts/user-password.ts", ["--email", email], "the-new-password-2\n");
    assert.equal(out.code, 0, out.stderr);
    const after = await db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true, sessionVersion: true } });
    assert.ok(await verifyPassword("the-new-password-2", after.passwordHash));
    assert.equal(after.sessionVersion, user.sessionVersion + 1);
    assert.equal(await db.loginAttempt.count({ where: { email, success: false } }), 0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.password_reset" } });
    assert.equal(audit.actorId, null);
    assert.equal((audit.after as { operator: { command: string } }).operator.command, "user:password");

    const unknown = command("scripts/user-password.ts", ["--email", `${unique("nobody")}@newsroom.example`], "the-new-password-2\n");
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No account with the email/);
  });

  test("the published passwords are exactly the demo accounts' passwords", () => {
    assert.deepEqual([...PUBLISHED_PASSWORDS].sort(), demoUsers.map((u) => u.password).sort());
  });

  test("an account is flagged while its stored hash matches its demo password, not for its e-mail", async () => {
    const email = `${unique("demo-like")}@claimdesk.test`;
    const demo = [{ email, password: "admin-demo-pass" }];
    await db.user.create({ data: { email, name: "Demo", role: "ADMIN", passwordHash: await hashPassword("admin-demo-pass") } });
    assert.deepEqual(await findDemoPasswordAccounts(db, demo), [email]);
    await db.user.update({ where: { email }, data: { passwordHash: await hashPassword("a-changed-password") } });
    assert.deepEqual(await findDemoPasswordAccounts(db, demo), []);
  });

  test("demo data is asked for only on the embedded database, by --demo or by CLAIMDESK_DEMO", () => {
    assert.equal(isDemoRequested({ embedded: true, argv: [], demoEnv: false }), true);
    assert.equal(isDemoRequested({ embedded: false, argv: [], demoEnv: false }), false);
    assert.equal(isDemoRequested({ embedded: false, argv: ["--demo"], demoEnv: false }), true);
    assert.equal(isDemoRequested({ embedded: false, argv: [], demoEnv: true }), true);
  });
});
