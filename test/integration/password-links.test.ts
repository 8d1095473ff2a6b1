import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { resetLinkToken, tokenOf } from "../support/password-links";
import { requireActor } from "../../lib/auth/actor";
import { verifyPassword } from "../../lib/auth/password";
import { findOpenPasswordLink, LINK_NOT_VALID, tokenDigest } from "../../lib/auth/password-links";
import { signIn } from "../../lib/auth/sign-in";
import { AppError } from "../../lib/errors";
import { listUsers } from "../../lib/data/users";
import { sendPasswordLinkEmail } from "../../lib/password-link-mail";
import { setPasswordWithLink } from "../../lib/services/password-links";
import { createPasswordLink, createUser as inviteUser, setUserDisabled } from "../../lib/services/users";
import { smtpSink } from "../support/smtp-sink";

describe("one-time links to set a password", async () => {
  const db = await testDb();
  const admin = await createUser(db, "ADMIN");
  // Each test its own address, so the throttle of one test never answers another.
  const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${unique("ip")}`;
  const use = (token: string, password: string, from = ip()) => setPasswordWithLink(db, { token, password, confirmPassword: password }, from);
  const notValid = (result: Awaited<ReturnType<typeof use>>) => {
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.code, "NOT_FOUND");
      assert.equal(result.message, LINK_NOT_VALID);
    }
  };

  test("an invitation: the person chooses a password through the link, signs in, and the audit says who did what", async () => {
    const email = `${unique("invited")}@claimdesk.test`;
    const invited = await inviteUser(admin.session, { email, name: "Invited Person", role: "EDITOR" });
    assert.equal(invited.ok, true, JSON.stringify(invited));
    if (!invited.ok) return;
    const token = tokenOf(invited.data.url);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/, "32 random bytes in base64url");
    assert.equal(invited.data.purpose, "INVITE");
    const hours = (invited.data.expiresAt.getTime() - Date.now()) / 3_600_000;
    assert.ok(hours > 71.9 && hours <= 72, `an invitation lasts 72 h, got ${hours}`);

    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true } });
    const [row] = await db.passwordLink.findMany({ where: { userId: user.id } });
    assert.equal(row?.tokenSha256, tokenDigest(token), "only the SHA-256 is stored");
    assert.ok(!JSON.stringify(await db.passwordLink.findMany({ where: { userId: user.id } })).includes(token), "the token itself is nowhere in the table");
    assert.ok(!JSON.stringify(await db.auditLog.findMany({ where: { entityId: user.id }, select: { before: true, after: true } })).includes(token), "nor in the audit log");
    // Before the link is used, nobody can sign in: the account's password is unknown to all.
    assert.equal((await signIn(db, { email, password: TEST_PASSWORD }, ip())).ok, false);

    const done = await use(token, "my own invited passphrase");
    assert.deepEqual(done, { ok: true, data: { purpose: "INVITE" } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    assert.ok(await verifyPassword("my own invited passphrase", after.passwordHash));
    assert.equal((await signIn(db, { email, password: "my own invited passphrase" }, ip())).ok, true);

    const audit = await db.auditLog.findMany({ where: { entityType: "user", entityId: user.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, after: true } });
    assert.deepEqual(audit.map((a) => [a.action, a.actorId]), [["user.create", admin.id], ["user.password_set", null]]);
    assert.ok(!JSON.stringify(audit).includes("scrypt") && !JSON.stringify(audit).includes("passphrase"), "no password or hash in the audit");
  });

  test("a reset link ends the person's sessions when used, not before, and the old password stops working", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const token = await resetLinkToken(admin.session, checker.id);
    const link = await db.passwordLink.findFirstOrThrow({ where: { userId: checker.id } });
    const minutes = (link.expiresAt.getTime() - link.createdAt.getTime()) / 60_000;
    assert.equal(minutes, 60, "a reset link lasts one hour");
    // Making the link changes nothing yet: a mistaken click locks nobody out.
    assert.equal((await requireActor(db, checker.session, "claim.create")).id, checker.id);

    assert.equal((await use(token, "a brand new passphrase")).ok, true);
    await assert.rejects(requireActor(db, checker.session, "claim.create"), (e) => e instanceof AppError && e.code === "UNAUTHENTICATED");
    assert.equal((await signIn(db, { email: checker.email, password: TEST_PASSWORD }, ip())).ok, false, "the old password no longer works");
    assert.equal((await signIn(db, { email: checker.email, password: "a brand new passphrase" }, ip())).ok, true);
    const audit = await db.auditLog.findMany({ where: { entityId: checker.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    assert.deepEqual(audit, [{ action: "user.password_link", actorId: admin.id }, { action: "user.password_set", actorId: null }]);
  });

  test("a used link cannot be used again", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const token = await resetLinkToken(admin.session, checker.id);
    assert.equal((await use(token, "the first new passphrase")).ok, true);
    notValid(await use(token, "a second new passphrase"));
    const row = await db.user.findUniqueOrThrow({ where: { id: checker.id }, select: { passwordHash: true } });
    assert.ok(await verifyPassword("the first new passphrase", row.passwordHash));
    assert.equal(await findOpenPasswordLink(db, token), null);
  });

  test("two uses at once: exactly one sets the password", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const token = await resetLinkToken(admin.session, checker.id);
    const results = await Promise.all([use(token, "racing passphrase one"), use(token, "racing passphrase two")]);
    assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
    assert.equal(await db.auditLog.count({ where: { entityId: checker.id, action: "user.password_set" } }), 1);
  });

  test("an expired link is refused with the same sentence and changes nothing", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const token = await resetLinkToken(admin.session, checker.id);
    const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await db.passwordLink.updateMany({ where: { userId: checker.id }, data: { createdAt: past, expiresAt: new Date(past.getTime() + 60 * 60 * 1000) } });
    const before = await db.user.findUniqueOrThrow({ where: { id: checker.id }, select: { passwordHash: true, sessionVersion: true } });
    notValid(await use(token, "too late passphrase"));
    assert.deepEqual(await db.user.findUniqueOrThrow({ where: { id: checker.id }, select: { passwordHash: true, sessionVersion: true } }), before);
    assert.equal(await db.auditLog.count({ where: { entityId: checker.id, action: "user.password_set" } }), 0);
  });

  test("a newer link voids the older one", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const older = await resetLinkToken(admin.session, checker.id);
    const newer = await resetLinkToken(admin.session, checker.id);
    notValid(await use(older, "from the old link"));
    assert.equal((await use(newer, "from the new link!")).ok, true);
    const links = await db.passwordLink.findMany({ where: { userId: checker.id }, orderBy: { createdAt: "asc" }, select: { usedAt: true, voidedAt: true } });
    assert.equal(links.length, 2);
    assert.ok(links[0]?.voidedAt && !links[0].usedAt);
    assert.ok(links[1]?.usedAt && !links[1].voidedAt);
  });

  test("the users list marks an invited person until they choose a password, and says when the link lapsed", async () => {
    const email = `${unique("pending")}@claimdesk.test`;
    const invited = await inviteUser(admin.session, { email, name: "Pending Person", role: "FACT_CHECKER" });
    assert.equal(invited.ok, true, JSON.stringify(invited));
    if (!invited.ok) return;
    const listed = async () => (await listUsers(email)).map((u) => u.invitation);
    assert.deepEqual(await listed(), [{ open: true, expiresAt: invited.data.expiresAt.toISOString() }]);

    // The invitation lapses: still invited, the link no longer works.
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const past = new Date(Date.now() - 60_000);
    await db.passwordLink.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(past.getTime() - 72 * 3_600_000), expiresAt: past } });
    assert.deepEqual(await listed(), [{ open: false, expiresAt: past.toISOString() }]);

    // A new link (a reset link to the same person) opens it again; using it ends the invitation.
    const token = await resetLinkToken(admin.session, user.id);
    assert.equal((await listed())[0]?.open, true);
    assert.equal((await use(token, "my own chosen passphrase")).ok, true);
    assert.deepEqual(await listed(), [null]);

    // Accounts made otherwise (the seed, the operator's command) were never invited.
    const made = await createUser(db, "EDITOR");
    assert.deepEqual((await listUsers(made.email)).map((u) => u.invitation), [null]);
  });

  test("unknown, malformed and disabled-account links get one answer; the person is never named", async () => {
    notValid(await use("A".repeat(43), "some long passphrase"));
    notValid(await use("not a token", "some long passphrase"));
    notValid(await setPasswordWithLink(db, null, ip()));
    const checker = await createUser(db, "FACT_CHECKER");
    const token = await resetLinkToken(admin.session, checker.id);
    assert.equal((await setUserDisabled(admin.session, { userId: checker.id, disabled: true })).ok, true);
    const result = await use(token, "some long passphrase");
    notValid(result);
    assert.ok(!JSON.stringify(result).includes(checker.email));
  });

  test("the password rules hold, and a refused password leaves the link usable", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const token = await resetLinkToken(admin.session, checker.id);
    for (const [password, confirmPassword, field] of [
      ["short", "short", "password"],
      ["admin-demo-pass", "admin-demo-pass", "password"],
      ["a long enough passphrase", "a different passphrase", "confirmPassword"],
    ] as const) {
      const result = await setPasswordWithLink(db, { token, password, confirmPassword }, ip());
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.fieldErrors?.[field], `${password}: ${JSON.stringify(result)}`);
    }
    assert.ok(await findOpenPasswordLink(db, token), "still open");
    assert.equal((await use(token, "a long enough passphrase")).ok, true);
  });

  test("guessing is bounded per address by the sign-in throttle", async () => {
    const from = ip();
    const outcomes = [];
    for (let i = 0; i < 7; i += 1) outcomes.push((await use(`${"B".repeat(38)}${String(i).padStart(5, "0")}`, "some long passphrase", from)).ok ? "ok" : "refused");
    const last = await use("C".repeat(43), "some long passphrase", from);
    assert.equal(last.ok, false);
    if (!last.ok) assert.equal(last.code, "RATE_LIMITED");
    // A valid link from that address is refused too while the window lasts; another address is free.
    const checker = await createUser(db, "FACT_CHECKER");
    const token = await resetLinkToken(admin.session, checker.id);
    const paused = await use(token, "some long passphrase", from);
    assert.equal(!paused.ok && paused.code, "RATE_LIMITED");
    assert.equal((await use(token, "some long passphrase")).ok, true);
  });

  test("only admins make invitations and reset links", async () => {
    const target = await createUser(db, "FACT_CHECKER");
    for (const role of ["FACT_CHECKER", "EDITOR"] as const) {
      const caller = await createUser(db, role);
      const email = `${unique("nope")}@claimdesk.test`;
      const invite = await inviteUser(caller.session, { email, name: "Nope", role: "ADMIN" });
      const reset = await createPasswordLink(caller.session, { userId: target.id });
      for (const result of [invite, reset]) assert.equal(!result.ok && result.code, "FORBIDDEN");
      assert.equal(await db.user.count({ where: { email } }), 0);
    }
    const anonymous = await createPasswordLink(null, { userId: target.id });
    assert.equal(!anonymous.ok && anonymous.code, "UNAUTHENTICATED");
    assert.equal(await db.passwordLink.count({ where: { userId: target.id } }), 0);
    assert.equal(await db.auditLog.count({ where: { entityId: target.id } }), 0);
  });

  test("the e-mail copy goes out only with SMTP_URL, to the person, with the link and no password", async (t) => {
    const { url: smtpUrl, received } = await smtpSink(t);
    const message = { to: "person@claimdesk.test", name: "Person", purpose: "INVITE" as const, url: `http://desk.test/set-password/${"T".repeat(43)}`, expiresAt: new Date() };

    assert.equal(await sendPasswordLinkEmail(message, { SMTP_URL: undefined, SMTP_FROM: "desk <desk@localhost>" }), false);
    assert.equal(received.length, 0);
    assert.equal(await sendPasswordLinkEmail(message, { SMTP_URL: smtpUrl, SMTP_FROM: "desk <desk@localhost>" }), true);
    assert.equal(received.length, 1);
    assert.equal(received[0]?.to, "person@claimdesk.test");
    // Quoted-printable wraps long lines with "=" at the end.
    assert.match((received[0]?.data ?? "").replace(/=\r\n/g, ""), /set-password\/T{43}/);
    // The tests' environment has no SMTP_URL: the admin gets the link, and nothing was mailed.
    const checker = await createUser(db, "FACT_CHECKER");
    const issued = await createPasswordLink(admin.session, { userId: checker.id });
    assert.equal(issued.ok && issued.data.emailed, false);
  });
});
