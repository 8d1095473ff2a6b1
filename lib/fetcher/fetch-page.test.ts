import { afterEach, before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { fetchPage } from "./fetch-page";
import { isLoopbackAllowed } from "./allowance";
import { FetchError } from "./errors";
import type { Resolver } from "./resolve";

// Real sockets on 127.0.0.1 only. Names are answered by resolvers the test controls, so a refused
// public-looking address is never dialled: the channel below counts every client socket opened.

let server: http.Server;
let port = 0;
const seen: Array<{ url: string; host: string }> = [];
let sockets = 0;
const onSocket = () => {
  sockets++;
};

const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  "/page": (_q, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"v1"' }).end("<p>hello</p>"),
  "/gz": (_q, res) => res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync("<p>zipped</p>")),
  "/bomb": (_q, res) => res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(3_000_000, 32))),
  "/big": (_q, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(Buffer.alloc(2_000_000, 97));
  },
  "/big-declared": (_q, res) => res.writeHead(200, { "content-type": "text/html", "content-length": "9999999" }).end(),
  "/image": (_q, res) => res.writeHead(200, { "content-type": "image/png" }).end("png"),
  "/gone": (_q, res) => res.writeHead(410, { "content-type": "text/html" }).end("gone"),
  "/slow": (_q, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<p>start");
    // Never ends: only the fetcher's deadline can finish this request.
  },
  "/redirect-relative": (_q, res) => res.writeHead(302, { location: "/page" }).end(),
  "/redirect-metadata": (_q, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
  "/redirect-named-private": (_q, res) => res.writeHead(301, { location: "http://intranet.test/" }).end(),
  "/redirect-file": (_q, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
};

before(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? "", host: req.headers.host ?? "" });
    const loop = /^\/loop(\d+)$/.exec(req.url ?? "");
    if (loop) return void res.writeHead(302, { location: `/loop${Number(loop[1]) + 1}` }).end();
    (routes[req.url ?? ""] ?? ((_q, r: http.ServerResponse) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  subscribe("net.client.socket", onSocket);
});
after(async () => {
  unsubscribe("net.client.socket", onSocket);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  seen.length = 0;
  sockets = 0;
});

/** A resolver that answers from a table, and counts how often each name was asked. */
function table(entries: Record<string, string | string[]>): Resolver & { asked: Record<string, number> } {
  const asked: Record<string, number> = {};
  const resolver = async (host: string) => {
    asked[host] = (asked[host] ?? 0) + 1;
    const answer = entries[host];
    if (!answer) throw new Error("ENOTFOUND");
    return [answer].flat().map((address) => ({ address, family: address.includes(":") ? (6 as const) : (4 as const) }));
  };
  return Object.assign(resolver, { asked });
}

const local = table({ "news.test": "127.0.0.1", "intranet.test": "10.0.0.7" });
const open = { resolver: local, allowLoopback: true };

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => assert.fail("expected a refusal"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FetchError, String(error));
  return error;
}

