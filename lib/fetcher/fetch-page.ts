import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { classifyAddress } from "./address";
import { isFetchingDisabled, isLoopbackAllowed } from "./allowance";
import { FetchError } from "./errors";
import { literalAddress, systemResolver, type ResolvedAddress, type Resolver } from "./resolve";

export type FetchOptions = {
  /** Name resolution; the system's unless a test injects its own. */
  resolver?: Resolver;
  maxBytes?: number;
  /** For the whole fetch, every redirect included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Defaults to the test-only allowance (allowance.ts), which production never honours. */
  allowLoopback?: boolean;
};

export type FetchedPage = {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  /** The headers worth keeping with a snapshot (KEPT_HEADERS), lower-case names. */
  headers: Record<string, string>;
  contentType: string;
  /** The decoded bytes (after gzip/deflate/br), empty unless the status is 2xx. */
  body: Buffer;
  /** Every address visited before the final one. */
  redirects: string[];
};

export const FETCH_DEFAULTS = { maxBytes: 5_000_000, timeoutMs: 15_000, maxRedirects: 5 } as const;
const ACCEPTED_TYPES = ["text/html", "application/xhtml+xml", "text/plain"];
const KEPT_HEADERS = ["content-type", "content-language", "last-modified", "etag", "date", "cache-control"];
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a public web page safely (docs/security.md, "The fetcher"): http/https only; each host is
 * resolved once, every answer checked, and the socket connects to the checked address (no second
 * lookup for a rebinding server to answer differently); redirects are followed a bounded number of
 * times, each hop checked again; size, time and content type are limited. Throws FetchError.
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  if (isFetchingDisabled()) throw new FetchError({ code: "DISABLED" });
  const settings = {
    resolver: options.resolver ?? systemResolver,
    maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
    timeoutMs: options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
    maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
    allowLoopback: options.allowLoopback ?? isLoopbackAllowed(),
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const redirects: string[] = [];
    let current = parseTarget(url);
    for (;;) {
      const pinned = await vetHost(current.hostname, settings);
      if (controller.signal.aborted) throw new FetchError({ code: "TIMEOUT", ms: settings.timeoutMs });
      const response = await request(current, pinned, controller.signal, settings.timeoutMs);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        response.destroy();
        if (redirects.length >= settings.maxRedirects) throw new FetchError({ code: "REDIRECTS", limit: settings.maxRedirects });
        redirects.push(current.href);
        current = nextHop(location, current);
        continue;
      }
      const page = { requestedUrl: url, finalUrl: current.href, status, headers: keptHeaders(response.headers), redirects };
      const contentType = (response.headers["content-type"] ?? "").toLowerCase();
      if (status < 200 || status > 299) {
        response.destroy();
        return { ...page, contentType, body: Buffer.alloc(0) };
      }
      if (!ACCEPTED_TYPES.some((type) => contentType.split(";")[0]!.trim() === type)) {
        response.destroy();
        throw new FetchError({ code: "CONTENT_TYPE", contentType });
      }
      const declared = Number(response.headers["content-length"] ?? NaN);
      if (declared > settings.maxBytes) {
        response.destroy();
        throw new FetchError({ code: "TOO_LARGE", bytes: settings.maxBytes });
      }
      return { ...page, contentType, body: await readLimited(response, settings.maxBytes) };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw new FetchError({ code: "TIMEOUT", ms: settings.timeoutMs });
    throw new FetchError({ code: "NETWORK", detail: error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : "unknown" });
  } finally {
    clearTimeout(timer);
  }
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError({ code: "SCHEME" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError({ code: "SCHEME" });
  if (url.username || url.password) throw new FetchError({ code: "CREDENTIALS" });
  url.hash = "";
  return url;
}

function nextHop(location: string, from: URL): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError({ code: "REDIRECT_LOCATION" });
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") throw new FetchError({ code: "REDIRECT_LOCATION" });
  return parseTarget(next.href);
}

/** Resolves the host once and returns the address to connect to, refusing if ANY answer is not public. */
async function vetHost(hostname: string, settings: { resolver: Resolver; allowLoopback: boolean }): Promise<ResolvedAddress> {
  const literal = literalAddress(hostname);
  let answers: ResolvedAddress[];
  if (literal) answers = [literal];
  else {
    try {
      answers = await settings.resolver(hostname);
    } catch {
      throw new FetchError({ code: "DNS", host: hostname });
    }
  }
  if (answers.length === 0) throw new FetchError({ code: "DNS", host: hostname });
  for (const answer of answers) {
    const range = classifyAddress(answer.address);
    if (range && !(range === "loopback" && settings.allowLoopback)) {
      throw new FetchError({ code: "ADDRESS", host: hostname, address: answer.address, range });
    }
  }
  return answers[0]!;
}

function request(url: URL, pinned: ResolvedAddress, signal: AbortSignal, timeoutMs: number): Promise<http.IncomingMessage> {
  // The socket asks this function, not DNS, where the host is: the answer is the address just vetted.
  const lookup: LookupFunction = (_host, opts, callback) => {
    if (opts.all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const isHttps = url.protocol === "https:";
  const options: https.RequestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port || (isHttps ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: "GET",
    lookup,
    agent: false,
    signal,
    timeout: timeoutMs,
    headers: {
      "user-agent": "claimdesk-source-snapshot/1 (+fact-checking archive)",
      accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
      "accept-encoding": "gzip, deflate, br",
    },
  };
  return new Promise((resolve, reject) => {
    const req = (isHttps ? https : http).request(options, resolve);
    req.on("timeout", () => req.destroy(new Error("socket timeout")));
    req.on("error", reject);
    req.end();
  });
}

function keptHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (typeof value === "string") kept[name] = value.slice(0, 500);
  }
  return kept;
}

/** Reads the body, decompressing as declared, and gives up past maxBytes of decoded content. */
async function readLimited(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase().trim();
  const decoders: Record<string, () => NodeJS.ReadWriteStream> = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress };
  const make = decoders[encoding];
  if (!make && encoding !== "identity") {
    response.destroy();
    throw new FetchError({ code: "CONTENT_TYPE", contentType: `content encoded as ${encoding}` });
  }
  const stream: Readable = make ? (response.pipe(make()) as unknown as Readable) : response;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new FetchError({ code: "TOO_LARGE", bytes: maxBytes });
      chunks.push(chunk as Buffer);
    }
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks);
}
