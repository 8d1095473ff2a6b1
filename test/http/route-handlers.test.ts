import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { testDb } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { pagePath, postAction, readActionManifest, servers, signInOverHttp } from "./support/client";
import { fingerprint, signedInUser, unique } from "./support/fixtures";

/*
 * Mutating Route Handlers over HTTP: next-auth's (POST sign-in and sign-out), here, and the reader forms' (reader-requests.test.ts);
 * the public API, feeds and export are GET-only (fuzzed in public-fuzz.test.ts). A new route.ts that
 * exports POST, PUT, PATCH or DELETE fails the coverage test until it gets a scenario here.
 */

const db = await testDb();
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** The HTTP methods a route.ts exports (`export function POST`, `export const POST`, `export { h as POST }`). */
function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) methods.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) methods.add(name);
    }
  }
  return [...methods].filter((name) => ["GET", "HEAD", "OPTIONS", ...MUTATING].includes(name));
}

function routeFiles(dir = "app"): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^route\.(ts|tsx|js)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

// The reader forms' POST /reader-requests has its scenarios, limits and fuzz in reader-requests.test.ts.
const COVERED_MUTATING_ROUTES = ["app/api/auth/[...nextauth]/route.ts", "app/reader-requests/route.ts"];

test("coverage: every Route Handler that accepts POST, PUT, PATCH or DELETE has scenarios here", () => {
  const mutating = routeFiles().filter((file) => exportedMethods(readFileSync(file, "utf8")).some((m) => (MUTATING as readonly string[]).includes(m)));
  assert.ok(mutating.length > 0, "next-auth's handler accepts POST");
  assert.deepEqual(mutating, COVERED_MUTATING_ROUTES);
});

test("coverage: the method detection sees every export style", () => {
  assert.deepEqual(exportedMethods("export { handler as GET, handler as POST };").sort(), ["GET", "POST"]);
  assert.deepEqual(exportedMethods("export async function DELETE() {}\nexport const PATCH = () => 1;"), ["DELETE", "PATCH"]);
  assert.deepEqual(exportedMethods("export const dynamic = 'force-dynamic';\nexport function GET() {}"), ["GET"]);
});

const changeRole = readActionManifest().find((a) => a.name === "changeUserRoleAction")!;

for (const server of servers()) {
  describe(`next-auth's POST /api/auth/callback/credentials per caller (${server.name})`, () => {
    async function session(cookie: string) {
      const response = await fetch(`${server.url}/api/auth/session`, { headers: { cookie } });
      return (await response.json()) as { userId?: string };
    }
    async function deskStatus(cookie: string | null) {
      const response = await fetch(`${server.url}/desk/claims`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      return { status: response.status, location: response.headers.get("location") ?? "" };
    }

    test("anonymous (no account): refused, no session cookie, nothing written", async () => {
      const snapshot = await fingerprint(db);
      const result = await signInOverHttp(server.url, `${unique("nobody")}@claimdesk.test`, "whatever it is");
      assert.equal(result.cookie, null);
      assert.match(result.location, /error=/);
      assert.deepEqual(await fingerprint(db), snapshot);
    });

    for (const role of ["FACT_CHECKER", "EDITOR", "ADMIN"] as const) {
      test(`${role}: allowed, and the cookie names the account`, async () => {
        const user = await createUser(db, role);
        const result = await signInOverHttp(server.url, user.email, TEST_PASSWORD);
        assert.ok(result.cookie, `signed in: ${result.location}`);
        assert.equal((await session(result.cookie)).userId, user.id);
        assert.equal((await deskStatus(result.cookie)).status, 200);
      });
    }

    test("a correct password without next-auth's CSRF token: refused", async () => {
      const user = await createUser(db, "ADMIN");
      const result = await signInOverHttp(server.url, user.email, TEST_PASSWORD, { csrf: false });
      assert.equal(result.cookie, null);
    });

    test("a wrong password: refused", async () => {
      const user = await createUser(db, "ADMIN");
      const result = await signInOverHttp(server.url, user.email, `${TEST_PASSWORD}!`);
      assert.equal(result.cookie, null);
    });

    test("disabled: refused with the reason, and an earlier cookie opens no desk page", async () => {
      const user = await createUser(db, "ADMIN");
      const earlier = await signInOverHttp(server.url, user.email, TEST_PASSWORD);
      assert.ok(earlier.cookie);
      await db.user.update({ where: { id: user.id }, data: { disabled: true, sessionVersion: { increment: 1 } } });
      const snapshot = await fingerprint(db);
      const result = await signInOverHttp(server.url, user.email, TEST_PASSWORD);
      assert.equal(result.cookie, null);
      assert.match(decodeURIComponent(result.location), /disabled/);
      assert.deepEqual(await fingerprint(db), snapshot, "only the sign-in attempt is recorded (login_attempts)");
      const desk = await deskStatus(earlier.cookie);
      assert.ok(desk.status >= 300 && desk.status < 400 && /\/login/.test(desk.location), `desk with a disabled account's cookie: ${desk.status}`);
    });

    test("demoted (editor -> fact-checker by an admin): the old cookie opens no desk page; signing in again is allowed", async () => {
      const admin = await signedInUser(db, server.url, "ADMIN");
      const user = await createUser(db, "EDITOR");
      const earlier = await signInOverHttp(server.url, user.email, TEST_PASSWORD);
      assert.ok(earlier.cookie);
      assert.equal((await deskStatus(earlier.cookie)).status, 200);
      const demote = await postAction(server.url, { id: changeRole.id, path: pagePath(changeRole.pages[0]!, {}), cookie: admin.cookie, fields: { userId: user.id, role: "FACT_CHECKER" } });
      assert.equal(demote.result?.ok, true, demote.text.slice(0, 300));
      const desk = await deskStatus(earlier.cookie);
      assert.ok(desk.status >= 300 && desk.status < 400 && /\/login/.test(desk.location), `desk with the pre-demotion cookie: ${desk.status}`);
      const again = await signInOverHttp(server.url, user.email, TEST_PASSWORD);
      assert.ok(again.cookie);
      assert.equal((await deskStatus(again.cookie)).status, 200);
    });

    test("anonymous desk pages: redirected to sign in (by the proxy, or by the page itself when the proxy is off)", async () => {
      const desk = await deskStatus(null);
      assert.ok(desk.status >= 300 && desk.status < 400 && /\/login/.test(desk.location), `anonymous /desk/claims: ${desk.status}`);
    });
  });
}
