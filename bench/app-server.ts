import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { appNodeOptions } from "../lib/heap-budget";
import { ensureLocalSigningKey } from "../lib/ledger/signing-key";

/*
 * The app under test: `next build` once, then `next start` (one process per instance) against the
 * benchmark database, and the benchmark's baseline server. Each is started in its own process
 * group so stopping it stops its children too.
 */

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const TSX_BIN = path.resolve("node_modules/tsx/dist/cli.mjs");

export type Server = { name: string; origin: string; process: ChildProcess; output: () => string };

/** `next build`, unless asked not to and a build is already there. */
export function buildApp(options: { skip: boolean; env: NodeJS.ProcessEnv; log: (line: string) => void }): number {
  if (options.skip && existsSync(".next/BUILD_ID")) {
    options.log("Reusing the existing build (.next/BUILD_ID)");
    return 0;
  }
  const started = Date.now();
  options.log("Building the app (next build) …");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { env: options.env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  return (Date.now() - started) / 1000;
}

export function appEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    // A throwaway secret: sessions signed here mean nothing outside this run.
    NEXTAUTH_SECRET: process.env.BENCH_NEXTAUTH_SECRET ?? "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    // The load generator is one address: the fair-use quota (docs/api.md#fair-use) would answer it 429.
    RATE_LIMIT_API_REQUESTS: "1000000000",
    RATE_LIMIT_EXPORT_REQUESTS: "1000000000",
    // Production refuses to start without the key that signs the public log; a local one will do.
    LEDGER_SIGNING_KEY_FILE: process.env.LEDGER_SIGNING_KEY_FILE ?? ensureLocalSigningKey(),
  };
}

/** Starts `next start` on a port and waits until it answers. */
export async function startApp(name: string, databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    // The heap budget `npm start` and `npm run start:prod` give the server (lib/heap-budget.ts).
    env: { ...appEnv(databaseUrl, port), NODE_OPTIONS: appNodeOptions(), ...extraEnv },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return waitReady({ name, origin: `http://127.0.0.1:${port}`, process: child, output: collect(child) }, "/api/v1/stories");
}

/** Starts bench/baseline-server.ts (baselines a and b) and waits until it listens. */
export async function startBaseline(databaseUrl: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, [TSX_BIN, "bench/baseline-server.ts", String(port), databaseUrl], {
    env: { ...process.env, NODE_ENV: "production", PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return waitReady({ name: "baseline", origin: `http://127.0.0.1:${port}`, process: child, output: collect(child) }, "/static");
}

function collect(child: ChildProcess): () => string {
  let text = "";
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text;
}

export async function waitReady(server: Server, probe: string, timeoutMs = 120_000): Promise<Server> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`${server.name} exited (${server.process.exitCode}):\n${server.output()}`);
    try {
      const response = await fetch(server.origin + probe, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stopServer(server);
  throw new Error(`${server.name} did not answer within ${timeoutMs / 1000} s:\n${server.output()}`);
}

/** SIGTERM to the server's process group, SIGKILL if it has not gone after 5 s. */
export async function stopServer(server: Server): Promise<void> {
  const pid = server.process.pid;
  if (!pid || server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const killed = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!killed) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
  }
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): state ppid … ; rss is field 24.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples the peak RSS of process trees every `everyMs` until stopped. */
export function watchMemory(pids: number[], everyMs = 200) {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, pids.reduce((sum, pid) => sum + treeRss(pid), 0));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
