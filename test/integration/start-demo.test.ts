// `npm start` on PostgreSQL: no demo accounts unless asked (--demo or CLAIMDESK_DEMO=1), the demo
// accounts printed when they are loaded, and a start refused while an account keeps a demo password.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { withPostgres } from "../../lib/db/connect";
import { demoUsers } from "../../prisma/seed-data";
import { freePort } from "../support/ports";

const base = new URL(process.env.DATABASE_URL!);
const dbUrl = Object.assign(new URL(base), { pathname: `/${base.pathname.slice(1)}_start_${process.pid}` }).toString();
const name = new URL(dbUrl).pathname.slice(1);
const admin = Object.assign(new URL(base), { pathname: "/postgres" }).toString();

before(() => withPostgres(admin, (sql) => sql.exec(`CREATE DATABASE "${name}"`)));
after(() => withPostgres(admin, (sql) => sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

/** Runs scripts/start.ts --no-build until it serves (then stops it) or exits; returns its output. */
async function start(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  // Not the test runner's NODE_ENV ("test"; npm start sets production itself), demo switch or HOST.
  const inherited = Object.entries(process.env).filter(([key]) => !["NODE_ENV", "CLAIMDESK_DEMO", "HOST"].includes(key));
  const own = { DATABASE_URL: dbUrl, NEXTAUTH_SECRET: "s".repeat(40), PORT: String(await freePort()), ...env };
  const childEnv = Object.fromEntries([...inherited, ...Object.entries(own)]);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build", ...args], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("claimdesk: serving on") && child.pid) process.kill(-child.pid, "SIGTERM");
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  return { code, output };
}

const demoCount = () =>
  withPostgres(dbUrl, async (sql) => (await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE email = ANY($1)", [demoUsers.map((u) => u.email)]))[0]?.n);

test("npm start with DATABASE_URL migrates but creates no demo account", async () => {
  const { output } = await start([]);
  assert.match(output, /migrations applied/);
  assert.doesNotMatch(output, /demo/i);
  assert.equal(await demoCount(), 0);
});

test("npm start -- --demo loads the demo and prints its accounts; serving on this machine only", async () => {
  const { output } = await start(["--demo"]);
  assert.match(output, /demo data loaded/);
  for (const user of demoUsers) assert.ok(output.includes(`${user.email.padEnd(26)} ${user.password}`), `${user.email} printed`);
  assert.match(output, /serving on http:\/\/localhost:\d+ \(this machine only; HOST=0\.0\.0\.0 serves the network\)/);
  assert.equal(await demoCount(), demoUsers.length);
});

test("a production start refuses to run while an account keeps its demo password, before building", async () => {
  const { code, output } = await start([]);
  assert.equal(code, 1);
  assert.match(output, /Refusing to start in production: .*admin@claimdesk\.test.* demo password, published in the README/);
  assert.match(output, /npm run user:password -- --email /);
  assert.doesNotMatch(output, /serving on|next build/);
  // CLAIMDESK_DEMO=1 says it is a demo: allowed.
  const demo = await start([], { CLAIMDESK_DEMO: "1" });
  assert.match(demo.output, /demo data already there/);
});
