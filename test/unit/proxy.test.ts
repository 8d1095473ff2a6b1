import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { NextRequest } from "next/server";
import { proxy } from "../../proxy";

// The proxy's contract with the rest of the app (see docs/security.md and lib/log.ts).

const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(new URL(path, "http://desk.example"), { headers: { host: "desk.example", ...headers } });
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("proxy.ts", async () => {
  afterEach(() => {
    delete process.env.CLAIMDESK_DISABLE_PROXY;
  });

  test("hands the request id and the nonce on to the app and puts them on the response", async () => {
    const response = await proxy(get("/claims/x", { "x-request-id": "forged" }));
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
