/*
 * The HTTP security policy in one place: proxy.ts applies it to every non-static response and
 * next.config.js sends the static headers (static-headers.json) on every path, including the
 * build output the proxy does not see. HSTS is fine over plain http: browsers ignore it there.
 * Pure functions, so the rules are unit-tested without a server.
 */

import staticHeaders from "./static-headers.json";

/** Headers that never change per request; next.config.js sends the same file's values. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = staticHeaders;

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce; 'strict-dynamic' lets those scripts load Next's
 * chunks. Inline styles stay allowed (React style attributes), inline scripts never are.
 * 'unsafe-eval' only for `next dev` (React's dev tooling rebuilds call stacks with eval).
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`);
}

/**
 * For a public page served from the page cache (lib/public/page-cache.ts), the same for every
 * reader: only the inline scripts that page was rendered with run (each named by its SHA-256), and
 * script files only from this origin (Next's chunks). No 'strict-dynamic': it would drop 'self',
 * and the page's own `<script src>` tags carry no nonce to vouch for them.
 */
export function hashedContentSecurityPolicy(scriptHashes: readonly string[]): string {
  return policy(["'self'", ...scriptHashes.map((hash) => `'sha256-${hash}'`)].join(" "));
}

function policy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * For a kept copy of a source page (/desk/snapshots/:id/html): sandboxed into a unique origin with
 * no scripts, nothing loaded from anywhere (the page's own images and scripts stay unfetched), only
 * its inline styles and data: images, and never framed.
 */
export const SNAPSHOT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

/** The paths that serve a kept page under SNAPSHOT_CSP instead of the site's policy. */
export const isSnapshotPath = (pathname: string) => /^\/desk\/snapshots\/[^/]+\/html\/?$/.test(pathname);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery: a request that can change something (any method but GET, HEAD and
 * OPTIONS: Server Actions, next-auth's sign-in and sign-out, any future Route Handler) must carry
 * an Origin naming this host. A foreign origin, the opaque `null` origin (sandboxed frames,
 * data: documents) and a missing Origin are all refused; every browser sends Origin on such
 * requests, so only hand-made requests go without one.
 */
export function checkRequestOrigin(request: { method: string; headers: Headers }): { ok: true } | { ok: false; reason: string } {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const origin = request.headers.get("origin");
  if (!origin) return { ok: false, reason: "missing Origin" };
  if (origin === "null") return { ok: false, reason: "null Origin" };
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "foreign Origin" };
    originHost = url.host;
  } catch {
    return { ok: false, reason: "malformed Origin" };
  }
  // The same host Next compares for Server Actions: a forwarding proxy's x-forwarded-host, else Host.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!host || host.toLowerCase() !== originHost.toLowerCase()) return { ok: false, reason: "foreign Origin" };
  return { ok: true };
}

/** A per-request id for logs; never taken from the client, so it cannot be forged or injected. */
export function createRequestId(): string {
  return crypto.randomUUID();
}
