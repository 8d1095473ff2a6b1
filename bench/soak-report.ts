import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PreparedDataset } from "./dataset";
import type { machineInfo } from "./report";
import type { LoadRun, Minute } from "./soak-load";
import type { WriteCheck } from "./soak-writes";

/** The issue's thresholds: error rate, last-minute p95 against the first, memory slope after warm-up. */
export const LIMITS = { errorRate: 0.001, p95Drift: 0.2, rssSlopeMiBPerMinute: 5 };

export type MinuteRow = {
  minute: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  readP95: number;
  writeP95: number;
  writes: number;
  rssEndMiB: number;
  rssMaxMiB: number;
  loadAverage: number;
  statuses: Record<string, number>;
  errorSamples: string[];
};

export type Check = { name: string; measured: string; pass: boolean };

export type SoakReport = {
  startedAt: string;
  machine: ReturnType<typeof machineInfo>;
  options: Record<string, unknown>;
  dataset: PreparedDataset;
  warmup: MinuteRow;
  minutes: MinuteRow[];
  totals: { requests: number; errors: number; errorRate: number; p95: number; peakRssMiB: number; sentLate: number; seconds: number };
  memory: { rssEndOfMinute2MiB: number; rssEndOfLastMinuteMiB: number; slopeMiBPerMinute: number };
  /** Each operation over the judged minutes. */
  operations: Array<{ name: string; requests: number; errors: number; p50: number; p95: number; p99: number }>;
  writes: WriteCheck;
  checks: Check[];
  /** The end of the app's own output when a request failed (its error logs say why). */
  appOutputTail?: string;
};