describe("address refusals, decided before any socket opens", () => {
  const classes: Array<[string, string]> = [
    ["10.0.0.7", "private"],
    ["192.168.0.1", "private"],
    ["169.254.169.254", "cloud-metadata"],
    ["169.254.10.1", "link-local"],
    ["100.64.1.1", "carrier-grade-nat"],
    ["224.0.0.251", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["240.0.0.1", "reserved"],
    ["fd00::1", "private"],
    ["fe80::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "cloud-metadata"],
    ["2002:a00:1::1", "translated"],
    ["64:ff9b::a9fe:a9fe", "translated"],
  ];
  for (const [address, range] of classes) {
    test(`a name resolving to ${address} is refused as ${range}`, async () => {
      const error = await refusal(fetchPage(`http://target.test:${port}/page`, { resolver: table({ "target.test": address }), allowLoopback: true }));
      assert.equal(error.refusal.code, "ADDRESS");
      assert.equal(error.code === "ADDRESS" && error.refusal.code === "ADDRESS" ? error.refusal.range : "", range);
      assert.equal(sockets, 0, "no socket may be opened for a refused address");
    });
  }

  test("IP literals in the URL are judged the same way, brackets and all", async () => {
    for (const url of ["http://10.1.1.1/", "http://[fd00::1]/", "http://[::ffff:a9fe:a9fe]/", "http://0x7f.1/"]) {
      const error = await refusal(fetchPage(url, { resolver: local, allowLoopback: false }));
      assert.equal(error.code, "ADDRESS", url);
    }
    assert.equal(sockets, 0);
  });

  test("one bad answer among good ones refuses the whole name", async () => {
    const error = await refusal(fetchPage(`http://mixed.test:${port}/page`, { resolver: table({ "mixed.test": ["127.0.0.1", "10.0.0.1"] }), allowLoopback: true }));
    assert.equal(error.code, "ADDRESS");
    assert.equal(sockets, 0);
  });

  test("loopback is refused without the allowance, and the local server sees nothing", async () => {
    const error = await refusal(fetchPage(`http://news.test:${port}/page`, { resolver: local, allowLoopback: false }));
    assert.match(error.message, /loopback address \(127\.0\.0\.1\)/);
    const literal = await refusal(fetchPage(`http://127.0.0.1:${port}/page`, { allowLoopback: false }));
    assert.equal(literal.code, "ADDRESS");
    assert.equal(seen.length, 0);
    assert.equal(sockets, 0);
  });

  test("CLAIMDESK_FETCH_DISABLED=1: every fetch is refused before any lookup or socket", async () => {
    let lookups = 0;
    process.env.CLAIMDESK_FETCH_DISABLED = "1";
    try {
      const error = await refusal(fetchPage(`http://news.test:${port}/page`, { resolver: async (host) => (lookups++, local(host)), allowLoopback: true }));
      assert.equal(error.code, "DISABLED");
      assert.match(error.message, /does not fetch pages/);
    } finally {
      delete process.env.CLAIMDESK_FETCH_DISABLED;
    }
    assert.equal(lookups, 0);
    assert.equal(sockets, 0);
    assert.equal(seen.length, 0);
  });

  test("an unknown name is a DNS refusal", async () => {
    const error = await refusal(fetchPage("http://nowhere.test/", { resolver: local }));
    assert.equal(error.code, "DNS");
  });
});

describe("schemes", () => {
  for (const url of ["file:///etc/passwd", "ftp://example.test/", "gopher://news.test/", "javascript:alert(1)", "not a url"]) {
    test(`${url} is refused`, async () => {
      assert.equal((await refusal(fetchPage(url, open))).code, "SCHEME");
    });
  }
  test("credentials in the address are refused", async () => {
    assert.equal((await refusal(fetchPage(`http://user:pw@news.test:${port}/page`, open))).code, "CREDENTIALS");
  });
});

describe("through the test-only allowance, against the local server", () => {
  test("a page arrives with its final URL, status, kept headers and body", async () => {
    const page = await fetchPage(`http://news.test:${port}/page#frag`, open);
    assert.equal(page.status, 200);
    assert.equal(page.finalUrl, `http://news.test:${port}/page`);
    assert.equal(page.headers.etag, '"v1"');
    assert.equal(page.body.toString(), "<p>hello</p>");
    assert.equal(seen[0]?.host, `news.test:${port}`, "the Host header names the site, not the address");
  });

  test("rebinding: the name is resolved once per hop and the socket goes to the vetted address", async () => {
    let calls = 0;
    // First answer local (allowed here), every later answer a metadata address: a second lookup would be caught by the server seeing nothing.
    const rebinding: Resolver = async () => [{ address: calls++ === 0 ? "127.0.0.1" : "169.254.169.254", family: 4 }];
    const page = await fetchPage(`http://rebind.test:${port}/page`, { resolver: rebinding, allowLoopback: true });
    assert.equal(page.status, 200);
    assert.equal(calls, 1);
    assert.equal(seen.length, 1);
  });

  test("gzip is decoded, and a decompression bomb stops at the size limit", async () => {
    assert.equal((await fetchPage(`http://news.test:${port}/gz`, open)).body.toString(), "<p>zipped</p>");
    assert.equal((await refusal(fetchPage(`http://news.test:${port}/bomb`, { ...open, maxBytes: 1_000_000 }))).code, "TOO_LARGE");
  });

  test("size: a long body and a declared length over the limit are refused", async () => {
    assert.equal((await refusal(fetchPage(`http://news.test:${port}/big`, { ...open, maxBytes: 1_000_000 }))).code, "TOO_LARGE");
    assert.equal((await refusal(fetchPage(`http://news.test:${port}/big-declared`, { ...open, maxBytes: 1_000_000 }))).code, "TOO_LARGE");
  });

  test("time: a page that never finishes is abandoned at the deadline", async () => {
    const started = Date.now();
    assert.equal((await refusal(fetchPage(`http://news.test:${port}/slow`, { ...open, timeoutMs: 300 }))).code, "TIMEOUT");
    assert.ok(Date.now() - started < 5000);
  });

  test("content type: an image is refused", async () => {
    const error = await refusal(fetchPage(`http://news.test:${port}/image`, open));
    assert.equal(error.code, "CONTENT_TYPE");
    assert.match(error.message, /image\/png/);
  });

  test("a 410 comes back as a status, with no body", async () => {
    const page = await fetchPage(`http://news.test:${port}/gone`, open);
    assert.equal(page.status, 410);
    assert.equal(page.body.length, 0);
  });

  test("redirects are followed, relative ones included, and recorded", async () => {
    const page = await fetchPage(`http://news.test:${port}/redirect-relative`, open);
    assert.equal(page.finalUrl, `http://news.test:${port}/page`);
    assert.deepEqual(page.redirects, [`http://news.test:${port}/redirect-relative`]);
  });

  test("redirects are bounded", async () => {
    const error = await refusal(fetchPage(`http://news.test:${port}/loop0`, { ...open, maxRedirects: 3 }));
    assert.equal(error.code, "REDIRECTS");
    assert.equal(seen.length, 4);
  });

  test("every hop is checked again: a redirect to metadata, to a private name or to file: is refused before connecting", async () => {
    assert.equal((await refusal(fetchPage(`http://news.test:${port}/redirect-metadata`, open))).code, "ADDRESS");
    assert.equal(sockets, 1, "only the first hop was dialled");
    assert.equal((await refusal(fetchPage(`http://news.test:${port}/redirect-named-private`, open))).code, "ADDRESS");
    assert.equal((await refusal(fetchPage(`http://news.test:${port}/redirect-file`, open))).code, "REDIRECT_LOCATION");
    assert.equal(sockets, 3);
  });
});

test("the allowance is honoured only outside production, and only when set", () => {
  assert.equal(isLoopbackAllowed({ NODE_ENV: "test", CLAIMDESK_FETCH_ALLOW_LOOPBACK: "1" }), true);
  assert.equal(isLoopbackAllowed({ NODE_ENV: "development", CLAIMDESK_FETCH_ALLOW_LOOPBACK: "1" }), true);
  assert.equal(isLoopbackAllowed({ NODE_ENV: "test" }), false);
  assert.equal(isLoopbackAllowed({ NODE_ENV: "production", CLAIMDESK_FETCH_ALLOW_LOOPBACK: "1" }), false);
});
