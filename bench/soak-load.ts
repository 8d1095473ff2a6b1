import os from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { treeRss } from "./app-server";

/*
 * An open-loop load: request i is due at start + i / rate, whatever happened to the earlier ones,
 * so a slow server meets a queue rather than a politely waiting client (no coordinated omission).
 * Latency runs from the due time, not from the moment the request left. In-flight requests are
 * capped: one due while the cap is reached is not sent and counts as an error, and so does one
 * unanswered after the timeout.
 */

export type Outcome = { ok: boolean; status: number; detail?: string };
export type Operation = { name: string; run: () => Promise<Outcome> };

/** What one minute of the run saw (minute -1 is the warm-up, not judged). */
export type Minute = {
  minute: number;
  requests: number;
  errors: number;
  latencies: number[];
  byOperation: Record<string, { requests: number; errors: number; latencies: number[] }>;
  statuses: Record<string, number>;
  errorSamples: string[];
  rss: number[];
  loadAverage: number[];
};

export type LoadRun = { minutes: Minute[]; warmup: Minute; peakRssBytes: number; sentLate: number; seconds: number };

const newMinute = (minute: number): Minute => ({ minute, requests: 0, errors: 0, latencies: [], byOperation: {}, statuses: {}, errorSamples: [], rss: [], loadAverage: [] });

export async function runOpenLoop(options: {
  rate: number;
  warmupSeconds: number;
  minutes: number;
  maxInFlight: number;
  timeoutMs: number;
  /** The operation for request i (a deterministic mix). */
  pick: (i: number) => Operation;
  /** Root pid of the app, whose process tree's RSS is sampled every second. */
  appPid: number;
  log: (line: string) => void;
}): Promise<LoadRun> {
  const { rate, timeoutMs } = options;
  const warmupMs = options.warmupSeconds * 1000;
  const total = Math.round(rate * (options.warmupSeconds + options.minutes * 60));
  const warmup = newMinute(-1);
  const minutes = Array.from({ length: options.minutes }, (_, m) => newMinute(m + 1));
  const bucket = (at: number) => (at < warmupMs ? warmup : minutes[Math.min(options.minutes - 1, Math.floor((at - warmupMs) / 60_000))]!);

  let inFlight = 0;
  let sentLate = 0;
  let peakRssBytes = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now();

  const sampleMemory = () => {
    const rss = treeRss(options.appPid);
    peakRssBytes = Math.max(peakRssBytes, rss);
    bucket(performance.now() - start).rss.push(rss);
  };
  const sampleLoad = () => bucket(performance.now() - start).loadAverage.push(os.loadavg()[0]!);
  const memoryTimer = setInterval(sampleMemory, 1_000);
  const loadTimer = setInterval(sampleLoad, 10_000);
  let lastMinute = -2;

  const record = (minute: Minute, name: string, outcome: Outcome, latency: number | null) => {
    const op = (minute.byOperation[name] ??= { requests: 0, errors: 0, latencies: [] });
    minute.requests++;
    op.requests++;
    const key = outcome.status === 0 ? (outcome.detail ?? "error").split(":")[0]! : String(outcome.status);
    minute.statuses[key] = (minute.statuses[key] ?? 0) + 1;
    if (latency !== null) {
      minute.latencies.push(latency);
      op.latencies.push(latency);
    }
    if (!outcome.ok) {
      minute.errors++;
      op.errors++;
      // Ten samples a minute, plus the first of every other kind (operation and status) seen.
      const kind = `${name}: ${outcome.status} ${(outcome.detail ?? "").split(":")[0]}`;
      const seen = minute.errorSamples.some((sample) => sample.startsWith(kind));
      if (minute.errorSamples.length < 10 || (!seen && minute.errorSamples.length < 30)) {
        minute.errorSamples.push(`${name}: ${outcome.status} ${outcome.detail ?? ""}`.trim().slice(0, 300));
      }
    }
  };

  const fire = (op: Operation, due: number) => {
    const minute = bucket(due - start);
    if (inFlight >= options.maxInFlight) {
      record(minute, op.name, { ok: false, status: 0, detail: `dropped: ${inFlight} requests in flight` }, null);
      return;
    }
    inFlight++;
    const request = op.run().catch((error: unknown): Outcome => ({ ok: false, status: 0, detail: `failed: ${error instanceof Error ? error.message : String(error)}` }));
    // The cap counts a request until it really ends, even after we stopped waiting for it.
    const settled = request.finally(() => inFlight--);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, status: 0, detail: `timeout: no answer within ${timeoutMs} ms` }), Math.max(0, due + timeoutMs - performance.now()));
    });
    const done = Promise.race([request, timeout]).then((outcome) => {
      clearTimeout(timer);
      record(minute, op.name, outcome, outcome.detail?.startsWith("timeout") ? null : performance.now() - due);
    });
    const tracked = Promise.all([done, settled]).then(() => undefined);
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
  };

  try {
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      else if (wait < -50) sentLate++;
      fire(options.pick(i), due);
      const current = bucket(due - start).minute;
      if (current !== lastMinute) {
        if (lastMinute !== -2) {
          const done = lastMinute === -1 ? warmup : minutes[lastMinute - 1]!;
          options.log(`  ${lastMinute === -1 ? "warm-up" : `minute ${lastMinute}`}: ${done.requests} requests, ${done.errors} errors, ${inFlight} in flight`);
        }
        lastMinute = current;
      }
    }
    // Requests still out are answered or time out (the timeout is from their due time).
    await Promise.race([Promise.all([...pending]), sleep(timeoutMs + 5_000)]);
  } finally {
    sampleMemory();
    sampleLoad();
    clearInterval(memoryTimer);
    clearInterval(loadTimer);
  }
  options.log(`  minute ${options.minutes}: ${minutes.at(-1)!.requests} requests, ${minutes.at(-1)!.errors} errors`);
  return { minutes, warmup, peakRssBytes, sentLate, seconds: (performance.now() - start) / 1000 };
}

/** A GET that must answer 200; the body is read to the end, so latency covers the whole response. */
export function readOperation(name: string, url: () => string, options: { timeoutMs: number; headers?: Record<string, string> }): Operation {
  return {
    name,
    run: async () => {
      // Aborted a little after the load gives up on it, so a hung request does not hold a socket forever.
      const response = await fetch(url(), { headers: options.headers, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs + 1_000) });
      await response.arrayBuffer();
      return { ok: response.status === 200, status: response.status, detail: response.status === 200 ? undefined : response.statusText };
    },
  };
}
