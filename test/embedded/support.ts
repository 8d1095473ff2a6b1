import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A fresh directory for an embedded database, under the system's temp dir. */
export function tempDataDir(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-embedded-")), "pglite");
}

export type Event = { event: string; [key: string]: unknown };

export type Child = {
  process: ChildProcess;
  events: Event[];
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first event that matches (rejects if the process exits first). */
  waitFor(test: (event: Event) => boolean, timeoutMs?: number): Promise<Event>;
  exited: Promise<number | null>;
};

/** Runs a TypeScript file with the app's loader, collecting the JSON lines it prints. */
export function spawnTs(script: string, args: string[], env: Record<string, string | undefined> = {}): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events: Event[] = [];
  const listeners = new Set<() => void>();
  let buffered = "";
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("{")) events.push(JSON.parse(line) as Event);
    }
    for (const listener of listeners) listener();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const listener of listeners) listener();
  });
  return {
    process: child,
    events,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    // Generous: PGlite starts (WASM, initdb) in seconds on a quiet machine, minutes on a saturated one.
    waitFor(test, timeoutMs = 240_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`timed out waiting; events: ${JSON.stringify(events.slice(-3))}; stderr: ${stderr}`)), timeoutMs);
        const check = () => {
          const found = events.find(test);
          if (found) finish(null, found);
          else if (hasExited) finish(new Error(`process exited; events: ${JSON.stringify(events.slice(-3))}; stderr: ${stderr}`));
        };
        const finish = (error: Error | null, event?: Event) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(event!);
        };
        listeners.add(check);
        check();
      });
    },
  };
}

