// `npm run bench:soak [-- options]`: does the app hold up over time? A fixed-rate, open-loop mix of
// reads and writes against `next start` for N minutes, judged on the three criteria:
// error rate under 0.1 %, the last minute's p95 within 20 % of the first's, memory not growing.
//   1. the benchmark's dataset at a small scale (bench/dataset.ts; the soak is about stability, not size),
//   2. builds and starts the app (bench/app-server.ts), signs the dataset's fact-checker in,
//   3. an unjudged warm-up, then N minutes at --rate requests/s: ~90 % reads (ledger, claim pages,
//      /api/v1/claims, search), ~10 % writes through real Server Actions over HTTP (create claim,
//      attach evidence, change status),
//   4. per-minute latency, errors, RSS of the app's process tree and load average; the checks; and
//      a count in the database of every write that answered success,
//   5. prints the table and the checks, writes bench/results/soak-<time>.json. Exits 0 whatever
//      the checks say: it is a measurement.
// Options: --minutes 10  --rate 10  --scale 0.05  --warmup 60  --port 3450  --timeout 10
//          --max-in-flight 200  --no-build  --reuse-data
// Database: SOAK_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/claimdesk_bench_soak).
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { appEnv, buildApp, startApp, stopServer, type Server } from "./app-server";
import { BENCH_PASSWORD, prepareDataset } from "./dataset";
import { machineInfo } from "./report";
import { signIn } from "./session";
import { readOperation, runOpenLoop, type Operation } from "./soak-load";
import { buildReport, formatReport, saveReport } from "./soak-report";
import { SoakWriter, type WriteKind } from "./soak-writes";
import { publishedSlugs, searchPath, searchQueries } from "./workload";

const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    rate: { type: "string", default: "10" },
    scale: { type: "string", default: "0.05" },
    warmup: { type: "string", default: "60" },
    port: { type: "string", default: "3450" },
    timeout: { type: "string", default: "10" },
    "max-in-flight": { type: "string", default: "200" },
    "no-build": { type: "boolean", default: false },
    "reuse-data": { type: "boolean", default: false },
  },
});

const log = (line: string) => console.log(line);
const url = process.env.SOAK_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_bench_soak";
const minutes = Number(args.minutes);
const rate = Number(args.rate);
const scale = Number(args.scale);
const port = Number(args.port);
const timeoutMs = Number(args.timeout) * 1000;
const maxInFlight = Number(args["max-in-flight"]);
if (!(minutes >= 2 && rate > 0 && scale > 0)) throw new Error("--minutes must be at least 2 (the first is compared with the last), --rate and --scale positive");

const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`The soak drives loopback only; ${host} is not local`);

const CHECKER = "bench-checker@claimdesk.test";

/**
 * The mix, in twentieths of the requests: 18 reads, 2 writes. Writes alternate between creating a
 * claim and working on one (evidence twice as often as a status change).
 */
const READS = ["ledger", "claim", "claim", "claim", "api", "api", "api", "search", "search", "search"] as const;
const WRITE_CYCLE: WriteKind[] = ["create", "evidence", "create", "evidence", "status"];
const MIX = "90 % reads (ledger 10 %, claim page 30 %, /api/v1/claims 30 %, search 30 % of reads), 10 % writes (create 40 %, evidence 40 %, status 20 % of writes)";

async function main() {
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const dataset = await prepareDataset({ url, scale, reuse: args["reuse-data"], log });
  const slugs = await publishedSlugs(url, 50);
  const queries = searchQueries(2_000);
  const buildSeconds = buildApp({ skip: args["no-build"], env: appEnv(url, port), log });
  log("Starting the app …");
  const server: Server = await startApp("app", url, port);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  process.once("SIGINT", () => void stopServer(server).then(() => process.exit(130)));
  try {
    const origin = server.origin;
    const cookie = await signIn(origin, CHECKER, BENCH_PASSWORD);
    // This run's mark, in every text it writes.
    const tag = `run-${Date.now().toString(36)}`;
    const writer = new SoakWriter({ origin, cookie, tag, db });

    let r = 0;
    const reads: Record<(typeof READS)[number], Operation> = {
      ledger: readOperation("ledger", () => `${origin}/`, { timeoutMs }),
      claim: readOperation("claim", () => `${origin}/claims/${slugs[r++ % slugs.length]!}`, { timeoutMs }),
      api: readOperation("api", () => `${origin}/api/v1/claims`, { timeoutMs }),
      search: readOperation("search", () => searchPath(`${origin}/api/v1/claims`, queries[r++ % queries.length]!), { timeoutMs }),
    };
    // Every read answers 200 before the clock starts: no figures from error pages.
    for (const op of Object.values(reads)) {
      const outcome = await op.run();
      if (!outcome.ok) throw new Error(`${op.name} answered ${outcome.status} before the soak started`);
    }
    let w = 0;
    const write = (): Operation => {
      const kind = WRITE_CYCLE[w++ % WRITE_CYCLE.length]!;
      return {
        name: kind,
        run: async () => {
          const { kind: ran, outcome } = await writer.write(kind);
          // Until a claim exists, evidence and status writes become creates: report what ran.
          return ran === kind ? outcome : { ...outcome, detail: outcome.detail ?? `ran as ${ran}` };
        },
      };
    };
    const pick = (i: number): Operation => (i % 10 === 9 ? write() : reads[READS[(i - Math.floor(i / 10)) % READS.length]!]);

    log(`Soak: ${args.warmup} s warm-up, then ${minutes} min at ${rate} req/s (${MIX}) …`);
    const run = await runOpenLoop({ rate, warmupSeconds: Number(args.warmup), minutes, maxInFlight, timeoutMs, pick, appPid: server.process.pid!, log });
    machine.loadAverageAtEnd = os.loadavg();
    const writes = await writer.verify(CHECKER);
    const report = buildReport({
      startedAt,
      machine,
      options: { minutes, rate, scale, warmupSeconds: Number(args.warmup), timeoutMs, maxInFlight, port, buildSeconds, mix: MIX, tag },
      dataset,
      writes,
      run,
    });
    if (report.totals.errors > 0) report.appOutputTail = server.output().slice(-8_000);
    log("");
    log(formatReport(report));
    log(`\nresults: ${saveReport(report)}`);
  } finally {
    await db.end();
    await stopServer(server);
  }
}

await main();
