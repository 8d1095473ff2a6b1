// Node 20's test runner takes no globs: find the test files and hand them over explicitly.
// Usage: node scripts/node-tests.mjs <dir or file>... [--shards=N] [-- extra node args]
//
// --shards=N: node's runner starts one process per file, and each pays about two seconds of CPU to
// load tsx, Prisma and the app before its first test; on two cores that was half of what the unit
// and integration step cost. With shards, the files are run by N processes, each importing its share
// one after another (tests inside a process run one at a time, as inside a file). A file that
// changes its process (environment variables, root-level hooks, the database it points at) says
// `// node-tests: own process` in its first lines and keeps a process of its own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const own = split === -1 ? args : args.slice(0, split);
const extra = split === -1 ? [] : args.slice(split + 1);
const shards = Number(own.find((a) => a.startsWith("--shards="))?.slice("--shards=".length) ?? 0);
const dirs = own.filter((a) => !a.startsWith("--"));

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

const OWN_PROCESS = "// node-tests: own process";
const ownProcess = (file) => readFileSync(file, "utf8").split("\n", 12).some((line) => line.startsWith(OWN_PROCESS));

/** The shard entry files (in a folder of their own per run) plus the files that keep their own process. */
function sharded(count) {
  const alone = files.filter(ownProcess);
  const shared = files.filter((file) => !alone.includes(file));
  // Largest first onto the lightest shard, by size: a rough and stable stand-in for duration.
  const bins = Array.from({ length: Math.min(count, shared.length) }, () => ({ bytes: 0, files: [] }));
  for (const file of [...shared].sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b))) {
    const bin = bins.reduce((low, b) => (b.bytes < low.bytes ? b : low));
    bin.bytes += statSync(file).size;
    bin.files.push(file);
  }
  const folder = path.join(".test-shards", String(process.pid));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const entries = bins.map((bin, i) => {
    const entry = path.join(folder, `shard-${i + 1}.test.mjs`);
    const imports = bin.files.sort().map((file) => `await import(${JSON.stringify(pathToFileURL(path.resolve(file)).href)});`);
    writeFileSync(entry, `// ${bin.files.length} test files in one process (scripts/node-tests.mjs --shards).\n${imports.join("\n")}\n`);
    return entry;
  });
  return { list: [...entries, ...alone], cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

const { list, cleanup } = shards > 0 ? sharded(shards) : { list: files, cleanup: () => {} };
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--import", "./test/support/setup-env.ts", "--conditions=react-server", "--test", ...extra, ...list],
  { stdio: "inherit" },
);
cleanup();
process.exit(result.status ?? 1);
