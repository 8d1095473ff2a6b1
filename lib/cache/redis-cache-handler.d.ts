// Types for redis-cache-handler.js (plain JavaScript: Next imports it at run time, outside the bundle).
import type { Redis } from "ioredis";

export type CacheLog = (level: "info" | "warn" | "error", message: string) => void;

/** One process's connection and bookkeeping, shared by every handler Next creates. */
export type SharedCacheState = {
  redis: Redis;
  prefix: string;
  lostContact: boolean;
  flushPending: boolean;
  log: CacheLog;
};

export type CacheEntry = { value: unknown; lastModified: number };

export function connectShared(options: { url: string; prefix: string; log?: CacheLog }): SharedCacheState;
export function serialize(value: unknown): string;
export function deserialize(text: string): unknown;
export function tagGeneration(tag: string, state?: SharedCacheState): Promise<string | null>;

export default class RedisCacheHandler {
  constructor(options?: { state?: SharedCacheState });
  get(key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<CacheEntry | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
