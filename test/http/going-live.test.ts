// The "Going live" runbook (docs/deployment.md), rehearsed as written on a fresh PostgreSQL database
// and role: migrate, the first admin with the command, build (the suite's fresh build is reused:
// one build per run), `npm run start:prod` on loopback, sign in as that admin; no demo account,
// security headers and a Secure session cookie. Then a production start is refused while an
// account keeps a demo password. Also: every server `npm start` runs (this suite's) listens on
// loopback only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { hashPassword } from "../../lib/auth/password";
import { withPostgres } from "../../lib/db/connect";
import { ensureLocalSigningKey } from "../../lib/ledger/signing-key";
import { demoUsers } from "../../prisma/seed-data";
import { servers, signInOverHttp } from "./support/client";
import { freePort } from "../support/ports";

const PORT = await freePort();
const base = `http://localhost:${PORT}`;
const suiteUrl = new URL(process.env.DATABASE_URL!);
const dbName = `${suiteUrl.pathname.slice(1)}_golive`;
const role = `${dbName}_owner`;
const rolePassword = "a-long-random-password";
const superuser = Object.assign(new URL(suiteUrl), { pathname: "/postgres" }).toString();
const ownerUrl = Object.assign(new URL(suiteUrl), { username: role, password: rolePassword, pathname: `/${dbName}` }).toString();
// The app's own role (least privilege), created once per cluster by a superuser: the owner may not.
const appRolePassword = "another-long-random-password";
const appUrl = Object.assign(new URL(suiteUrl), { username: "claimdesk_app", password: appRolePassword, pathname: `/${dbName}` }).toString();
const admin = { email: "editor-in-chief@newsroom.example", name: "Editor in Chief", password: "first-admin-secret-1" };
const runbook = readFileSync("docs/deployment.md", "utf8");

// The environment section of the runbook: production, a database, a secret, the public addresses.
const productionEnv = {
  NODE_ENV: "production",
  DATABASE_URL: appUrl,
  DATABASE_MIGRATION_URL: ownerUrl,
  LEDGER_SIGNING_KEY_FILE: ensureLocalSigningKey(),
  NEXTAUTH_SECRET: "going-live-secret-0123456789-0123456789",
  NEXTAUTH_URL: base,
  PUBLIC_BASE_URL: base,
  PORT: String(PORT),
  NEXT_TELEMETRY_DISABLED: "1",
};

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !["HOST", "CLAIMDESK_DEMO", "CLAIMDESK_DISABLE_PROXY", "DATABASE_URL"].includes(key));
  return Object.fromEntries([...inherited, ...Object.entries({ ...productionEnv, ...extra })]) as NodeJS.ProcessEnv;
}

/** Runs `npm run <args>` as the runbook shows it, after checking the runbook does show it. */
function npmRun(args: string[], stdin = "") {
  const shown = `npm run ${args[0]}`;
  assert.ok(runbook.includes(shown), `docs/deployment.md shows ${shown}`);
  return spawnSync("npm", ["run", "--silent", ...args], { env: childEnv(), input: stdin, encoding: "utf8" });
}

