import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { parseEnv } from "../../lib/env";

// `npm start` with bad configuration stops before building, with one line naming the problem.
function start(env: Record<string, string | undefined>) {
  const merged: Record<string, string | undefined> = { ...process.env, NEXTAUTH_SECRET: undefined, NODE_ENV: undefined, ...env };
  const childEnv = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], { env: childEnv as NodeJS.ProcessEnv, encoding: "utf8", timeout: 180_000 });
  const lines = result.stderr.trim().split("\n").filter(Boolean);
  return { status: result.status, lines, stdout: result.stdout };
}

test("a malformed DATABASE_URL stops start-up with a message naming it", () => {
  const { status, lines } = start({ DATABASE_URL: "not a url" });
  assert.equal(status, 1);
  assert.deepEqual(lines, ["Configuration error: DATABASE_URL: DATABASE_URL must look like postgresql://user@host:5432/database"]);
});

test("an unreachable database stops start-up with a message naming it", () => {
  const { status, lines } = start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/claimdesk" });
  assert.equal(status, 1);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^claimdesk: Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/claimdesk\): .*ECONNREFUSED/);
});

test("production without NEXTAUTH_SECRET stops start-up with a message naming it", () => {
  const { status, lines } = start({ NODE_ENV: "production", PUBLIC_BASE_URL: "https://factcheck.example", DATABASE_URL: process.env.DATABASE_URL });
  assert.equal(status, 1);
  assert.deepEqual(lines, ["Configuration error: NEXTAUTH_SECRET is missing; production needs a secret of at least 32 characters"]);
});

test("a secret that is too short is refused too", () => {
  const { status, lines } = start({ NODE_ENV: "production", NEXTAUTH_SECRET: "short", DATABASE_URL: process.env.DATABASE_URL });
  assert.equal(status, 1);
  assert.deepEqual(lines, ["Configuration error: NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters"]);
});

test("production without PUBLIC_BASE_URL stops start-up with a message naming it", () => {
  const secret = "a-production-secret-0123456789-abcdef";
  const { status, lines } = start({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, DATABASE_URL: process.env.DATABASE_URL });
  assert.equal(status, 1);
  assert.deepEqual(lines, ["Configuration error: PUBLIC_BASE_URL is missing; production needs the address readers use, such as https://factcheck.example"]);
});

test("PUBLIC_BASE_URL: kept as given (without a trailing slash), derived from the real port locally, never a bad scheme", () => {
  assert.equal(parseEnv({ NODE_ENV: "production", PUBLIC_BASE_URL: "https://factcheck.example/" }).PUBLIC_BASE_URL, "https://factcheck.example");
  assert.equal(parseEnv({ NODE_ENV: "development", PORT: "3999" }).PUBLIC_BASE_URL, "http://localhost:3999");
  assert.equal(parseEnv({ NODE_ENV: "test" }).PUBLIC_BASE_URL, "http://localhost:3000");
  assert.throws(() => parseEnv({ NODE_ENV: "production" }), /PUBLIC_BASE_URL is missing/);
  assert.throws(() => parseEnv({ NODE_ENV: "development", PUBLIC_BASE_URL: "javascript:alert(1)" }), /PUBLIC_BASE_URL/);
});

test("production without the log's signing key stops start-up with a message naming it", () => {
  const production = { NODE_ENV: "production", NEXTAUTH_SECRET: "a-production-secret-0123456789-abcdef", PUBLIC_BASE_URL: "https://factcheck.example", DATABASE_URL: process.env.DATABASE_URL };
  const missing = start({ ...production, LEDGER_SIGNING_KEY_FILE: undefined });
  assert.equal(missing.status, 1);
  assert.deepEqual(missing.lines, [
    "Configuration error: LEDGER_SIGNING_KEY_FILE is missing; production needs the Ed25519 key that signs the public log (create one with npm run ledger:keygen -- <file>)",
  ]);
  const notAKey = start({ ...production, LEDGER_SIGNING_KEY_FILE: "package.json" });
  assert.equal(notAKey.status, 1);
  assert.equal(notAKey.lines.length, 1);
  assert.match(notAKey.lines[0]!, /^Configuration error: LEDGER_SIGNING_KEY_FILE: cannot read an Ed25519 private key from package\.json/);
});
