import type { Db } from "../lib/db/client";

/*
 * The embedded-database benchmark's workload: a few of the app's own queries through its Prisma
 * client, on the demo data (small scale). Each is run one at a time (latency) and eight at a time
 * (throughput); the same code runs on PostgreSQL and on the embedded database.
 */

export type Figure = { name: string; p50: number; p95: number; perSecond: number };

type Operation = { name: string; run: (db: Db, i: number) => Promise<unknown> };

const operations = (slug: string): Operation[] => [
  {
    name: "read: 20 claims, newest first",
    run: (db) => db.claim.findMany({ orderBy: { updatedAt: "desc" }, take: 20, select: { slug: true, text: true, status: true } }),
  },
  { name: "read: a claim with its evidence", run: (db) => db.claim.findUnique({ where: { slug }, include: { evidence: true } }) },
  { name: "write: insert a row", run: async (db, i) => { await db.loginAttempt.create({ data: { email: "bench@embedded", ip: String(i), success: true } }); } },
  {
    name: "transaction: insert + count",
    run: (db, i) =>
      db.$transaction(async (tx) => {
        await tx.loginAttempt.create({ data: { email: "bench@embedded", ip: `t${i}`, success: false } });
        return tx.loginAttempt.count({ where: { email: "bench@embedded" } });
      }),
  },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function runWorkload(db: Db, options: { sequential: number; concurrent: number; parallel: number }): Promise<Figure[]> {
  const claim = await db.claim.findFirst({ select: { slug: true }, orderBy: { slug: "asc" } });
  if (!claim) throw new Error("no claims: seed the demo data first");
  const figures: Figure[] = [];
  for (const operation of operations(claim.slug)) {
    for (let i = 0; i < 20; i++) await operation.run(db, -i - 1); // warm-up
    const times: number[] = [];
    for (let i = 0; i < options.sequential; i++) {
      const start = performance.now();
      await operation.run(db, i);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: options.parallel }, async () => {
        while (next < options.concurrent) await operation.run(db, options.sequential + next++);
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    figures.push({ name: operation.name, p50: percentile(times, 0.5), p95: percentile(times, 0.95), perSecond: options.concurrent / seconds });
  }
  return figures;
}
