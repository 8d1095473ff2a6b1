// `npm run test:security`: the HTTP-level security suite (test/http) against real `next start`
// servers on a fresh database: one with proxy.ts's redirect switched off (CLAIMDESK_DISABLE_PROXY=1),
// where the whole suite runs and every refusal must come from the page, action or route itself, and
// one as shipped, for a thin smoke run. Serves the build in .next (building only if its content
// hash does not match the sources), migrates and seeds once, runs the node tests, stops both.
import { spawnSync } from "node:child_process";
import { createPrismaClient } from "../../lib/db/client";
import { withPostgres } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";
import { seedDemo } from "../../lib/seed/demo";
import { ensureBuild } from "../../scripts/build";
import { recreateDatabase } from "../../scripts/test-database";
import { startApp, type App } from "../support/app-server";
import type { Server } from "./support/client";
import { installWriteCounter } from "./support/write-counter";

const DB_URL = process.env.SECURITY_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_security";
const PORT = Number(process.env.SECURITY_PORT ?? 3220);
const SECRET = "security-suite-secret-0123456789-abcdef";

async function prepareDatabase(url: string) {
  await recreateDatabase(new URL(url));
  await withPostgres(url, (sql) => migrate(sql));
  const db = await createPrismaClient({ kind: "postgres", url });
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
  await installWriteCounter(url);
}

const apps: App[] = [];
process.on("SIGINT", () => {
  for (const app of apps) void app.kill("SIGKILL");
  process.exit(130);
});

let status = 1;
try {
  ensureBuild();
  await prepareDatabase(DB_URL);
  // Same build, same database: only the proxy switch differs. The fuzz sends thousands of public
  // requests from one address: the fair-use limits are raised here and tested on their own server
  // (fair-use.test.ts).
  const unlimited = { RATE_LIMIT_API_REQUESTS: "1000000", RATE_LIMIT_EXPORT_REQUESTS: "1000000" };
  const [shipped, noProxy] = await Promise.all([
    startApp({ port: PORT, databaseUrl: DB_URL, secret: SECRET, echo: true, timeoutMs: 120_000, env: { CLAIMDESK_DEMO: "1", CLAIMDESK_DISABLE_PROXY: "0", ...unlimited } }),
    startApp({ port: PORT + 1, databaseUrl: DB_URL, secret: SECRET, echo: true, timeoutMs: 120_000, env: { CLAIMDESK_DEMO: "1", CLAIMDESK_DISABLE_PROXY: "1", ...unlimited } }),
  ]);
  apps.push(shipped, noProxy);
  const list: Server[] = [
    { name: "proxy active", url: shipped.base, proxyDisabled: false },
    { name: "proxy disabled", url: noProxy.base, proxyDisabled: true },
  ];
  // Named test files run alone (while developing); by default every test under test/http. One file
  // at a time: the write detector counts every write to the shared database.
  const files = process.argv.slice(2);
  const command = files.length
    ? ["--import", "tsx", "--import", "./test/support/setup-env.ts", "--conditions=react-server", "--test", "--test-concurrency=1", ...files]
    : ["scripts/node-tests.mjs", "test/http", "--", "--test-concurrency=1"];
  const result = spawnSync(process.execPath, command, {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: DB_URL, SECURITY_SERVERS: JSON.stringify(list) },
  });
  status = result.status ?? 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await Promise.all(apps.map((app) => app.kill("SIGTERM")));
}
process.exit(status);
