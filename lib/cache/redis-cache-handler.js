// Next.js's incremental cache (the entries behind `unstable_cache`, and rendered routes) on Redis,
// shared by every app instance: next.config.js names this file as `cacheHandler` when REDIS_URL is
// set. It is plain JavaScript because Next imports it at run time, outside the bundle; the types
// are in redis-cache-handler.d.ts and the behaviour is tested against a real Redis
// (redis-cache-handler.test.ts, test/faults/shared-cache.test.ts).
//
// The rules that keep a publication honest across instances:
//  - Every timestamp is Redis's clock (TIME inside the scripts, in microseconds), never an instance's.
//  - An entry is stamped with the time of the earliest read of its key that came before it (the miss,
//    or the hit whose staleness started a background refresh), so a render that read the database
//    before a publish and stored its result after it is still older than the tag. Without such a
//    read on record, the stamp is UNKNOWN_READ_US before the write (longer than any query may run).
//  - revalidateTag() (and updateTag()) expire a tag at once, whatever profile was asked for: after a
//    publication event nothing filled before it is served, not even as "stale while revalidating".
//  - Redis unreachable or slow (over COMMAND_TIMEOUT_MS): reads are misses (the page reads the
//    database), writes are dropped, and an instance that lost its connection flushes the shared
//    cache when it gets it back, so an invalidation it could not deliver is never lost.
import { Redis } from "ioredis";

const COMMAND_TIMEOUT_MS = 250;
const ENTRY_TTL_SECONDS = 24 * 60 * 60;
/** Above DATABASE_QUERY_TIMEOUT_MS's default (20 s): no read that fed a write started earlier. */
const UNKNOWN_READ_US = 30_000_000;
/** Keys whose read start is remembered; past this, the oldest are forgotten (and stamped conservatively). */
const READ_STARTS_KEPT = 10_000;
/** How often an instance holding an undelivered invalidation tries to deliver it (as a flush). */
const RECOVERY_RETRY_MS = 100;

// Returns { now, value?, at? }. KEYS[1] the entry, KEYS[2] the flush marker; ARGV[1] the tag-key
// prefix, ARGV[2..] tags the caller adds (the read's tags and soft tags).
const GET_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local e = redis.call('HMGET', KEYS[1], 'v', 'at', 'tags')
if not e[1] then return {now} end
local at = tonumber(e[2])
local flushed = tonumber(redis.call('GET', KEYS[2]) or '0')
if flushed >= at then return {now} end
local function expired(tag)
  local ts = redis.call('GET', ARGV[1] .. tag)
  return ts and tonumber(ts) >= at
end
for tag in string.gmatch(e[3] or '', '[^,]+') do
  if expired(tag) then return {now} end
end
for i = 2, #ARGV do
  if expired(ARGV[i]) then return {now} end
end
return {now, e[1], at}
`;

// KEYS[1] the entry; ARGV: value, stamp (0 = unknown: now minus ARGV[5] µs), comma-separated tags,
// TTL in seconds, the unknown read's margin.
const SET_SCRIPT = `
local at = tonumber(ARGV[2])
if at == 0 then
  local t = redis.call('TIME')
  at = tonumber(t[1]) * 1000000 + tonumber(t[2]) - tonumber(ARGV[5])
end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'at', string.format('%.0f', at), 'tags', ARGV[3])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return at
`;

// Every KEYS[i] is set to Redis's current time (a tag's expiry, or the flush marker). Stamps are
// written with string.format: Lua's default number format keeps 14 digits, too few for microseconds.
const STAMP_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
for i = 1, #KEYS do redis.call('SET', KEYS[i], string.format('%.0f', now)) end
return now
`;

/** Buffers and Maps (a rendered page's RSC data and segments) survive JSON as tagged objects. */
function replacer(_key, value) {
  if (value && value.type === "Buffer" && Array.isArray(value.data)) return { $buffer: Buffer.from(value.data).toString("base64") };
  if (value instanceof Map) return { $map: [...value.entries()] };
  return value;
}

function reviver(_key, value) {
  if (value && typeof value === "object" && typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
  if (value && typeof value === "object" && Array.isArray(value.$map)) return new Map(value.$map);
  return value;
}

export function serialize(value) {
  return JSON.stringify(value, replacer);
}

export function deserialize(text) {
  return JSON.parse(text, reviver);
}

/** The tags a stored value carries: a fetch's from the call, a route's from Next's header. */
function tagsOf(value, ctx) {
  if (value?.kind === "FETCH") return ctx?.tags ?? [];
  const header = value?.headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",") : [];
}

/**
 * One connection per process, shared by every handler instance Next creates, and kept on globalThis
 * so the app's own code (bundled apart from this file) reads the same state: tagGeneration().
 */
const SHARED_KEY = Symbol.for("claimdesk.sharedCache");

export function connectShared(options) {
  const url = options.url;
  const prefix = options.prefix;
  const log = options.log ?? ((level, message) => console[level](JSON.stringify({ level, event: "cache.redis", msg: message })));
  const redis = new Redis(url, {
    // Fail at once while disconnected instead of queueing: a read must never wait for Redis.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    lazyConnect: false,
  });
  redis.defineCommand("cacheGet", { numberOfKeys: 2, lua: GET_SCRIPT });
  redis.defineCommand("cacheSet", { numberOfKeys: 1, lua: SET_SCRIPT });
  const state = { redis, prefix, lostContact: false, flushPending: false, recovering: null, retrying: null, log, readStarts: new Map() };
  redis.on("error", () => {
    if (!state.lostContact) log("warn", "Redis unreachable: the shared cache is bypassed (uncached reads) until it is back");
    state.lostContact = true;
  });
  redis.on("close", () => {
    state.lostContact = true;
  });
  redis.on("ready", () => {
    if (state.lostContact) recover(state);
  });
  return state;
}

