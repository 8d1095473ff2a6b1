import staticSecurityHeaders from "./lib/security/static-headers.json" with { type: "json" };
import limits from "./lib/security/limits.json" with { type: "json" };
import { fileURLToPath } from "node:url";

// REDIS_URL set: Next's incremental cache (the public reads behind unstable_cache and their tags)
// lives in Redis, shared by every instance, and no instance keeps a private copy
// (lib/cache/redis-cache-handler.js, docs/scaling.md). Unset: each process's memory, as before.
const sharedCache = process.env.REDIS_URL
  ? { cacheHandler: fileURLToPath(new URL("./lib/cache/redis-cache-handler.js", import.meta.url)), cacheMaxMemorySize: 0 }
  : {};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time (the app
  // owns the embedded database itself when started without npm start: lib/db/embedded/).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "proper-lockfile", "pg"],
  poweredByHeader: false,
  // proxy.ts must tell the client router's payload requests (the RSC headers, `?_rsc=`) from a
  // reader's page load, which goes to the page cache; by default Next strips both before the proxy.
  skipProxyUrlNormalize: true,
  ...sharedCache,
  experimental: {
    // The data cache lives in each server's memory only. On disk (.next/cache) it outlived the
    // database it was filled from (a restart on another DATABASE_URL, a fresh seed) and was shared
    // by every server started from the same build, each with its own database in the test suites.
    isrFlushToDisk: false,
    // Server Action bodies up to the same limit proxy.ts enforces with a 413 (lib/security/limits.json):
    // enough for the largest paste a form accepts (2,000,000 characters of any script), so an
    // oversized field gets its field error instead of Next's own 1 MB refusal (a 500).
    serverActions: { bodySizeLimit: limits.maxBodyBytes },
  },
  typedRoutes: false,
  // `npm test` type-checks the same program with `tsc` beside the build (scripts/build.ts).
  typescript: { ignoreBuildErrors: process.env.CLAIMDESK_BUILD_SKIP_TYPECHECK === "1" },
  // No serverActions.allowedOrigins: a Server Action accepts only its own host, and proxy.ts
  // refuses a missing or null Origin as well.
  async headers() {
    // The static security headers on every path, including the build output proxy.ts does not
    // see; proxy.ts sets the same ones plus the per-request Content-Security-Policy.
    const headers = Object.entries(staticSecurityHeaders).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
