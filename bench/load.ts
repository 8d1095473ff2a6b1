import autocannon from "autocannon";

/** One measured endpoint: where it is, and the paths to cycle through (several, so caches see a mix). */
export type Target = { name: string; origins: string[]; paths: string[]; headers?: Record<string, string>; connections?: number };

export type LoadOptions = { connections: number; durationSeconds: number; warmupSeconds: number; maxRequests: number };

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
 * Drives a target with autocannon over loopback, bounded in time (duration) and in count
 * (maxRequests), after an unmeasured warm-up. With several origins (app instances) the
 * connections are split between them and the figures added up; every response time is recorded,
 * so p95 is exact rather than read off autocannon's coarser percentiles.
 */
export async function measure(target: Target, options: LoadOptions): Promise<LoadResult> {
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
