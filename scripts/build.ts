// One `next build` per content: the build is keyed on a SHA-256 of everything that goes into it
// (sources, prisma/, the generated client, config, lockfile). `npm test` builds once with it; every
// suite that serves the app (e2e, security, faults) calls ensureBuild(), which reuses that build
// and never builds again while the content is unchanged. `tsx scripts/build.ts` builds if needed.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const INPUTS = [
  "app",
  "components",
  "lib",
  "prisma",
  "types",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
// Files a suite writes next to the sources while it runs; they never reach the bundle.
const IGNORED = /(^|\/)(node_modules|\.next|\.data)(\/|$)|\.test\.tsx?$|\.tsbuildinfo$/;
const STAMP = ".next/claimdesk-build.sha256";

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile())
    .map((item) => path.join(item.parentPath ?? item.path, item.name));
}

/** SHA-256 over the names and bytes of every input of `next build`, in a stable order. */
export function buildInputsHash(): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap(files).filter((f) => !IGNORED.test(f)).sort()) {
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  // NEXT_PUBLIC_* values are inlined into the bundle.
  for (const [key, value] of Object.entries(process.env).filter(([k]) => k.startsWith("NEXT_PUBLIC_")).sort()) hash.update(`${key}=${value}\0`);
  return hash.digest("hex");
}

/** Whether `.next` holds a complete build of exactly the current inputs. */
export function isBuildFresh(hash = buildInputsHash()): boolean {
  return existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === hash;
}

/**
 * Builds unless `.next` already holds a build of the current inputs. The type-check inside
 * `next build` is skipped only when the caller says the same program is type-checked elsewhere
 * in the same run (`npm test` runs `tsc` beside the build).
 */
export function ensureBuild(options: { skipTypecheck?: boolean; env?: NodeJS.ProcessEnv } = {}): { built: boolean } {
  // Set by `npm test` for the suites that run after its build step: they serve that build and
  // never build themselves (a source edited during the run must not start builds side by side).
  if (process.env.CLAIMDESK_BUILT_BY_TEST_RUN === "1" && existsSync(".next/BUILD_ID")) return { built: false };
  const hash = buildInputsHash();
  if (isBuildFresh(hash)) return { built: false };
  console.log("claimdesk: building the app (next build) …");
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (options.skipTypecheck) env.CLAIMDESK_BUILD_SKIP_TYPECHECK = "1";
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("next build failed (see above)");
  writeFileSync(STAMP, `${hash}\n`);
  return { built: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const { built } = ensureBuild({ skipTypecheck: process.argv.includes("--skip-typecheck") });
    console.log(built ? "claimdesk: build done" : "claimdesk: the build in .next is up to date (content hash matches)");
  } catch (error) {
    console.error(`claimdesk: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
