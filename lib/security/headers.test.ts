import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { NextConfig } from "next";
import { checkRequestOrigin, contentSecurityPolicy, createNonce, STATIC_SECURITY_HEADERS } from "./headers";

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("Content-Security-Policy", () => {
  test("scripts need this response's nonce; no inline or eval in production", () => {
    const csp = directives(contentSecurityPolicy("abc123=="));
    assert.deepEqual(csp.get("script-src"), ["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
    assert.deepEqual(csp.get("object-src"), ["'none'"]);
    assert.deepEqual(csp.get("base-uri"), ["'none'"]);
    assert.deepEqual(csp.get("form-action"), ["'self'"]);
    for (const [name, values] of csp) {
      if (name !== "style-src") assert.ok(!values.includes("'unsafe-inline'"), `${name} allows inline`);
      assert.ok(!values.includes("'unsafe-eval'"), `${name} allows eval`);
      assert.ok(!values.includes("*") && !values.includes("https:") && !values.includes("data:") || name === "img-src", `${name} is too broad`);
    }
  });

  test("'unsafe-eval' only for next dev", () => {
    assert.match(contentSecurityPolicy("n", { development: true }), /script-src [^;]*'unsafe-eval'/);
  });

  test("nonces are 128 random bits, fresh each time, in the form Next reads from the policy", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
      assert.equal(Buffer.from(nonce, "base64").length, 16);
    }
  });
});

describe("static security headers", () => {
  test("HSTS for two years with subdomains, no framing, no sniffing, a strict referrer policy", () => {
    assert.equal(STATIC_SECURITY_HEADERS["Strict-Transport-Security"], "max-age=63072000; includeSubDomains");
    assert.equal(STATIC_SECURITY_HEADERS["X-Frame-Options"], "DENY");
    assert.equal(STATIC_SECURITY_HEADERS["X-Content-Type-Options"], "nosniff");
    assert.equal(STATIC_SECURITY_HEADERS["Referrer-Policy"], "strict-origin-when-cross-origin");
  });

  test("next.config.js sends them on every path and allows no extra Server Action origins", async () => {
    const configPath: string = "../../next.config.js";
    const nextConfig = ((await import(configPath)) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    assert.equal(rules.length, 1);
    assert.equal(rules[0]!.source, "/:path*");
    assert.deepEqual(Object.fromEntries(rules[0]!.headers.map((h) => [h.key, h.value])), STATIC_SECURITY_HEADERS);
    assert.equal(nextConfig.experimental?.serverActions?.allowedOrigins, undefined);
    const code = readFileSync("next.config.js", "utf8").replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /allowedOrigins/);
  });
});

describe("Origin check for writes", () => {
  const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers({ host: "desk.example:3000", ...headers }) });

  test("reads pass whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      assert.deepEqual(checkRequestOrigin(request(method, { origin: "https://evil.example" })), { ok: true });
    }
  });

  test("a write from this host passes (Host, or the forwarding proxy's x-forwarded-host)", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      assert.deepEqual(checkRequestOrigin(request(method, { origin: "http://desk.example:3000" })), { ok: true });
    }
    assert.deepEqual(checkRequestOrigin(request("POST", { origin: "https://news.example", "x-forwarded-host": "news.example" })), { ok: true });
  });

  test("a write with a foreign, null, missing or malformed Origin is refused", () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ origin: "https://evil.example" }, "foreign Origin"],
      [{ origin: "http://desk.example:3001" }, "foreign Origin"],
      [{ origin: "http://desk.example.evil.example:3000" }, "foreign Origin"],
      [{ origin: "null" }, "null Origin"],
      [{}, "missing Origin"],
      [{ origin: "not a url" }, "malformed Origin"],
      [{ origin: "ftp://desk.example:3000" }, "foreign Origin"],
    ];
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const [headers, reason] of cases) {
        assert.deepEqual(checkRequestOrigin(request(method, headers)), { ok: false, reason }, `${method} ${JSON.stringify(headers)}`);
      }
    }
  });

  test("without a Host there is nothing to compare with, so the write is refused", () => {
    assert.equal(checkRequestOrigin({ method: "POST", headers: new Headers({ origin: "http://desk.example" }) }).ok, false);
  });
});
