// `npm run bench [-- options]`: speed is measured here, never in timed tests.
//   1. generates the dataset into its own database (bench/dataset.ts; default 100,000 claims),
//   2. measures the baselines: node:http + pg running the ledger SQL (a), a pre-built body (b),
//   3. builds and starts the app (`next start`, one or more instances) on that database,
//   4. drives each endpoint over loopback with wrk (autocannon when wrk is not installed), watching the app's RSS,
//   5. prints a table and writes bench/results/<time>.json.
// Options: --scale 1  --duration 10  --warmup 3  --connections 32  --max-requests 300000
//          --instances 1  --port 3400  --no-build  --reuse-data  --only api,search,publish
//          --cache nginx: every endpoint through deploy/nginx in front of the instances (port +5)
//          --redis redis://127.0.0.1:6379/1: the instances share Next's cache on that Redis
//          --client wrk|autocannon: the load generator (default: wrk when the machine has it)
// Database: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/claimdesk_bench); it is
// dropped and re-created unless --reuse-data finds one loaded at the same scale.
import os from "node:os";
import { parseArgs } from "node:util";
import { appEnv, buildApp, startApp, startBaseline, stopServer, watchMemory, type Server } from "./app-server";
import { BENCH_PASSWORD, BENCH_USERS, DESK_CLAIM_SLUG, prepareDataset } from "./dataset";
import { measurePublishVisibility, type PublishVisibility } from "./publish-visibility";
import { defaultLoadClient, measure, type LoadOptions, type LoadResult, type Target } from "./load";
import { checkTargets, formatReport, machineInfo, saveReport, type BenchReport, type TargetCheck } from "./report";
import { signIn } from "./session";
import { startNginx } from "./nginx";
import { publishedSlugs, queryPlans, searchPath, searchQueries } from "./workload";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "32" },
    "max-requests": { type: "string", default: "300000" },
    instances: { type: "string", default: "1" },
    port: { type: "string", default: "3400" },
    "no-build": { type: "boolean", default: false },
    "reuse-data": { type: "boolean", default: false },
    only: { type: "string" },
    cache: { type: "string" },
    redis: { type: "string" },
    client: { type: "string" },
  },
});

const log = (line: string) => console.log(line);
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_bench";
const scale = Number(args.scale);
const instances = Number(args.instances);
const basePort = Number(args.port);
const load: LoadOptions = {
  connections: Number(args.connections),
  durationSeconds: Number(args.duration),
  warmupSeconds: Number(args.warmup),
  maxRequests: Number(args["max-requests"]),
  client: loadClient(args.client),
};

function loadClient(option: string | undefined): LoadOptions["client"] {
  if (option === undefined) return defaultLoadClient();
  if (option === "wrk" || option === "autocannon") return option;
  throw new Error(`--client takes "wrk" or "autocannon" (got "${option}")`);
}
const only = args.only ? new Set(args.only.split(",")) : null;
if (args.cache !== undefined && args.cache !== "nginx") throw new Error(`--cache takes "nginx" (got "${args.cache}")`);

const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`The benchmark drives loopback only; ${host} is not local`);

