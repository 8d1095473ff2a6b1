// The built app under `next start`, for the suites that talk to it over HTTP (security, faults).
// It serves the build in .next (see scripts/build.ts) and never builds.
import { spawn, type ChildProcess } from "node:child_process";
import { appNodeOptions } from "../../lib/heap-budget";
import { ensureLocalSigningKey } from "../../lib/ledger/signing-key";

export type App = {
  base: string;
  process: ChildProcess;
  /** Every stdout/stderr line the server printed (kept unless `echo` is set). */
  lines: string[];
  isAlive(): boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export type StartOptions = {
  port: number;
  databaseUrl: string;
  secret: string;
  env?: Record<string, string>;
  /** Print the server's output instead of keeping it in `lines`. */
  echo?: boolean;
  timeoutMs?: number;
};

/** `next start` on `port` against `databaseUrl`; resolves once it answers a public API request. */
export async function startApp(options: StartOptions): Promise<App> {
  const base = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The suites run the server under the heap budget it is shipped with.
      NODE_OPTIONS: appNodeOptions(),
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: base,
      PUBLIC_BASE_URL: base,
      LEDGER_SIGNING_KEY_FILE: ensureLocalSigningKey(),
      LOG_LEVEL: "info",
      // A server under test fetches no page: the suites send nothing off this machine.
      CLAIMDESK_FETCH_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", options.echo ? "inherit" : "pipe", options.echo ? "inherit" : "pipe"],
  });
  const lines: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const app: App = {
    base,
    process: child,
    lines,
    isAlive: () => !exited,
    async kill(signal = "SIGTERM") {
      if (exited) return;
      child.kill(signal);
      await exit;
    },
  };
  // Generous: the suites start servers side by side on two cores, and a first render compiles.
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (exited) throw new Error(`next start exited:\n${lines.join("\n")}`);
    try {
      const response = await fetch(`${base}/api/v1/stories`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return app;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await app.kill("SIGKILL");
      throw new Error(`next start on ${base} did not become ready:\n${lines.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