/**
 * Back in contact: whatever this instance could not tell Redis while it was away is covered by
 * dropping every entry filled before now (the marker is compared with each entry's stamp). Until
 * that is done, the cache stays bypassed.
 */
function recover(state) {
  if (state.recovering) return;
  state.recovering = stamp(state, [`${state.prefix}flushed`])
    .then(() => {
      state.lostContact = false;
      state.flushPending = false;
      state.log("info", "Redis reachable: the shared cache was flushed and is in use again");
    })
    .catch(() => {})
    .finally(() => {
      state.recovering = null;
    });
}

/** Tries recover() every RECOVERY_RETRY_MS until it has succeeded. */
function retryRecovery(state) {
  if (state.retrying) return;
  state.retrying = setInterval(() => {
    if (!state.lostContact) {
      clearInterval(state.retrying);
      state.retrying = null;
    } else if (state.redis.status === "ready") recover(state);
  }, RECOVERY_RETRY_MS);
  state.retrying.unref();
}

/** Keeps the earliest read of `key` that may still be running (younger than UNKNOWN_READ_US). */
function noteRead(state, key, now) {
  const earlier = state.readStarts.get(key);
  if (earlier !== undefined && now - earlier < UNKNOWN_READ_US) return;
  state.readStarts.delete(key);
  if (state.readStarts.size >= READ_STARTS_KEPT) state.readStarts.delete(state.readStarts.keys().next().value);
  state.readStarts.set(key, now);
}

function stamp(state, keys) {
  return state.redis.eval(STAMP_SCRIPT, keys.length, ...keys);
}

function sharedState() {
  if (!globalThis[SHARED_KEY]) {
    const url = process.env.REDIS_URL;
    if (!url) throw new Error("REDIS_URL is not set: the Redis cache handler needs it (next.config.js only names this handler when it is set)");
    globalThis[SHARED_KEY] = connectShared({ url, prefix: process.env.REDIS_KEY_PREFIX || "claimdesk:" });
  }
  return globalThis[SHARED_KEY];
}

/**
 * What a tag's entries were last expired by: its stamp and the flush marker, as one string that
 * changes with every revalidateTag() of the tag and every flush, on every instance alike. Null
 * when it cannot be known (no handler in this process yet, Redis away, or an invalidation not yet
 * delivered): a caller must then treat every cached entry as about to change.
 * `state` is this process's connection unless given (tests).
 */
export async function tagGeneration(tag, state = globalThis[SHARED_KEY]) {
  if (!state || state.lostContact || state.flushPending || state.redis.status !== "ready") return null;
  try {
    const [stamp, flushed] = await state.redis.mget(`${state.prefix}tag:${tag}`, `${state.prefix}flushed`);
    return `${stamp ?? 0}.${flushed ?? 0}`;
  } catch {
    return null;
  }
}

export default class RedisCacheHandler {
  /** @param {{ state?: unknown }} [options] Next passes its context; tests pass their own `state`. */
  constructor(options) {
    this.state = options?.state ?? sharedState();
  }

  async get(key, ctx) {
    const { redis, prefix } = this.state;
    if (this.state.lostContact) {
      if (redis.status === "ready") recover(this.state);
      return null;
    }
    if (redis.status !== "ready") return null;
    const extra = ctx?.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    try {
      const [now, value, at] = await redis.cacheGet(`${prefix}entry:${key}`, `${prefix}flushed`, `${prefix}tag:`, ...extra);
      noteRead(this.state, key, Number(now));
      if (value === undefined || value === null) return null;
      // Next wants milliseconds (it compares them with its revalidate period).
      return { value: deserialize(value), lastModified: Math.floor(Number(at) / 1000) };
    } catch (error) {
      this.state.log("warn", `shared cache read failed, reading uncached: ${error?.message ?? error}`);
      return null;
    }
  }

  async set(key, data, ctx) {
    const { redis, prefix, readStarts } = this.state;
    const startedAt = readStarts.get(key) ?? 0;
    readStarts.delete(key);
    if (this.state.lostContact || redis.status !== "ready") return;
    try {
      // A value of null asks to forget the entry.
      if (data === null) {
        await redis.del(`${prefix}entry:${key}`);
        return;
      }
      await redis.cacheSet(`${prefix}entry:${key}`, serialize(data), startedAt, tagsOf(data, ctx).join(","), ENTRY_TTL_SECONDS, UNKNOWN_READ_US);
    } catch (error) {
      this.state.log("warn", `shared cache write dropped: ${error?.message ?? error}`);
    }
  }

  /** Expires the tags at once on every instance, whatever `durations` asks for (see the top of the file). */
  async revalidateTag(tags) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    if (list.length === 0) return;
    const { prefix } = this.state;
    try {
      if (this.state.lostContact || this.state.redis.status !== "ready") throw new Error("not connected");
      await stamp(this.state, list.map((tag) => `${prefix}tag:${tag}`));
    } catch (error) {
      // Delivered as a flush of the whole shared cache (recover()) as soon as Redis answers: retried
      // here, not left to this instance's next read, because other instances may be reading.
      this.state.flushPending = true;
      this.state.lostContact = true;
      retryRecovery(this.state);
      this.state.log("error", `tag invalidation not delivered (${list.join(", ")}): the shared cache is bypassed and flushed on reconnect: ${error?.message ?? error}`);
    }
  }

  resetRequestCache() {}
}
