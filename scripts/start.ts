// `npm start`: the one command a newcomer runs. Checks the configuration, migrates the database
// (embedded PGlite under .data/ when DATABASE_URL is unset), loads the demo where it is a demo
// (the embedded database, or `--demo` / CLAIMDESK_DEMO=1), builds (only when the sources changed),
// and serves on 127.0.0.1:3000 (HOST and PORT say otherwise).
// On the embedded database this process owns it for as long as it runs and serves it on a local
// socket; `next build`, `next start` and every CLI reach it there (lib/db/embedded/).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { checkStartupConfig } from "../lib/env";
import { isDemoRequested, refuseDemoPasswords } from "../lib/seed/demo-policy";
import { demoUsers } from "../prisma/seed-data";
import { resolveTarget } from "../lib/db/client";
import { describeTarget } from "../lib/db/connect";
import { connectEmbedded, type EmbeddedConnection } from "../lib/db/embedded/connect";
import { openDatabase } from "../lib/db/open";
import { seedDemo } from "../lib/seed/demo";
import { ensureBuild } from "./build";
import { catchUpPublicationLog } from "../lib/ledger/log";
import { checkSigningKey, ensureLocalSigningKey } from "../lib/ledger/signing-key";
import { APP_ROLE, appRoleUrl } from "../lib/db/app-role";
import { runCli } from "./cli";
import { appNodeOptions } from "../lib/heap-budget";

const SECRET_FILE = ".data/auth-secret";
const NEXT_BIN = "node_modules/next/dist/bin/next";

const ALREADY_RUNNING =
  "Is claimdesk already running? Stop it first (Ctrl+C in its terminal, or kill that PID), or open the one that runs. A second app instance on the same data needs PostgreSQL (DATABASE_URL).";

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

/** Likewise the key that signs the public log: kept in .data/ locally, named by production. */
function ensureLocalSigningKeyFile(): void {
  if (process.env.LEDGER_SIGNING_KEY_FILE || process.env.NODE_ENV === "production") return;
  process.env.LEDGER_SIGNING_KEY_FILE = ensureLocalSigningKey();
}

await runCli(async () => {
  ensureLocalSecret();
  ensureLocalSigningKeyFile();
  const port = process.env.PORT ?? "3000";
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } as NodeJS.ProcessEnv;
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  // A local run links to itself on the port it serves; a deployment that says it is production
  // must set PUBLIC_BASE_URL itself (checkStartupConfig stops it otherwise).
  if (process.env.NODE_ENV !== "production") env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;
  const config = checkStartupConfig(env);
  checkSigningKey(config);
  const { CLAIMDESK_DEMO } = config;

  const target = resolveTarget();
  const demo = isDemoRequested({ embedded: target.kind === "pglite", argv: process.argv, demoEnv: CLAIMDESK_DEMO });
  // The server learns it runs a demo (its production start then allows the demo passwords).
  if (demo) env.CLAIMDESK_DEMO = "1";
  console.log(`claimdesk: preparing ${describeTarget(target)} …`);
  let url = target.kind === "postgres" ? target.url : "";
  const migrationUrl = target.kind === "postgres" ? target.migrationUrl : undefined;
  let embedded: EmbeddedConnection | null = null;
  if (target.kind === "pglite") {
    // This process owns the embedded database while the app runs; next build and next start
    // (and any CLI meanwhile) reach it through its socket.
    embedded = await connectEmbedded(target.dir, { mustOwn: true, advice: ALREADY_RUNNING });
    url = env.DATABASE_URL = embedded.url;
  }
  try {
    await serve({ url, migrationUrl, embedded: embedded !== null, port, env, demo });
  } finally {
    await embedded?.close();
  }
});

function printDemoAccounts(): void {
  console.log("claimdesk: demo accounts (their passwords are public: a demo only):");
  for (const user of demoUsers) console.log(`  ${user.role.padEnd(12)} ${user.email.padEnd(26)} ${user.password}`);
}

type ServeOptions = { url: string; migrationUrl?: string; embedded: boolean; port: string; env: NodeJS.ProcessEnv; demo: boolean };

async function serve(options: ServeOptions): Promise<void> {
  const { url, migrationUrl, port, env, demo } = options;
  const handle = await openDatabase({ kind: "postgres", url, migrationUrl }, { migrate: true });
  try {
    console.log(`claimdesk: ${handle.migrations.applied.length} migrations applied.`);
    if (demo) {
      const { created } = await seedDemo(handle.db);
      const summary = Object.entries(created).map(([what, n]) => `${n} ${what}`).join(", ");
      console.log(`claimdesk: demo data ${summary ? `loaded (${summary})` : "already there"}.`);
    } else {
      // Production: no account may keep a published demo password (checked before building).
      await refuseDemoPasswords(handle.db);
    }
    await catchUpPublicationLog(handle.db);
  } finally {
    await handle.close();
  }
  // Local PostgreSQL with one URL (no DATABASE_MIGRATION_URL): the migrations ran as that role, and
  // the app itself connects as the least-privileged claimdesk_app when the server lets it log in.
  // The embedded database has one role only (docs/security.md#database-roles).
  if (!migrationUrl && !options.embedded) {
    const appUrl = await appRoleUrl(url);
    if (appUrl) {
      env.DATABASE_URL = appUrl;
      console.log(`claimdesk: the app connects as ${APP_ROLE} (migrations ran as ${new URL(url).username || "the URL's role"}).`);
    } else {
      console.warn(`claimdesk: could not log in as ${APP_ROLE}; the app keeps DATABASE_URL's role and its rights. Give ${APP_ROLE} a password and set DATABASE_URL to it, DATABASE_MIGRATION_URL to the owner (docs/deployment.md).`);
    }
  }

  // Builds only when the sources changed since the last build (scripts/build.ts); --no-build serves
  // whatever .next holds (the test suites build once per run beforehand).
  if (!process.argv.includes("--no-build")) ensureBuild({ env });
  // This machine only unless HOST says otherwise: a demo's published passwords must not be
  // reachable from the office network or the internet.
  const host = process.env.HOST || "127.0.0.1";
  if (demo) printDemoAccounts();
  const where = host === "127.0.0.1" ? `http://localhost:${port} (this machine only; HOST=0.0.0.0 serves the network)` : `http://${host}:${port}`;
  console.log(`claimdesk: serving on ${where}`);
  // Next's own binary, not npx: a signal to this process then reaches the server itself (npx
  // would die and leave it running without its database).
  // The server (not the build) runs under its heap budget (lib/heap-budget.ts).
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "-H", host], { stdio: "inherit", env: { ...env, NODE_OPTIONS: appNodeOptions(env.NODE_OPTIONS) } });
  let stopping = false;
  const stop = () => {
    stopping = true;
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise<void>((resolve, reject) =>
    server.on("exit", (code, signal) => (code === 0 || signal || stopping ? resolve() : reject(new Error(`next start exited with ${code}`)))),
  );
}
