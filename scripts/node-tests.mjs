// Node 20's test runner takes no globs: find the test files and hand them over explicitly.
// Usage: node scripts/node-tests.mjs <dir or file>... [-- extra node args]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const dirs = split === -1 ? args : args.slice(0, split);
const extra = split === -1 ? [] : args.slice(split + 1);

const files = dirs
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    statSync(dir).isFile() ? [dir] : readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => path.join(e.parentPath ?? e.path, e.name)),
  )
  .filter((file) => /\.test\.tsx?$/.test(file) && !file.includes("node_modules") && !file.includes("generated"))
  .sort();
if (files.length === 0) {
  console.error(`No test files under ${dirs.join(", ")}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--import", "./test/support/setup-env.ts", "--conditions=react-server", "--test", ...extra, ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
