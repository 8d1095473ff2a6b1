import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { NextRequest } from "next/server";
import { proxy } from "../../proxy";
import { getAuthSecret } from "../../lib/env";
import { PAGE_CACHE_HEADER, pageCacheToken } from "../../lib/public/page-cache-rules";

// The proxy's contract with the rest of the app (see docs/security.md and lib/log.ts).

const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(new URL(path, "http://desk.example"), { headers: { host: "desk.example", ...headers } });
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("proxy.ts", async () => {
  afterEach(() => {
    delete process.env.CLAIMDESK_DISABLE_PROXY;
  });

  test("hands the request id and the nonce on to the app and puts them on the response", async () => {
    const response = await proxy(get("/claims/x?from=feed", { "x-request-id": "forged" }));
    const id = response.headers.get("x-request-id");
    assert.match(id ?? "", /^[0-9a-f-]{36}$/);
    // NextResponse.next({ request: { headers } }) carries the overridden request headers like this.
    assert.equal(response.headers.get("x-middleware-request-x-request-id"), id);
    const nonce = nonceOf(response.headers.get("content-security-policy"));
    assert.ok(nonce);
    assert.equal(response.headers.get("x-middleware-request-x-nonce"), nonce);
    assert.equal(nonceOf(response.headers.get("x-middleware-request-content-security-policy")), nonce);
    assert.equal(response.headers.get("x-frame-options"), "DENY");
  });

  test("sends anonymous desk visitors to sign in, keeping where they were going", async () => {
    const response = await proxy(get("/desk/claims?status=NEW"));
    assert.equal(response.status, 307);
    const location = new URL(response.headers.get("location")!);
    assert.equal(location.pathname, "/login");
    assert.equal(location.searchParams.get("callbackUrl"), "/desk/claims?status=NEW");
    assert.ok(response.headers.get("content-security-policy"));
    assert.ok(response.headers.get("x-request-id"));
  });

  test("lets a visitor with a session cookie through, and leaves other paths alone", async () => {
    for (const cookie of ["next-auth.session-token=x", "__Secure-next-auth.session-token=x"]) {
      assert.notEqual((await proxy(get("/desk", { cookie }))).status, 307, cookie);
    }
    assert.notEqual((await proxy(get("/desktop"))).status, 307);
  });

  test("sends a reader's plain page load to the page cache, with the cache's token and no nonce policy of its own", async () => {
    const token = pageCacheToken(getAuthSecret());
    for (const [path, target] of [["/", "/public-page-cache"], ["/claims/x", "/public-page-cache/claims/x"], ["/methodology", "/public-page-cache/methodology"]] as const) {
      const response = await proxy(get(path, { [PAGE_CACHE_HEADER]: "forged" }));
      assert.equal(new URL(response.headers.get("x-middleware-rewrite")!).pathname, target, path);
      assert.equal(response.headers.get(`x-middleware-request-${PAGE_CACHE_HEADER}`), token, "the token is the deployment's, never the caller's");
      assert.equal(response.headers.get("content-security-policy"), null, "the stored page brings its own policy");
      assert.match(response.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
      assert.equal(response.headers.get("x-frame-options"), "DENY");
    }
    // An editor's view, a search, the router's payload and the cache's own render are rendered per request.
    for (const request of [get("/claims/x", { cookie: "next-auth.session-token=x" }), get("/?q=police"), get("/claims/x", { rsc: "1" }), get("/claims/x", { [PAGE_CACHE_HEADER]: token })]) {
      const response = await proxy(request);
      assert.equal(response.headers.get("x-middleware-rewrite"), null, request.url);
      assert.ok(nonceOf(response.headers.get("content-security-policy")), request.url);
    }
  });

  test("the page cache's route answers only the cache's own requests", async () => {
    const token = pageCacheToken(getAuthSecret());
    for (const path of ["/public-page-cache", "/public-page-cache/claims/x"]) {
      assert.equal((await proxy(get(path))).status, 404, path);
      assert.equal((await proxy(get(path, { [PAGE_CACHE_HEADER]: `${token}x` }))).status, 404, path);
      const own = await proxy(get(path, { [PAGE_CACHE_HEADER]: token }));
      assert.notEqual(own.status, 404, path);
      assert.equal(own.headers.get("content-security-policy"), null);
    }
  });

  test("CLAIMDESK_DISABLE_PROXY=1 turns off only the redirect", async () => {
    process.env.CLAIMDESK_DISABLE_PROXY = "1";
    const response = await proxy(get("/desk"));
    assert.notEqual(response.status, 307);
    assert.ok(nonceOf(response.headers.get("content-security-policy")));
    assert.equal(response.headers.get("strict-transport-security"), "max-age=63072000; includeSubDomains");
    const write = await proxy(new NextRequest(new URL("/desk", "http://desk.example"), { method: "POST", headers: { host: "desk.example", origin: "https://evil.example" } }));
    assert.equal(write.status, 403);
  });
});
