// `npm run bench`: speed is measured here, never in timed tests. Uses a throwaway database
// (BENCH_DATABASE_URL, default claimdesk_bench on the local PostgreSQL), fills it with synthetic
// claims, and reports p50/p95 per operation. Figures are recorded in docs/performance.md.
import { performance } from "node:perf_hooks";
import { withPostgres } from "../lib/db/connect";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/client";
import { proposeCandidates } from "../lib/extraction/candidates";
import { findConflicts } from "../lib/domain/conflicts";
import { countIndependentOrigins } from "../lib/domain/origins";
import { readCorpus } from "../lib/corpus";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_bench";
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 20_000);

async function time(name: string, runs: number, fn: () => unknown | Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
  console.log(`${name.padEnd(52)} runs ${String(runs).padStart(4)}  p50 ${at(0.5).padStart(8)} ms  p95 ${at(0.95).padStart(8)} ms`);
}

const admin = new URL(url);
const name = admin.pathname.slice(1);
admin.pathname = "/postgres";
await withPostgres(admin.toString(), async (sql) => {
  await sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql.exec(`CREATE DATABASE "${name}"`);
});
await withPostgres(url, (sql) => migrate(sql));
const db = await createPrismaClient({ kind: "postgres", url });

const words = "police killed injured airport cleared terrorists interference protest fuel price cap internet shutdown emergency curfew troops Almaty Tokayev CSTO Netblocks dozens hundreds".split(" ");
const pick = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(" ");
console.log(`Filling ${CLAIMS} synthetic claims …`);
const fillStart = performance.now();
for (let offset = 0; offset < CLAIMS; offset += 2000) {
  await db.claim.createMany({
    data: Array.from({ length: Math.min(2000, CLAIMS - offset) }, (_, k) => {
      const i = offset + k;
      return { slug: `bench-${i}`, text: `${pick(i, 12)} claim ${i}`, claimant: pick(i + 3, 2), kind: "EVENT" as const };
    }),
  });
}
console.log(`  filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
await db.$executeRawUnsafe("ANALYZE claims");

const corpus = readCorpus();
await time("extraction: propose candidates for the corpus report", 200, () => proposeCandidates(corpus));
const evidence = Array.from({ length: 500 }, (_, i) => ({
  stance: (i % 7 === 0 ? "CONTRADICTS" : "SUPPORTS") as "SUPPORTS" | "CONTRADICTS",
  figure: { low: i % 50, high: (i % 50) + 10, counted: `count ${i % 5}` },
}));
await time("conflicts: 500 evidence rows", 200, () => findConflicts(evidence));
await time("origins: 500 citation links", 200, () =>
  countIndependentOrigins(evidence.map((_, i) => ({ sourceId: `s${i}`, citesSourceId: i % 3 ? `s${i % 10}` : null }))),
);
await time(`search: full-text over ${CLAIMS} claims (GIN)`, 100, () =>
  db.$queryRaw`SELECT slug FROM claims WHERE to_tsvector('english', text || ' ' || claimant) @@ websearch_to_tsquery('english', 'airport cleared') ORDER BY ts_rank(to_tsvector('english', text || ' ' || claimant), websearch_to_tsquery('english', 'airport cleared')) DESC LIMIT 20`,
);
await time(`duplicates: trigram similarity over ${CLAIMS} claims`, 100, () =>
  db.$queryRaw`SELECT slug, similarity(text, 'police killed in Almaty airport') AS s FROM claims WHERE text % 'police killed in Almaty airport' ORDER BY s DESC LIMIT 5`,
);
await time(`list: newest 50 claims by status`, 100, () =>
  db.claim.findMany({ where: { status: "NEW" }, orderBy: { updatedAt: "desc" }, take: 50, select: { slug: true, text: true } }),
);
await db.$disconnect();
