// The shipped nginx configuration (deploy/nginx) in front of the built app: it serves the API and
// readers' public pages from its cache, shows a publication within two seconds, and never stores a
// desk page, a page sent to a signed-in editor, or a search. Needs nginx on the machine
// (`apt-get install -y nginx`); without it the test says so and is skipped.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { expectOk } from "../support/results";
import { reviewVerdict } from "../../lib/services/verdict-review";
import { draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { createClaim, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { actionId, AUTH_SECRET, frontPageKeptFor, ledgerGenerationOf, postAction, sleep, startCluster, waitUntil, type Cluster } from "./support";
import { startApp, type App } from "../support/app-server";
import { signInOrThrow } from "../http/support/client";
import { startNginx } from "../../bench/nginx";
import { stopServer, type Server } from "../../bench/app-server";

const APP_PORT = 3309;
const NGINX_PORT = 3311;
const hasNginx = spawnSync(process.env.NGINX_BIN ?? "nginx", ["-v"]).status === 0;
let cluster: Cluster;
let db: Db;
let app: App | undefined;
let nginx: Server | undefined;
let base: string;
let editor: TestUser;
let author: TestUser;
let approver: TestUser;
let cookie: string;

before(async () => {
  if (!hasNginx) return;
  cluster = startCluster(5547);
  const url = await cluster.createDatabase("claimdesk_faults_http_cache");
  process.env.DATABASE_URL = url;
  db = await createPrismaClient({ kind: "postgres", url });
  [editor, author, approver] = await Promise.all([createUser(db, "EDITOR"), createUser(db, "FACT_CHECKER"), createUser(db, "EDITOR")]);
  app = await startApp({
    port: APP_PORT,
    databaseUrl: url,
    secret: AUTH_SECRET,
    timeoutMs: 180_000,
    env: { TRUSTED_PROXY_HOPS: "1", PUBLIC_BASE_URL: `http://localhost:${NGINX_PORT}`, NEXTAUTH_URL: `http://localhost:${NGINX_PORT}` },
  });
  nginx = await startNginx({ port: NGINX_PORT, upstreamPorts: [APP_PORT] });
  base = `http://localhost:${NGINX_PORT}`;
  cookie = await signInOrThrow(base, editor.email, TEST_PASSWORD);
});

after(async () => {
  if (nginx) await stopServer(nginx);
  await app?.kill("SIGKILL");
  await db?.$disconnect();
  cluster?.destroy();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers, redirect: "manual" });
  const body = await response.text();
  return { status: response.status, body, cache: response.headers.get("x-cache-status"), cacheControl: response.headers.get("cache-control") ?? "" };
}

const appBase = `http://localhost:${APP_PORT}`;

describe("nginx in front (deploy/nginx)", { skip: hasNginx ? false : "nginx is not installed: apt-get install -y nginx" }, () => {
  test("the API is answered from the cache", async () => {
    await get("/api/v1/claims");
    await waitUntil("nginx answers the API from its cache", async () => (await get("/api/v1/claims")).cache === "HIT", 10_000);
  });

  test("readers of an expired entry are answered from the cache while one request revalidates it, never sent to the app together", async () => {
    await waitUntil("the list is cached", async () => (await get("/api/v1/claims")).cache === "HIT", 10_000);
    await waitUntil("its one second of freshness runs out", async () => {
      const statuses = await Promise.all(Array.from({ length: 12 }, () => get("/api/v1/claims")));
      const seen = statuses.map((s) => s.cache);
      for (const status of seen) assert.ok(status !== null && ["HIT", "STALE", "UPDATING", "REVALIDATED"].includes(status), `a reader of an expired entry got ${String(status)}: ${seen.join(", ")}`);
      return seen.includes("STALE") || seen.includes("UPDATING");
    }, 10_000);
  });

  test("a page is kept past its one second until a publication: readers are answered from the cache, not the app", async () => {
    await get("/methodology");
    await waitUntil("nginx answers /methodology from its cache", async () => (await get("/methodology")).cache === "HIT", 10_000);
    // Time itself is the point: past the one second the page's s-maxage allows (nginx counts whole
    // seconds, so up to two), no publication having happened.
    await sleep(2_500);
    const later = await fetch(base + "/methodology");
    await later.arrayBuffer();
    assert.equal(later.headers.get("x-cache-status"), "HIT", "kept under the ledger's generation, neither expired nor revalidated");
    assert.equal(later.headers.get("x-accel-expires"), null, "nginx keeps its instruction to itself");
    assert.equal(later.headers.get("x-ledger-generation"), null);
  });

  test("a reader's public pages come from the cache with their hash policy; desk pages and requests with a session are never stored", async () => {
    for (const path of ["/", "/methodology", "/corrections"]) {
      await get(path);
      await waitUntil(`nginx answers ${path} from its cache`, async () => (await get(path)).cache === "HIT", 10_000);
      const stored = await fetch(base + path);
      await stored.arrayBuffer();
      assert.match(stored.headers.get("content-security-policy") ?? "", /script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/, `${path} carries the hashes of its own scripts`);
      // An editor's view of the same page renders per request, with a nonce, and passes by.
      const signedIn = await fetch(base + path, { headers: { cookie } });
      await signedIn.arrayBuffer();
      assert.equal(signedIn.headers.get("x-cache-status"), "BYPASS", `${path} with a session`);
      assert.match(signedIn.headers.get("cache-control") ?? "", /no-store|private/, `${path} for an editor says it must not be stored`);
      assert.match(signedIn.headers.get("content-security-policy") ?? "", /'nonce-/, `${path} for an editor has a nonce`);
    }
    // Searches and other pages of the ledger render per request and are not stored.
    for (let i = 0; i < 3; i++) assert.notEqual((await get("/?q=police")).cache, "HIT", "a search came from the cache");
    for (let i = 0; i < 3; i++) {
      const desk = await get("/desk/claims", { cookie });
      assert.equal(desk.status, 200);
      assert.equal(desk.cache, "BYPASS", "a request with a desk session bypasses the cache");
      // Even the public API asked with a session cookie: never stored, never answered from the cache.
      assert.equal((await get("/api/v1/claims", { cookie })).cache, "BYPASS");
    }
    const anonymous = await get("/desk/claims");
    assert.equal(anonymous.status, 307, "without the cookie the desk is a redirect to sign in, never a stored desk page");
    assert.ok(!anonymous.body.includes("Sources and evidence"));
  });

  test("a publication changes the ledger's generation and is served through the cache, nothing but 200s and 404s on the way", async () => {
    const claim = await createClaim(db);
    const verdict = expectOk(await draftVerdict(author.session, { claimId: claim.id, rating: "FALSE", reasoning: "No source reports it.", evidenceIds: [] }));
    expectOk(await submitVerdict(author.session, { verdictId: verdict.id }));
    expectOk(await reviewVerdict(approver.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
    // The cache holds the ledger and the claim as they were before the publish.
    assert.equal((await get(`/api/v1/claims/${claim.slug}`)).status, 404);
    assert.equal((await get(`/claims/${claim.slug}`)).status, 404);
    await waitUntil("the list is cached", async () => (await get("/api/v1/claims")).cache === "HIT", 10_000);
    await waitUntil("the ledger's page is cached", async () => (await get("/")).cache === "HIT", 10_000);
    assert.ok(!(await get("/")).body.includes(`href="/claims/${claim.slug}"`));

    // The app lets a cache keep the page long only when asked under the current generation.
    const previous = await ledgerGenerationOf(appBase);
    assert.ok(previous && previous !== "unknown", `the generation is known on one instance without Redis: ${previous}`);
    assert.equal(await frontPageKeptFor(appBase, previous), "300");
    for (const other of ["unknown", `${previous}x`, ""]) assert.equal(await frontPageKeptFor(appBase, other), null, `asked under "${other}"`);

    const response = await postAction({ base, cookie, id: actionId("publishVerdictAction", "lib/actions/verdicts.ts"), page: "/desk/review", fields: { verdictId: verdict.id } });
    assert.equal(response.status, 200, await response.text());
    await waitUntil("the publication changes the generation", async () => (await ledgerGenerationOf(appBase)) !== previous, 5_000);
    const current = await ledgerGenerationOf(appBase);
    assert.equal(await frontPageKeptFor(appBase, previous), null, "a page asked for under the generation before the publication may not be kept");
    assert.equal(await frontPageKeptFor(appBase, current), "300");
    // How soon is measured by the benchmark (npm run bench -- --cache nginx); here: it arrives, within the wait.
    await waitUntil("the publication is served through nginx", async () => {
      const [list, one, home, page] = await Promise.all([get("/api/v1/claims"), get(`/api/v1/claims/${claim.slug}`), get("/"), get(`/claims/${claim.slug}`)]);
      assert.ok([200, 404].includes(one.status) && [200, 404].includes(page.status) && list.status === 200 && home.status === 200, `only 200s and 404s: ${list.status}, ${one.status}, ${home.status}, ${page.status}`);
      return list.body.includes(`"slug":"${claim.slug}"`) && one.status === 200 && home.body.includes(`href="/claims/${claim.slug}"`) && page.status === 200;
    }, 10_000);
  });
});
