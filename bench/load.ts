import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

/** One measured endpoint: where it is, and the paths to cycle through (several, so caches see a mix). */
export type Target = { name: string; origins: string[]; paths: string[]; headers?: Record<string, string>; connections?: number };

/** The load generator: wrk (C, from Debian's packages) when the machine has it, else autocannon. */
export type LoadClient = "wrk" | "autocannon";

export type LoadOptions = { connections: number; durationSeconds: number; warmupSeconds: number; maxRequests: number; client: LoadClient };

export function defaultLoadClient(): LoadClient {
  return spawnSync(process.env.WRK_BIN ?? "wrk", ["-v"], { encoding: "utf8" }).stdout?.startsWith("wrk ") ? "wrk" : "autocannon";
}

export type LoadResult = {
  name: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  bytesPerSecond: number;
  seconds: number;
};

const percentile = (sorted: Float64Array, q: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);

/**
 * Drives a target over loopback with the chosen client (wrk: below; autocannon: the rest of this
 * comment), bounded in time (duration) and in count
 * (maxRequests), after an unmeasured warm-up. With several origins (app instances) the
 * connections are split between them and the figures added up; every response time is recorded,
 * so p95 is exact rather than read off autocannon's coarser percentiles.
 */
export async function measure(target: Target, options: LoadOptions): Promise<LoadResult> {
  if (options.client === "wrk") return measureWithWrk(target, options);
  if (options.warmupSeconds > 0) await run(target, { ...options, durationSeconds: options.warmupSeconds }, null);
  const latencies: number[] = [];
  const results = await run(target, options, latencies);
  const sorted = Float64Array.from(latencies).sort();
  const seconds = Math.max(...results.map((r) => r.duration));
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    name: target.name,
    requests,
    requestsPerSecond: results.reduce((n, r) => n + r.requests.total / r.duration, 0),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    errors: results.reduce((n, r) => n + r.errors, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    bytesPerSecond: results.reduce((n, r) => n + r.throughput.total / r.duration, 0),
    seconds,
  };
}

function run(target: Target, options: LoadOptions, latencies: number[] | null): Promise<autocannon.Result[]> {
  const share = Math.max(1, Math.floor((target.connections ?? options.connections) / target.origins.length));
  return Promise.all(
    target.origins.map((origin, index) => {
      let next = index;
      return new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: origin,
            connections: share,
            duration: options.durationSeconds,
            maxOverallRequests: Math.ceil(options.maxRequests / target.origins.length),
            timeout: 10,
            headers: target.headers,
            requests: [{ setupRequest: (request) => ({ ...request, path: target.paths[next++ % target.paths.length]! }) }],
          },
          (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
        );
        if (latencies) instance.on("response", (_client, _status, _bytes, responseTime) => void latencies.push(responseTime));
      });
    }),
  );
}

/*
 * wrk: one single-threaded wrk process per origin, its connections a share of the target's, after
 * an unmeasured warm-up. A script cycles through the paths and writes wrk's own histogram as 1,000
 * quantiles, so several origins' figures are merged by their request counts. autocannon runs in
 * this Node process and parses every body in JavaScript: on two cores it, not the server, was the
 * limit for large pages (4,700 req/s for the 89 KB ledger page through nginx, where wrk measured
 * 20,000), so a figure measured with it says more about the client than about the server.
 */
type WrkRun = { requests: number; duration: number; bytes: number; connect: number; read: number; write: number; status: number; timeout: number; max: number; quantiles: number[] };

async function measureWithWrk(target: Target, options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-wrk-"));
  try {
    const share = Math.max(1, Math.floor((target.connections ?? options.connections) / target.origins.length));
    const scripts = target.origins.map((_, index) => {
      const file = path.join(dir, `${index}.lua`);
      writeFileSync(file, wrkScript(target, index));
      return file;
    });
    const runAll = (seconds: number) => Promise.all(target.origins.map((origin, index) => runWrk(origin, scripts[index]!, share, seconds)));
    if (options.warmupSeconds > 0) await runAll(options.warmupSeconds);
    const runs = await runAll(options.durationSeconds);
    const requests = runs.reduce((n, r) => n + r.requests, 0);
    const merged = mergedQuantile(runs);
    const quantile = (q: number) => merged(q) / 1000;
    return {
      name: target.name,
      requests,
      requestsPerSecond: runs.reduce((n, r) => n + r.requests / (r.duration / 1e6), 0),
      p50: quantile(0.5),
      p95: quantile(0.95),
      p99: quantile(0.99),
      max: Math.max(...runs.map((r) => r.max)) / 1000,
      errors: runs.reduce((n, r) => n + r.connect + r.read + r.write + r.timeout, 0),
      non2xx: runs.reduce((n, r) => n + r.status, 0),
      timeouts: runs.reduce((n, r) => n + r.timeout, 0),
      bytesPerSecond: runs.reduce((n, r) => n + r.bytes / (r.duration / 1e6), 0),
      seconds: Math.max(...runs.map((r) => r.duration)) / 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The q-quantile (0 < q ≤ 1) of several runs together, each run given as its request count and its
 * latencies at 1,000 evenly spaced quantiles: each point stands for an equal share of its run's
 * requests. NaN when no run answered anything.
 */
export function mergedQuantile(runs: Array<{ requests: number; quantiles: number[] }>): (q: number) => number {
  const points = runs
    .filter((r) => r.requests > 0 && r.quantiles.length > 0)
    .flatMap((r) => r.quantiles.map((value) => ({ value, weight: r.requests / r.quantiles.length })))
    .sort((a, b) => a.value - b.value);
  const total = points.reduce((n, p) => n + p.weight, 0);
  return (q) => {
    let seen = 0;
    for (const point of points) {
      seen += point.weight;
      if (seen >= q * total - 1e-9) return point.value;
    }
    return Number.NaN;
  };
}

const luaString = (value: string) => JSON.stringify(value).replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => `\\u{${hex}}`);

function wrkScript(target: Target, offset: number): string {
  const headers = Object.entries(target.headers ?? {}).map(([name, value]) => `wrk.headers[${luaString(name)}] = ${luaString(value)}`);
  return `${headers.join("\n")}
local paths = { ${target.paths.map(luaString).join(", ")} }
local n = ${offset}
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n - 1) % #paths + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  local q = {}
  for i = 1, 1000 do q[i] = string.format("%d", latency:percentile(i / 10)) end
  io.write(string.format('WRK {"requests":%d,"duration":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"max":%d,"quantiles":[%s]}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, latency.max, table.concat(q, ",")))
end
`;
}

function runWrk(origin: string, script: string, connections: number, seconds: number): Promise<WrkRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.WRK_BIN ?? "wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", script, origin], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = output.split("\n").find((l) => l.startsWith("WRK "));
      if (code !== 0 || !line) reject(new Error(`wrk exited with ${code}:\n${output.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(4)) as WrkRun);
    });
  });
}
