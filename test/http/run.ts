// `npm run test:security`: the HTTP-level security suite (test/http) against real `next start`
// servers on a fresh database: one with proxy.ts as shipped, one with its redirect switched off
// (CLAIMDESK_DISABLE_PROXY=1), so every test proves authorisation does not depend on the proxy.
// Builds once unless .next is fresh (pass --no-build to reuse .next anyway), serves both, runs the node tests, stops them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { withPostgres } from "../../lib/db/connect";
import { isBuildFresh } from "../../scripts/build-freshness";
import type { Server } from "./support/client";

const DB_URL = process.env.SECURITY_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_security";
const PORT = Number(process.env.SECURITY_PORT ?? 3220);
const SECRET = "security-suite-secret-0123456789-abcdef";
// Reuses a build newer than every source (the browser tests' one, in `npm test`).
const build = !process.argv.includes("--no-build") && !isBuildFresh();

async function recreateDatabase(url: string) {
  const target = new URL(url);
  if (!["127.0.0.1", "localhost"].includes(target.hostname)) throw new Error(`Refusing a non-local database (${target.hostname})`);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name ${name}`);
  target.pathname = "/postgres";
  await withPostgres(target.toString(), async (sql) => {
    await sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await sql.exec(`CREATE DATABASE "${name}"`);
  });
}

const children: ChildProcess[] = [];

/** `scripts/start.ts` (migrate, seed, optionally build, serve), in its own process group. */
function startServer(port: number, options: { build: boolean; disableProxy: boolean }) {
  const args = ["tsx", "scripts/start.ts", ...(options.build ? [] : ["--no-build"])];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: DB_URL, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://localhost:${port}` };
  if (options.disableProxy) env.CLAIMDESK_DISABLE_PROXY = "1";
  else delete env.CLAIMDESK_DISABLE_PROXY;
  const child = spawn("npx", args, { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  children.push(child);
  return child;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

function stopAll() {
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

let status = 1;
try {
  await recreateDatabase(DB_URL);
  const withProxy = startServer(PORT, { build, disableProxy: false });
  await waitFor(`http://localhost:${PORT}/`, withProxy, 300_000);
  // Same build, same database: only the proxy switch differs.
  const withoutProxy = startServer(PORT + 1, { build: false, disableProxy: true });
  await waitFor(`http://localhost:${PORT + 1}/`, withoutProxy, 120_000);
  const list: Server[] = [
    { name: "proxy active", url: `http://localhost:${PORT}`, proxyDisabled: false },
    { name: "proxy disabled", url: `http://localhost:${PORT + 1}`, proxyDisabled: true },
  ];
  // Named test files run alone (while developing); by default every test under test/http.
  const files = process.argv.slice(2).filter((a) => a !== "--no-build");
  const command = files.length
    ? ["--import", "tsx", "--import", "./test/support/setup-env.ts", "--conditions=react-server", "--test", "--test-concurrency=1", ...files]
    : ["scripts/node-tests.mjs", "test/http", "--", "--test-concurrency=1"];
  const result = spawnSync(
    process.execPath,
    command,
    { stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: DB_URL, SECURITY_SERVERS: JSON.stringify(list) } },
  );
  status = result.status ?? 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  stopAll();
}
process.exit(status);
