// `npm run bench:embedded`: the app's own queries on the embedded database (through its owner's
// socket, the one driver path) against the same on PostgreSQL, at small scale (the demo data).
// PostgreSQL: BENCH_DATABASE_URL (default .../claimdesk_bench), dropped and re-created.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withPostgres } from "../lib/db/connect";
import { openDatabase, type DbHandle } from "../lib/db/open";
import { seedDemo } from "../lib/seed/demo";
import { runWorkload, type Figure } from "./embedded-workload";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_bench";
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(url).hostname)) throw new Error("BENCH_DATABASE_URL must be local");
const options = { sequential: 300, concurrent: 400, parallel: 8 };

async function measure(label: string, open: () => Promise<DbHandle>): Promise<Array<Figure & { target: string }>> {
  const handle = await open();
  try {
    await seedDemo(handle.db);
    return (await runWorkload(handle.db, options)).map((f) => ({ ...f, target: label }));
  } finally {
    await handle.close();
  }
}

const name = new URL(url).pathname.slice(1);
const admin = Object.assign(new URL(url), { pathname: "/postgres" }).toString();
await withPostgres(admin, async (sql) => {
  await sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql.exec(`CREATE DATABASE "${name}"`);
});
const dir = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-bench-")), "pglite");
try {
  const rows = [
    ...(await measure("PostgreSQL 15", () => openDatabase({ kind: "postgres", url }, { migrate: true }))),
    ...(await measure("embedded (socket)", () => openDatabase({ kind: "pglite", dir }, { migrate: true }))),
  ];
  console.log("| operation | database | p50 ms | p95 ms | ops/s, 8 at a time |");
  console.log("|---|---|---:|---:|---:|");
  for (const r of rows.sort((a, b) => a.name.localeCompare(b.name))) {
    console.log(`| ${r.name} | ${r.target} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${Math.round(r.perSecond)} |`);
  }
} finally {
  rmSync(path.dirname(dir), { recursive: true, force: true });
}
