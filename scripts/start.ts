// `npm start`: the one command a newcomer runs. Checks the configuration, migrates and seeds the
// database (embedded PGlite under .data/ when DATABASE_URL is unset), builds, and serves on :3000.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { checkStartupConfig } from "../lib/env";
import { resolveTarget } from "../lib/db/client";
import { describeTarget } from "../lib/db/connect";
import { openDatabase } from "../lib/db/open";
import { seedDemo } from "../lib/seed/demo";
import { runCli } from "./cli";

const SECRET_FILE = ".data/auth-secret";

/**
 * A deployment that says it is production must bring its own NEXTAUTH_SECRET. A local `npm start`
 * gets a random per-machine secret kept in .data/ (never committed), so sessions survive restarts.
 */
function ensureLocalSecret(): void {
  if (process.env.NEXTAUTH_SECRET || process.env.NODE_ENV === "production") return;
  mkdirSync(".data", { recursive: true });
  if (!existsSync(SECRET_FILE)) writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(SECRET_FILE, "utf8").trim();
}

await runCli(async () => {
  ensureLocalSecret();
  const port = process.env.PORT ?? "3000";
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } as NodeJS.ProcessEnv;
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  checkStartupConfig(env);

  const target = resolveTarget();
  console.log(`claimdesk: preparing ${describeTarget(target)} …`);
  const handle = await openDatabase(target, { migrate: true });
  try {
    const { created } = await seedDemo(handle.db);
    const summary = Object.entries(created).map(([what, n]) => `${n} ${what}`).join(", ");
    console.log(`claimdesk: ${handle.migrations.applied.length} migrations applied; demo data ${summary ? `loaded (${summary})` : "already there"}.`);
  } finally {
    await handle.close();
  }

  // The data cache outlives the server; the database may have changed meanwhile (another
  // DATABASE_URL, a fresh seed), so start from an empty one.
  rmSync(".next/cache/fetch-cache", { recursive: true, force: true });

  if (!process.argv.includes("--no-build")) {
    console.log("claimdesk: building the app (next build) …");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed (see above)");
  }
  console.log(`claimdesk: serving on http://localhost:${port}`);
  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise<void>((resolve, reject) =>
    server.on("exit", (code, signal) => (code === 0 || signal ? resolve() : reject(new Error(`next start exited with ${code}`)))),
  );
});