/** Fails loudly when an endpoint does not answer 200 with the expected content: no figures from error pages. */
async function verify(target: Target, expect: string) {
  for (const origin of target.origins) {
    const response = await fetch(origin + target.paths[0]!, { headers: target.headers, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !body.includes(expect)) {
      throw new Error(`${target.name}: ${origin}${target.paths[0]} answered ${response.status} without "${expect}":\n${body.slice(0, 500)}`);
    }
  }
}

async function main() {
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const dataset = await prepareDataset({ url, scale, reuse: args["reuse-data"], log });
  const queries = searchQueries();
  const plans = await queryPlans(url, "fuel prices Almaty");
  const slugs = await publishedSlugs(url, 50);
  const buildSeconds = buildApp({ skip: args["no-build"], env: appEnv(url, basePort + 10), log });
  const servers: Server[] = [];
  const stopAll = async () => {
    await Promise.all(servers.splice(0).map(stopServer));
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));

  try {
    // Baselines (a) and (b), alone on the machine with this process.
    log("Measuring the baselines …");
    const baseline = await startBaseline(url, basePort);
    servers.push(baseline);
    const floor = await measure({ name: "baseline (a) pg+node:http", origins: [baseline.origin], paths: ["/claims"] }, load);
    const floorSearch = await measure({ name: "baseline (a) search", origins: [baseline.origin], paths: queries.map((q) => searchPath("/claims", q)) }, load);
    const ceiling = await measure({ name: "baseline (b) pre-built", origins: [baseline.origin], paths: ["/static"] }, load);
    await stopAll();

    log(`Starting ${instances} app instance(s) …`);
    const redisEnv: Record<string, string> = args.redis ? { REDIS_URL: args.redis, REDIS_KEY_PREFIX: `claimdesk:bench:${Date.now()}:` } : {};
    for (let i = 0; i < instances; i++) servers.push(await startApp(`app ${i + 1}`, url, basePort + 10 + i, redisEnv));
    const apps = [...servers];
    if (args.cache === "nginx") servers.push(await startNginx({ port: basePort + 5, upstreamPorts: apps.map((_, i) => basePort + 10 + i) }));
    const origins = apps.map((s) => s.origin);
    // Through nginx: the public endpoints again, as readers behind the cache reach them.
    const cached = args.cache === "nginx" ? [servers.at(-1)!.origin] : null;
    // Signed in on the first instance; the same cookie works on every instance (stateless sessions).
    const cookie = await signIn(origins[0]!, BENCH_USERS.checker, BENCH_PASSWORD).catch((error: unknown) => {
      log(`Sign-in failed, the desk page is not measured: ${error instanceof Error ? error.message : String(error)}`);
      return "";
    });
    const memory = apps.map((s) => watchMemory([s.process.pid!]));

    const targets: Array<{ target: Target; expect: string }> = [
      { target: { name: "ledger", origins, paths: ["/"] }, expect: "Latest verdicts" },
      { target: { name: "claim", origins, paths: slugs.map((s) => `/claims/${s}`) }, expect: "Our verdict" },
      { target: { name: "api", origins, paths: ["/api/v1/claims"] }, expect: '"data":[{' },
      { target: { name: "search", origins, paths: queries.map((q) => searchPath("/api/v1/claims", q)) }, expect: '"data":' },
      // Eight desk users at once (issue 18's target), not the readers' 32 connections.
      { target: { name: "desk", origins, paths: [`/desk/claims/${DESK_CLAIM_SLUG}`], headers: { cookie }, connections: 8 }, expect: "Sources and evidence" },
      // The same page with 2 connections: its service time without 32-deep queueing.
      ...(cached
        ? [
            { target: { name: "ledger@nginx", origins: cached, paths: ["/"] }, expect: "Latest verdicts" },
            { target: { name: "claim@nginx", origins: cached, paths: slugs.map((s) => `/claims/${s}`) }, expect: "Our verdict" },
            { target: { name: "api@nginx", origins: cached, paths: ["/api/v1/claims"] }, expect: '"data":[{' },
            { target: { name: "search@nginx", origins: cached, paths: queries.map((q) => searchPath("/api/v1/claims", q)) }, expect: '"data":' },
          ]
        : []),
      { target: { name: "desk@2", origins, paths: [`/desk/claims/${DESK_CLAIM_SLUG}`], headers: { cookie }, connections: 2 }, expect: "Sources and evidence" },
    ];
    const results: LoadResult[] = [];
    const failures: TargetCheck[] = [];
    for (const { target, expect } of targets) {
      if (only && !only.has(target.name.split("@")[0]!)) continue;
      // One endpoint that cannot be measured is reported, and the others are still measured.
      try {
        if (target.headers?.cookie === "") throw new Error("not signed in");
        await verify(target, expect);
        log(`Measuring ${target.name} …`);
        results.push(await measure(target, load));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`Not measured: ${target.name}: ${reason}`);
        failures.push({ target: `${target.name}: measured`, measured: reason.split("\n")[0]!.slice(0, 200), met: false });
      }
    }
    // Last, so the claim it publishes is in none of the figures above.
    let publishVisibility: PublishVisibility | undefined;
    if (!only || only.has("publish")) {
      log("Measuring publish → visible …");
      try {
        publishVisibility = await measurePublishVisibility({ url, origins: [...origins, ...(cached ?? [])], users: BENCH_USERS, password: BENCH_PASSWORD });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`Not measured: publish → visible: ${reason}`);
        failures.push({ target: "publish → visible: measured", measured: reason.split("\n")[0]!.slice(0, 200), met: false });
      }
    }
    const perInstance = memory.map((m) => m.stop());
    machine.loadAverageAtEnd = os.loadavg();
    const partial = {
      startedAt,
      machine,
      options: { ...args, ...load, connections: load.connections, duration: load.durationSeconds, buildSeconds },
      dataset,
      baselines: { floor, floorSearch, ceiling },
      app: { instances, results, peakRssBytes: perInstance.reduce((a, b) => a + b, 0), peakRssPerInstanceBytes: perInstance, publishVisibility },
      plans,
    };
    const report: BenchReport = { ...partial, targets: [...checkTargets(partial), ...failures] };
    log("");
    log(formatReport(report));
    for (const [name, plan] of Object.entries(plans)) log(`\nplan: ${name}\n${plan}`);
    log(`\nresults: ${saveReport(report)}`);
  } finally {
    await stopAll();
  }
}

await main();
