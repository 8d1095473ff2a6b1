// Whether `.next` was built after the last change to the app's sources, so test suites that serve
// the built app (test/http, test/faults) can reuse the build the browser tests just made.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "lib", "components", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const item of readdirSync(entry, { recursive: true, withFileTypes: true })) {
    const file = path.join(item.parentPath ?? item.path, item.name);
    if (file.includes("generated") || !item.isFile()) continue;
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

export function isBuildFresh(): boolean {
  const buildId = ".next/BUILD_ID";
  return existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...SOURCES.map(newestMtime));
}
