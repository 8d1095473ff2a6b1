// The benchmark's load driver (bench/load.ts): how several instances' latency histograms are
// merged, and wrk driven for real against two local servers: every path asked in turn, the
// target's headers sent as given, answers other than 2xx/3xx counted. Needs wrk
// (`apt-get install -y wrk`, .ci/run installs it); without it the wrk test says so and is skipped.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultLoadClient, measure, mergedQuantile } from "../../bench/load";

describe("mergedQuantile", () => {
  const flat = (value: number) => Array.from({ length: 1000 }, () => value);

  test("one run reads its own quantiles", () => {
    const quantile = mergedQuantile([{ requests: 5000, quantiles: Array.from({ length: 1000 }, (_, i) => i + 1) }]);
    assert.equal(quantile(0.5), 500);
    assert.equal(quantile(0.99), 990);
    assert.equal(quantile(1), 1000);
  });

  test("runs weigh by their request counts, not equally", () => {
    const quantile = mergedQuantile([
      { requests: 3000, quantiles: flat(1) },
      { requests: 1000, quantiles: flat(100) },
    ]);
    assert.equal(quantile(0.5), 1);
    assert.equal(quantile(0.75), 1);
    assert.equal(quantile(0.76), 100);
    assert.equal(quantile(0.99), 100);
  });

  test("a run that answered nothing counts for nothing, and no answers at all is NaN", () => {
    assert.equal(mergedQuantile([{ requests: 0, quantiles: flat(900) }, { requests: 10, quantiles: flat(2) }])(0.99), 2);
    assert.ok(Number.isNaN(mergedQuantile([{ requests: 0, quantiles: [] }])(0.5)));
  });
});

const hasWrk = defaultLoadClient() === "wrk";

describe("measure with wrk", { skip: hasWrk ? false : "wrk is not installed: apt-get install -y wrk" }, () => {
  const seen: Array<{ server: number; path: string; cookie: string | undefined }> = [];
  let servers: Server[] = [];
  const paths = ["/plain", "/search?q=it's%20%22quoted%22", "/percent%25d%5D%5D", "/refused"];

  before(async () => {
    servers = [0, 1].map((index) =>
      createServer((request, response) => {
        seen.push({ server: index, path: request.url ?? "", cookie: request.headers.cookie });
        response.writeHead(request.url === "/refused" ? 503 : 200, { "content-type": "text/plain" });
        response.end("ok");
      }),
    );
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
  });

  after(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  test("asks every path of the target on every origin, sends its headers, and counts what is not 2xx or 3xx", async () => {
    const origins = servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const cookie = `next-auth.session-token="a\\b"; other=%d`;
    const result = await measure(
      { name: "local", origins, paths, headers: { cookie }, connections: 4 },
      { client: "wrk", connections: 4, durationSeconds: 1, warmupSeconds: 0, maxRequests: 1 },
    );
    assert.ok(result.requests > 0, "wrk answered nothing");
    assert.ok(seen.length >= result.requests, `the servers saw ${seen.length} requests, wrk counted ${result.requests}`);
    for (const server of [0, 1]) {
      const asked = new Set(seen.filter((s) => s.server === server).map((s) => s.path));
      assert.deepEqual([...asked].sort(), [...paths].sort(), `origin ${server} was asked every path`);
    }
    assert.ok(seen.every((s) => s.cookie === cookie), "every request carried the target's header as given");
    // One path in four answers 503.
    const refused = seen.filter((s) => s.path === "/refused").length;
    assert.ok(result.non2xx > 0 && result.non2xx <= refused, `non-2xx ${result.non2xx} of ${refused} refused`);
    assert.equal(result.errors, 0);
    assert.ok(result.p50 <= result.p95 && result.p95 <= result.p99 && result.p99 <= result.max, JSON.stringify(result));
    assert.ok(result.requestsPerSecond > 0 && result.bytesPerSecond > 0);
  });
});
