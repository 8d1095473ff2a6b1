// Real parts for the fault tests: a private PostgreSQL cluster that can be restarted and killed
// without touching the shared server, the built app under `next start`, and HTTP clients for
// sign-in and Server Actions.
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startApp, type App } from "../support/app-server";
import { migrate } from "../../lib/db/migrate";
import { withPostgres } from "../../lib/db/connect";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root). */
function pgCommand(binary: string, args: string[]): string[] {
  const full = path.join(PG_BIN, binary);
  return isRoot ? ["runuser", "-u", "postgres", "--", full, ...args] : [full, ...args];
}

function runSync(command: string[], what: string): void {
  const result = spawnSync(command[0]!, command.slice(1), { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${what} failed: ${result.stderr || result.stdout}`);
}

export type Cluster = {
  port: number;
  url(database: string): string;
  /** `pg_ctl restart -m fast`: sessions are terminated, the server comes back. */
  restartFast(): Promise<void>;
  /** `pg_ctl stop -m immediate` (a crash: no checkpoint, WAL replay on start). */
  crash(): Promise<void>;
  start(): Promise<void>;
  createDatabase(name: string): Promise<string>;
  destroy(): void;
};

/** A throwaway cluster in a temporary folder, on `port`, trust auth, listening on 127.0.0.1. */
export function startCluster(port: number): Cluster {
  const root = mkdtempSync(path.join(tmpdir(), `claimdesk-faults-pg-${port}-`));
  chmodSync(root, 0o777);
  const data = path.join(root, "data");
  const socket = path.join(root, "socket");
  mkdirSync(socket);
  chmodSync(socket, 0o777);
  if (isRoot) spawnSync("chown", ["-R", "postgres:postgres", root]);
  const log = path.join(root, "server.log");
  const options = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=16MB -c fsync=on`;
  const ctlArgs = (args: string[]) => pgCommand("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", ...args]);
  // Asynchronous, so the test's own load keeps running while the server goes down and comes back.
  const ctl = async (args: string[], what: string) => {
    const [command, ...rest] = ctlArgs(args);
    try {
      await promisify(execFile)(command!, rest);
    } catch (error) {
      throw new Error(`${what} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
    }
  };

  runSync(pgCommand("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]), "initdb");
  runSync(ctlArgs(["-o", options, "start"]), "pg_ctl start");
  let stopped = false;
  const cluster: Cluster = {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    restartFast: () => ctl(["-m", "fast", "-o", options, "restart"], "pg_ctl restart"),
    crash: () => ctl(["-m", "immediate", "stop"], "pg_ctl stop -m immediate"),
    start: () => ctl(["-o", options, "start"], "pg_ctl start"),
    async createDatabase(name) {
      await withPostgres(cluster.url("postgres"), (sql) => sql.exec(`CREATE DATABASE "${name}"`));
      const url = cluster.url(name);
      await withPostgres(url, (sql) => migrate(sql));
      return url;
    },
    destroy() {
      if (stopped) return;
      stopped = true;
      const stop = pgCommand("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      spawnSync(stop[0]!, stop.slice(1));
      rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** A plain pg client for the test's own statements (locks, checks). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "claimdesk-faults-test" });
  client.on("error", () => {}); // a restart drops it; the test reconnects when it needs to
  await client.connect();
  return client;
}

// ---------------------------------------------------------------------------------------------
// The built app

/** The app's sessions in pg_stat_activity (the test process's own pools say "claimdesk"). */
export const APP_DB_NAME = "claimdesk-app-under-test";

export const AUTH_SECRET = "faults-secret-0123456789-0123456789-abcdef";

/** The built app against a private cluster, named in pg_stat_activity so tests can find its backends. */
export function startFaultApp(options: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<App> {
  // The fault tests load the API from one address on purpose: the fair-use quota is not what they test.
  return startApp({ ...options, secret: AUTH_SECRET, env: { DATABASE_APPLICATION_NAME: APP_DB_NAME, RATE_LIMIT_API_REQUESTS: "1000000", ...options.env } });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true; fails with `what` when it has not become true in `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP clients

type ManifestEntry = { exportedName?: string; filename?: string };

/** The Server Action id of `exportedName` (in `file`), from the build's manifest. */
/** The ledger's generation, asked of an app as nginx asks for it (deploy/nginx): a 204 never stored. */
export async function ledgerGenerationOf(base: string): Promise<string> {
  const response = await fetch(`${base}/api/ledger-generation`);
  assert.equal(response.status, 204);
  assert.equal(response.headers.get("cache-control"), "no-store");
  return response.headers.get("x-ledger-generation") ?? "";
}

/** How long an app lets an HTTP cache keep the ledger's front page asked for under `generation` (X-Accel-Expires). */
export async function frontPageKeptFor(base: string, generation: string): Promise<string | null> {
  const response = await fetch(`${base}/`, { headers: { "x-ledger-generation": generation } });
  await response.arrayBuffer();
  assert.equal(response.status, 200);
  return response.headers.get("x-accel-expires");
}

export function actionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName && (!entry.filename || entry.filename.endsWith(file))) return id;
  }
  throw new Error(`Server Action ${exportedName} (${file}) is not in the build manifest`);
}

/**
 * Posts a Server Action the way React's client does for `useActionState(action)` with a form:
 * arguments [previousState = null, FormData] encoded as a multipart reply ("0" = the argument
 * list, the FormData's fields prefixed with "_1_", its part id).
 */
export async function postAction(options: {
  base: string;
  cookie: string;
  id: string;
  fields: Record<string, string>;
  page?: string;
  signal?: AbortSignal;
}): Promise<Response> {
  const body = new FormData();
  for (const [key, value] of Object.entries(options.fields)) body.append(`_1_${key}`, value);
  body.set("0", JSON.stringify([null, "$K1"])); // last, as React writes it
  return fetch(`${options.base}${options.page ?? "/desk"}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": options.id, Accept: "text/x-component", Cookie: options.cookie, Origin: options.base },
    body,
    signal: options.signal,
  });
}


/** Lines the app printed that are ours (JSON objects from pino). */
export function jsonLines(lines: string[]): Record<string, unknown>[] {
  return lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
}