const WRITES = new Set(["create", "evidence", "status"]);
const MiB = 1024 * 1024;

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function row(m: Minute): MinuteRow {
  const ops = Object.entries(m.byOperation);
  const pick = (write: boolean) => ops.filter(([name]) => WRITES.has(name) === write).flatMap(([, op]) => op.latencies);
  const writes = pick(true);
  return {
    minute: m.minute,
    requests: m.requests,
    errors: m.errors,
    p50: percentile(m.latencies, 0.5),
    p95: percentile(m.latencies, 0.95),
    p99: percentile(m.latencies, 0.99),
    max: m.latencies.length ? Math.max(...m.latencies) : Number.NaN,
    readP95: percentile(pick(false), 0.95),
    writeP95: percentile(writes, 0.95),
    writes: ops.filter(([name]) => WRITES.has(name)).reduce((n, [, op]) => n + op.requests, 0),
    rssEndMiB: (m.rss.at(-1) ?? Number.NaN) / MiB,
    rssMaxMiB: (m.rss.length ? Math.max(...m.rss) : Number.NaN) / MiB,
    loadAverage: m.loadAverage.length ? m.loadAverage.reduce((a, b) => a + b, 0) / m.loadAverage.length : Number.NaN,
    statuses: m.statuses,
    errorSamples: m.errorSamples,
  };
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

export function buildReport(input: Omit<SoakReport, "warmup" | "minutes" | "totals" | "memory" | "operations" | "checks" | "appOutputTail"> & { run: LoadRun }): SoakReport {
  const { run, ...rest } = input;
  const minutes = run.minutes.map(row);
  const requests = minutes.reduce((n, m) => n + m.requests, 0);
  const errors = minutes.reduce((n, m) => n + m.errors, 0);
  const errorRate = requests === 0 ? 1 : errors / requests;
  const first = minutes[0]!;
  const last = minutes.at(-1)!;
  const drift = (last.p95 - first.p95) / first.p95;
  // Memory after the first minute (warm caches, JIT, connection pool filled): end-of-minute RSS, minutes 2..N.
  const settled = minutes.filter((m) => m.minute >= 2 && Number.isFinite(m.rssEndMiB));
  const memory = {
    rssEndOfMinute2MiB: settled[0]?.rssEndMiB ?? Number.NaN,
    rssEndOfLastMinuteMiB: last.rssEndMiB,
    slopeMiBPerMinute: slope(settled.map((m) => [m.minute, m.rssEndMiB])),
  };
  const checks: Check[] = [
    {
      name: `error rate < ${LIMITS.errorRate * 100} %`,
      measured: `${(errorRate * 100).toFixed(3)} % (${errors} of ${requests})`,
      pass: errorRate < LIMITS.errorRate,
    },
    {
      name: `p95 stable: last minute within ${LIMITS.p95Drift * 100} % of the first`,
      measured: `${first.p95.toFixed(0)} ms → ${last.p95.toFixed(0)} ms (${drift >= 0 ? "+" : ""}${(drift * 100).toFixed(1)} %)`,
      pass: Math.abs(drift) <= LIMITS.p95Drift,
    },
    {
      name: `memory not growing: RSS slope over minutes 2..${last.minute} < ${LIMITS.rssSlopeMiBPerMinute} MiB/min`,
      measured: `${memory.slopeMiBPerMinute.toFixed(2)} MiB/min (end of minute 2 ${memory.rssEndOfMinute2MiB.toFixed(0)} MiB, end of minute ${last.minute} ${memory.rssEndOfLastMinuteMiB.toFixed(0)} MiB, peak ${(run.peakRssBytes / MiB).toFixed(0)} MiB)`,
      pass: memory.slopeMiBPerMinute < LIMITS.rssSlopeMiBPerMinute,
    },
    {
      name: "every successful write is in the database",
      measured: (["create", "evidence", "status"] as const)
        .map((k) => `${k} ${rest.writes.succeeded[k]} ok / ${rest.writes.inDatabase[k]} in db`)
        .concat(`${rest.writes.statusMismatches} status mismatches`)
        .join(", "),
      pass: rest.writes.allThere,
    },
  ];
  const names = [...new Set(run.minutes.flatMap((m) => Object.keys(m.byOperation)))].sort();
  const operations = names.map((name) => {
    const ops = run.minutes.map((m) => m.byOperation[name]).filter((op) => op !== undefined);
    const latencies = ops.flatMap((op) => op.latencies);
    return {
      name,
      requests: ops.reduce((n, op) => n + op.requests, 0),
      errors: ops.reduce((n, op) => n + op.errors, 0),
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
    };
  });
  return {
    ...rest,
    operations,
    warmup: row(run.warmup),
    minutes,
    totals: {
      requests,
      errors,
      errorRate,
      p95: percentile(run.minutes.flatMap((m) => m.latencies), 0.95),
      peakRssMiB: run.peakRssBytes / MiB,
      sentLate: run.sentLate,
      seconds: run.seconds,
    },
    memory,
    checks,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "-");
const mib = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "-");

export function formatReport(report: SoakReport): string {
  const m = report.machine;
  const header = ["minute", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "read p95", "write p95", "writes", "RSS end MiB", "RSS max MiB", "load avg"];
  const line = (r: MinuteRow) => [r.minute === -1 ? "warm-up" : String(r.minute), r.requests, r.errors, ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), ms(r.readP95), ms(r.writeP95), r.writes, mib(r.rssEndMiB), mib(r.rssMaxMiB), Number.isFinite(r.loadAverage) ? r.loadAverage.toFixed(1) : "-"];
  const rows = [header, line(report.warmup), ...report.minutes.map(line)].map((cells) => cells.map(String));
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const text = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  const errors = [report.warmup, ...report.minutes].flatMap((r) => r.errorSamples.map((e) => `  minute ${r.minute}: ${e}`)).slice(0, 20);
  return [
    `claimdesk soak, ${report.startedAt}`,
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, node ${m.node}, load average at start ${m.loadAverageAtStart.map((v) => v.toFixed(2)).join(" ")}, at end ${m.loadAverageAtEnd.map((v) => v.toFixed(2)).join(" ")}`,
    `dataset: scale ${report.dataset.scale}, ${Object.entries(report.dataset.rows).map(([k, v]) => `${v} ${k}`).join(", ")}; ${report.dataset.reused ? "reused" : `loaded in ${report.dataset.loadSeconds?.toFixed(1)} s`}`,
    `load: ${String(report.options.rate)} req/s open loop, ${String(report.options.mix)}, timeout ${String(report.options.timeoutMs)} ms, at most ${String(report.options.maxInFlight)} in flight; ${report.totals.sentLate} requests left more than 50 ms late`,
    "",
    ...text,
    "",
    "per operation: " + report.operations.map((o) => `${o.name} ${o.requests} req, ${o.errors} err, p50 ${ms(o.p50)} / p95 ${ms(o.p95)} / p99 ${ms(o.p99)} ms`).join("; "),
    "",
    ...(errors.length ? ["errors (first ones):", ...errors, ""] : []),
    "checks:",
    ...report.checks.map((c) => `  ${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.measured}`),
  ].join("\n");
}

/** Writes bench/results/soak-<time>.json (ignored by git) and returns its path. */
export function saveReport(report: SoakReport): string {
  const dir = path.resolve("bench/results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `soak-${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
