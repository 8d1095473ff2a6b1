import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { createClaim, createUser, TEST_PASSWORD } from "../support/factories";
import { pagePath, postAction, readActionManifest, servers, signInOrThrow, signInOverHttp } from "./support/client";
import { unique } from "./support/fixtures";

/*
 * Class: state that only the client forgets. Sign-out must end the session on the server (a copy
 * of the cookie kept by an attacker or a shared machine runs nothing afterwards), and the address
 * the sign-in limits count must be the connection's, not one the client names in X-Forwarded-For.
 */

const db = await testDb();
const transition = readActionManifest().find((a) => a.name === "transitionClaimAction")!;

async function signOut(base: string, cookie: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: `${cookie}; ${csrfCookie}` },
    body: new URLSearchParams({ csrfToken, callbackUrl: base, json: "true" }),
  });
  return response.status;
}

for (const server of servers()) {
  describe(`sessions end on the server (${server.name})`, () => {
    test("after sign-out the old cookie runs no action and opens no desk page", async () => {
      const user = await createUser(db, "EDITOR");
      const cookie = await signInOrThrow(server.url, user.email, TEST_PASSWORD);
      const claim = await createClaim(db);
      const path = pagePath(transition.pages[0]!, { slug: claim.slug });
      // Control: the cookie works before sign-out.
      const before = await postAction(server.url, { id: transition.id, path, cookie, fields: { id: claim.id, to: "RESEARCHING" } });
      assert.equal(before.result?.ok, true, before.text.slice(0, 300));
      const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });

      assert.ok((await signOut(server.url, cookie)) < 400);
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
      assert.equal(after.sessionVersion, sessionVersion + 1, "the session version moved");

      const replay = await postAction(server.url, { id: transition.id, path, cookie, fields: { id: claim.id, to: "VERDICT_DRAFTED" } });
      assert.ok(replay.result?.code === "UNAUTHENTICATED" || (replay.location ?? "").includes("/login"), replay.text.slice(0, 300));
      const desk = await fetch(`${server.url}/desk/claims`, { headers: { cookie }, redirect: "manual" });
      assert.ok(desk.status >= 300 && desk.status < 400, `desk after sign-out: ${desk.status}`);
      // Signing in again works.
      assert.ok((await signInOverHttp(server.url, user.email, TEST_PASSWORD)).cookie);
    });

    test("a forged X-Forwarded-For is not the address the sign-in limits count", async () => {
      const email = `${unique("forged")}@claimdesk.test`;
      const forged = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      const csrf = await fetch(`${server.url}/api/auth/csrf`);
      const jar = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: server.url, "x-forwarded-for": forged, "x-real-ip": forged },
        body: new URLSearchParams({ email, password: "wrong password", csrfToken, json: "true" }),
      });
      const rows = await db.loginAttempt.findMany({ where: { email }, select: { ip: true } });
      assert.equal(rows.length, 1);
      assert.notEqual(rows[0]!.ip, forged);
      assert.match(rows[0]!.ip, /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
    });
  });
}
