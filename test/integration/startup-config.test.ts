import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

// `npm start` with bad configuration stops before building, with one line naming the problem.
function start(env: Record<string, string | undefined>) {
  const merged: Record<string, string | undefined> = { ...process.env, NEXTAUTH_SECRET: undefined, NODE_ENV: undefined, ...env };
  const childEnv = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], { env: childEnv as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
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
  const { status, lines } = start({ NODE_ENV: "production", DATABASE_URL: process.env.DATABASE_URL });
  assert.equal(status, 1);
  assert.deepEqual(lines, ["Configuration error: NEXTAUTH_SECRET is missing; production needs a secret of at least 32 characters"]);
});

test("a secret that is too short is refused too", () => {
  const { status, lines } = start({ NODE_ENV: "production", NEXTAUTH_SECRET: "short", DATABASE_URL: process.env.DATABASE_URL });
  assert.equal(status, 1);
  assert.deepEqual(lines, ["Configuration error: NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters"]);
});
