import staticSecurityHeaders from "./lib/security/static-headers.json" with { type: "json" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
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
