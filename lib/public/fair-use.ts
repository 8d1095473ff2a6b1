import "server-only";
import { getEnv, type Env } from "../env";
import { systemLog } from "../log";
import { clientAddress } from "../security/client-address";
import { memoryCounterStore, redisCounterStore, type CounterStore } from "../security/rate-limit";
import { errorResponse } from "./http";

/*
 * Fair use of the public API, feeds and exports (docs/api.md#fair-use): each client address gets
 * a quota of GET/HEAD requests per fixed window, per policy ("api" for the API, the feeds and the
 * key; "export" for the whole-ledger files). Over it: 429 with Retry-After. Every counted answer
 * carries the IETF draft's RateLimit-Policy and RateLimit fields. A 304 is refunded (a conditional
 * request that the client's cache answers costs us almost nothing, and we want clients to send
 * them); responses a shared cache serves never reach the app, so they never count.
 */

type Policy = { name: "api" | "export"; limit: number; windowMs: number };

function policyFor(pathname: string, env: Env): Policy {
  return pathname.startsWith("/export/")
    ? { name: "export", limit: env.RATE_LIMIT_EXPORT_REQUESTS, windowMs: env.RATE_LIMIT_EXPORT_WINDOW_SECONDS * 1000 }
    : { name: "api", limit: env.RATE_LIMIT_API_REQUESTS, windowMs: env.RATE_LIMIT_API_WINDOW_SECONDS * 1000 };
}

let store: CounterStore | undefined;

/** The counters: Redis when REDIS_URL is set (connected lazily, never waited for), else this process's memory. */
function counterStore(env: Env): CounterStore {
  if (store) return store;
  if (!env.REDIS_URL) return (store = memoryCounterStore());
  const url = env.REDIS_URL;
  let shared: CounterStore | null = null;
  // Connected in the background: until it is (or while Redis is away) requests are not counted,
  // rather than held. No offline queue, so a command fails at once when the connection is down.
  void import("ioredis")
    .then(({ Redis }) => {
      const client = new Redis(url, { enableOfflineQueue: false, connectTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: (retries) => Math.min(retries * 200, 5000) });
      client.on("error", warnOnce);
      shared = redisCounterStore(client, `${env.REDIS_KEY_PREFIX}ratelimit:`);
    })
    .catch(warnOnce);
  const notConnected = () => Promise.reject(new Error("Redis is not connected"));
  return (store = {
    hit: (key, windowMs, now) => (shared ? shared.hit(key, windowMs, now) : notConnected()),
    refund: (key, windowMs, now) => (shared ? shared.refund(key, windowMs, now) : notConnected()),
  });
}

let lastWarning = 0;
function warnOnce(err: unknown) {
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  systemLog().warn({ event: "ratelimit.store", err }, "fair-use counters unavailable: requests are not limited until they are back");
}

const policyField = (p: Policy) => `"${p.name}";q=${p.limit};w=${Math.round(p.windowMs / 1000)}`;

function setRateHeaders(response: Response, policy: Policy, count: number, resetMs: number) {
  response.headers.set("RateLimit-Policy", policyField(policy));
  response.headers.set("RateLimit", `"${policy.name}";r=${Math.max(0, policy.limit - count)};t=${Math.ceil(resetMs / 1000)}`);
}

export type Admission = { refused: Response | null; settle(response: Response): Promise<Response> };

/**
 * Counts a public GET/HEAD against its client's quota. `refused` is the 429 to answer instead;
 * otherwise `settle` adds the RateLimit fields to the handler's response (refunding a 304). Null
 * when nothing is counted: other methods, a request with no known address (only in-process calls:
 * every request the server reads from a socket has one, see lib/security/client-address.ts), or the
 * counters are unreachable (fail open: a Redis outage must not take the public API down).
 */
export async function admit(request: Request): Promise<Admission | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const env = getEnv();
  const address = clientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
  if (address === "unknown") return null;
  const policy = policyFor(new URL(request.url).pathname, env);
  const key = `${policy.name}:${address}`;
  const now = Date.now();
  const counters = counterStore(env);
  let counted: { count: number; resetMs: number };
  try {
    counted = await counters.hit(key, policy.windowMs, now);
  } catch (err) {
    warnOnce(err);
    return null;
  }
  const { count, resetMs } = counted;
  if (count > policy.limit) {
    const refused = errorResponse("RATE_LIMITED", `Over the fair-use limit of ${policy.limit} requests per ${Math.round(policy.windowMs / 1000)} s for this address. Retry after the time in Retry-After.`, 429);
    refused.headers.set("Retry-After", String(Math.ceil(resetMs / 1000)));
    setRateHeaders(refused, policy, count, resetMs);
    return { refused, settle: async (response) => response };
  }
  return {
    refused: null,
    async settle(response) {
      const charged = response.status === 304 ? count - 1 : count;
      if (response.status === 304) await counters.refund(key, policy.windowMs, now).catch(warnOnce);
      setRateHeaders(response, policy, charged, resetMs);
      return response;
    },
  };
}
