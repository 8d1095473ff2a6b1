import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildAuthOptions, sessionCookiePolicy } from "./options";
import { parseEnv, type Env } from "../env";

const SECRET = "s".repeat(40);
const env = (overrides: Record<string, string>): Env =>
  parseEnv({ NODE_ENV: "production", PGLITE_DIR: ".data/pglite", PUBLIC_BASE_URL: "https://desk.example", NEXTAUTH_SECRET: SECRET, ...overrides });

describe("session cookie", () => {
  test("production: Secure with the __Secure- prefix, HttpOnly, SameSite=Lax, whole site", () => {
    const options = buildAuthOptions(env({ NODE_ENV: "production", NEXTAUTH_URL: "https://desk.example" }));
    assert.equal(options.useSecureCookies, true);
    assert.deepEqual(options.cookies?.sessionToken, {
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  test("production over plain http still asks for Secure (browsers only relax it for localhost)", () => {
    assert.equal(sessionCookiePolicy({ NODE_ENV: "production", NEXTAUTH_URL: "http://desk.example" }).secure, true);
  });

  test("development: not Secure (plain http), still HttpOnly and SameSite=Lax; https makes it Secure", () => {
    const dev = sessionCookiePolicy({ NODE_ENV: "development", NEXTAUTH_URL: undefined });
    assert.deepEqual(dev.sessionToken, { name: "next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } });
    assert.equal(sessionCookiePolicy({ NODE_ENV: "development", NEXTAUTH_URL: "https://desk.example" }).secure, true);
  });

  test("sessions are JWTs that expire within a working day", () => {
    const options = buildAuthOptions(env({}));
    assert.equal(options.session?.strategy, "jwt");
    assert.ok((options.session?.maxAge ?? Infinity) <= 12 * 60 * 60);
  });
});

describe("redirect callback", () => {
  test("keeps next-auth on this site", async () => {
    const redirect = buildAuthOptions(env({})).callbacks!.redirect!;
    const baseUrl = "https://desk.example";
    assert.equal(await redirect({ url: "/desk/review", baseUrl }), "https://desk.example/desk/review");
    for (const url of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      assert.equal(new URL(await redirect({ url, baseUrl })).origin, baseUrl, url);
    }
  });
});