async function dropAll() {
  await withPostgres(superuser, async (sql) => {
    await sql.exec(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await sql.exec(`DROP ROLE IF EXISTS "${role}"`);
  });
}

let server: ChildProcess | undefined;

function startProd(port = PORT) {
  assert.ok(runbook.includes("npm run start:prod"));
  const child = spawn("npm", ["run", "--silent", "start:prod"], { env: childEnv({ PORT: String(port) }), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Stops a server started here and waits until its process has exited. */
async function stop(child: ChildProcess | undefined) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  await exited;
}

before(async () => {
  await dropAll();
  // 2. Database and roles: a login role without superuser owns the database.
  await withPostgres(superuser, async (sql) => {
    await sql.exec(`CREATE ROLE "${role}" LOGIN PASSWORD '${rolePassword}'`);
    await sql.exec(`CREATE DATABASE "${dbName}" OWNER "${role}"`);
    await sql.exec(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'claimdesk_app') THEN CREATE ROLE claimdesk_app LOGIN; END IF;
    END $$`);
    await sql.exec(`ALTER ROLE claimdesk_app PASSWORD '${appRolePassword}'`);
  });
});

after(async () => {
  await stop(server);
  await dropAll();
});

test("the runbook, rehearsed: migrate, first admin, build, start on loopback, sign in", async () => {
  // 5. Migrations (as the database's owner, not a superuser: pg_trgm is a trusted extension).
  const migrated = npmRun(["db:migrate"]);
  assert.equal(migrated.status, 0, migrated.stderr);
  assert.match(migrated.stdout, /Migrated PostgreSQL at .*_golive: \d+ applied, 0 already there/);

  // 6. The first admin, password on standard input as the runbook's scripted form shows.
  assert.ok(runbook.includes("printf '%s\\n' \"$ADMIN_PASSWORD\" | npm run user:create"));
  const created = npmRun(["user:create", "--", "--email", admin.email, "--name", admin.name, "--role", "admin"], `${admin.password}\n`);
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /Created ADMIN editor-in-chief@newsroom\.example/);

  // 7. Build (npm run build reuses the suite's build when its content hash matches) and start.
  const build = npmRun(["build"]);
  assert.equal(build.status, 0, build.stderr);
  const prod = startProd();
  server = prod.child;
  const deadline = Date.now() + 90_000;
  let home: Response | undefined;
  while (!home && Date.now() < deadline) {
    home = await fetch(`${base}/`).catch(() => undefined);
    if (!home) await new Promise((resolve) => setTimeout(resolve, 300));
  }
  assert.ok(home, `start:prod did not answer: ${prod.output()}`);
  assert.equal(home.status, 200);

  // Loopback only: every socket listening on the port is bound to 127.0.0.1 / ::1.
  assert.deepEqual(listeningAddresses(PORT).filter((a) => !isLoopback(a)), []);
  assert.ok(listeningAddresses(PORT).length > 0);

  // Security headers, on the public page and the desk's sign-in page.
  for (const path of ["/", "/login"]) {
    const response = await fetch(`${base}${path}`);
    assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'self'/, path);
    assert.equal(response.headers.get("x-frame-options"), "DENY", path);
    assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
    assert.match(response.headers.get("strict-transport-security") ?? "", /max-age=\d+/, path);
    assert.ok(response.headers.get("referrer-policy"), path);
  }

  // Sign in as the first admin: a Secure, HttpOnly session cookie; the admin page opens.
  const signedIn = await signInOverHttp(base, admin.email, admin.password);
  assert.ok(signedIn.cookie, `sign-in refused: ${signedIn.status} ${signedIn.location}`);
  assert.match(signedIn.setCookie ?? "", /^__Secure-next-auth\.session-token=/);
  assert.match(signedIn.setCookie ?? "", /;\s*Secure/i);
  assert.match(signedIn.setCookie ?? "", /;\s*HttpOnly/i);
  const users = await fetch(`${base}/desk/admin/users`, { headers: { cookie: signedIn.cookie } });
  assert.equal(users.status, 200);
  assert.ok((await users.text()).includes(admin.email));

  // No demo account exists, and the demo admin cannot sign in.
  const emails = await withPostgres(appUrl, (sql) => sql.query<{ email: string }>("SELECT email FROM users"));
  assert.deepEqual(emails.map((u) => u.email), [admin.email]);
  const demoAdmin = demoUsers.find((u) => u.role === "ADMIN")!;
  assert.equal((await signInOverHttp(base, demoAdmin.email, demoAdmin.password)).cookie, null);
});

test("a production start refuses to run while an account keeps a demo password", async () => {
  await stop(server);
  const demoAdmin = demoUsers.find((u) => u.role === "ADMIN")!;
  const hash = await hashPassword(demoAdmin.password);
  await withPostgres(appUrl, (sql) =>
    sql.query("INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'Demo', 'ADMIN', $2, now())", [demoAdmin.email, hash]),
  );
  const refused = startProd(await freePort());
  server = refused.child;
  const code = await Promise.race([refused.exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 60_000))]);
  assert.notEqual(code, "still running", refused.output());
  assert.notEqual(code, 0);
  assert.match(refused.output(), /Refusing to start in production: admin@claimdesk\.test still has its demo password/);
});

test("npm start without HOST listens on loopback only (this suite's servers)", () => {
  for (const { url } of servers()) {
    const port = Number(new URL(url).port);
    const addresses = listeningAddresses(port);
    assert.ok(addresses.length > 0, `something listens on ${port}`);
    assert.deepEqual(addresses.filter((a) => !isLoopback(a)), [], `port ${port}`);
  }
});

/** Local addresses of the TCP sockets in LISTEN state on `port` (Linux /proc/net/tcp and tcp6). */
function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let table = "";
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of table.trim().split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, hexPort] = (local ?? "").split(":");
      if (state === "0A" && parseInt(hexPort ?? "", 16) === port && address) addresses.push(address);
    }
  }
  return addresses;
}

// 127.0.0.0/8 in /proc's little-endian hex ends in "7F"; ::1 and ::ffff:127.x as tcp6 entries.
function isLoopback(hex: string): boolean {
  if (hex.length === 8) return hex.endsWith("7F");
  return hex === "00000000000000000000000001000000" || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
}
