import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./load";
import type { PublishVisibility } from "./publish-visibility";

export type BenchReport = {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; node: string };
  options: Record<string, unknown>;
  dataset: { scale: number; rows: Record<string, number>; loadSeconds: number | null; reused: boolean };
  baselines: { floor: LoadResult; floorSearch: LoadResult; ceiling: LoadResult };
  app: { instances: number; results: LoadResult[]; peakRssBytes: number; peakRssPerInstanceBytes: number[]; publishVisibility?: PublishVisibility };
  plans: Record<string, string>;
  targets: TargetCheck[];
};

export type TargetCheck = { target: string; measured: string; met: boolean | null; note?: string };

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "-");
const rate = (v: number) => v.toFixed(0);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** The targets of the issue, checked against this run's figures. */
export function checkTargets(report: Omit<BenchReport, "targets">): TargetCheck[] {
  const by = (name: string) => report.app.results.find((r) => r.name === name);
  const { floor, ceiling } = report.baselines;
  const checks: TargetCheck[] = [];
  const share = (r: { requestsPerSecond: number }, base: { requestsPerSecond: number }) => r.requestsPerSecond / base.requestsPerSecond;
  const pct = (ratio: number, digits = 0) => `${(ratio * 100).toFixed(digits)} %`;
  const api = by("api");
  if (api) {
    checks.push({ target: "/api/v1/claims from Next alone ≥ 60 % of baseline (a) req/s", measured: pct(share(api, floor)), met: share(api, floor) >= 0.6 });
    checks.push({ target: "/api/v1/claims from Next alone p99 < 50 ms", measured: ms(api.p99), met: api.p99 < 50 });
  }
  const apiCached = by("api@nginx");
  if (apiCached) checks.push({ target: "/api/v1/claims through nginx ≥ baseline (a) req/s", measured: pct(share(apiCached, floor)), met: share(apiCached, floor) >= 1 });
  // Issue 18's starting point (docs/performance.md): ledger 0.5 %, claim page 0.7 % of baseline (b).
  const before: Record<string, number> = { ledger: 0.005, claim: 0.007 };
  for (const name of ["ledger", "claim"]) {
    const page = by(name);
    if (page) {
      const ratio = share(page, ceiling);
      checks.push({ target: `${name} page from Next alone ≥ 10 × ${pct(before[name]!, 1)} of baseline (b) req/s`, measured: pct(ratio, 1), met: ratio >= 10 * before[name]! });
    }
    const cachedPage = by(`${name}@nginx`);
    if (cachedPage) {
      const ratio = share(cachedPage, ceiling);
      checks.push({ target: `${name} page through nginx ≥ 50 % of baseline (b) req/s, p99 < 20 ms`, measured: `${pct(ratio, 1)}, p99 ${ms(cachedPage.p99)}`, met: ratio >= 0.5 && cachedPage.p99 < 20 });
    }
  }
  const search = by("search");
  if (search) checks.push({ target: `search p95 < 60 ms (${report.dataset.rows.claims ?? "?"} claims)`, measured: ms(search.p95), met: search.p95 < 60 });
  const desk = by("desk");
  if (desk) checks.push({ target: "desk claim page (200 evidence) p99 < 150 ms at 8 connections", measured: ms(desk.p99), met: desk.p99 < 150 });
  const visibility = report.app.publishVisibility;
  if (visibility) {
    const where = Object.entries(visibility.perOrigin).map(([origin, t]) => `${new URL(origin).port} ${ms(t)}`).join(", ");
    checks.push({ target: "publish → visible on every instance and through the HTTP cache < 2 s", measured: `${ms(visibility.milliseconds)} (${where})`, met: visibility.milliseconds < 2_000 });
  }
  const { loadSeconds, scale } = report.dataset;
  checks.push({
    target: "dataset load < 60 s (at scale 1)",
    measured: loadSeconds === null ? "reused" : `${loadSeconds.toFixed(1)} s at scale ${scale}`,
    met: loadSeconds === null || scale < 1 ? null : loadSeconds < 60,
    note: scale < 1 ? "only judged at full scale" : undefined,
  });
  const perInstance = Math.max(...report.app.peakRssPerInstanceBytes);
  checks.push({ target: "app peak RSS < 500 MB (per instance)", measured: mib(perInstance), met: perInstance < 500 * 1000 * 1000 });
  for (const r of [...report.app.results, floor, ceiling]) {
    const failed = r.errors + r.non2xx + r.timeouts;
    if (r.requests === 0) checks.push({ target: `${r.name}: answers within the run`, measured: "no response completed", met: false });
    else if (failed > 0) checks.push({ target: `${r.name}: no errors`, measured: `${failed} failed of ${r.requests}`, met: false });
  }
  return checks;
}

/** The table printed on stdout. */
export function formatReport(report: BenchReport): string {
  const { floor, floorSearch, ceiling } = report.baselines;
  const rows = [
    ["endpoint", "req/s", "p50", "p95", "p99", "errors", "vs (a)", "vs (b)"],
    ...[...report.app.results, floor, floorSearch, ceiling].map((r) => [
      r.name,
      rate(r.requestsPerSecond),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      String(r.errors + r.non2xx + r.timeouts),
      `${((r.requestsPerSecond / floor.requestsPerSecond) * 100).toFixed(0)} %`,
      `${((r.requestsPerSecond / ceiling.requestsPerSecond) * 100).toFixed(1)} %`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const m = report.machine;
  return [
    `claimdesk benchmark, ${report.startedAt}`,
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, node ${m.node}, load average at start ${m.loadAverageAtStart.map((v) => v.toFixed(2)).join(" ")}, at end ${m.loadAverageAtEnd.map((v) => v.toFixed(2)).join(" ")}`,
    `dataset: scale ${report.dataset.scale}, ${Object.entries(report.dataset.rows).map(([k, v]) => `${v} ${k}`).join(", ")}; ${report.dataset.reused ? "reused" : `loaded in ${report.dataset.loadSeconds?.toFixed(1)} s`}`,
    `app: ${report.app.instances} instance(s), peak RSS ${report.app.peakRssPerInstanceBytes.map(mib).join(" + ")}; ${String(report.options.connections)} connections, ${String(report.options.duration)} s per endpoint, load from ${String(report.options.client)}`,
    "",
    line(rows[0]!),
    ...rows.slice(1).map(line),
    "",
    "targets:",
    ...report.targets.map((t) => `  ${t.met === null ? "·" : t.met ? "✓" : "✗"} ${t.target}: ${t.measured}${t.note ? ` (${t.note})` : ""}`),
  ].join("\n");
}

export function machineInfo(): BenchReport["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart: os.loadavg(),
    loadAverageAtEnd: [],
    node: process.version,
  };
}

/** Writes bench/results/<time>.json (ignored by git) and returns its path. */
export function saveReport(report: BenchReport): string {
  const dir = path.resolve("bench/results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
