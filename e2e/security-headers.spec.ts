import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";

// Security headers on every kind of response, and a Content-Security-Policy that lets the app's
// own scripts run (the app hydrates) while reporting no violation on any page.

const STATIC_HEADERS = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers[name], `${what}: ${name}`).toBe(value);
}

function scriptSrc(csp: string | undefined): string[] {
  return (csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name === "script-src")?.slice(1) ?? [];
}

test("every kind of response carries the headers, a nonce CSP and a request id", async ({ request }) => {
  const [claim] = await query<{ slug: string }>("SELECT c.slug FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' ORDER BY c.slug LIMIT 1");
  // A reader's plain load of a public page comes from the page cache, with a policy of hashes (below).
  const paths = ["/?page=2", "/login", "/no-such-page", "/claims/no-such-claim", "/api/v1/claims", "/api/v1/claims/no-such-claim", "/feeds/verdicts.atom", "/export/claimreviews.jsonl", "/api/auth/csrf", "/desk", `/claims/${claim!.slug}?from=feed`];
  const seen = { nonces: new Set<string>(), ids: new Set<string>() };
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expectSecurityHeaders(headers, path);
    const csp = headers["content-security-policy"];
    expect(csp, path).toContain("frame-ancestors 'none'");
    const sources = scriptSrc(csp);
    expect(sources, path).toContain("'strict-dynamic'");
    expect(sources, path).not.toContain("'unsafe-inline'");
    expect(sources, path).not.toContain("'unsafe-eval'");
    const nonce = sources.find((s) => s.startsWith("'nonce-"));
    expect(nonce, path).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    seen.nonces.add(nonce!);
    expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
    seen.ids.add(headers["x-request-id"]!);
    if (path === "/desk") expect(response.status()).toBe(307);
  }
  // Fresh per response: a nonce or an id is never reused.
  expect(seen.nonces.size).toBe(paths.length);
  expect(seen.ids.size).toBe(paths.length);
});

test("a reader's public page is the same stored bytes for everyone, under a policy of its own scripts' hashes", async ({ request }) => {
  const [claim] = await query<{ slug: string }>("SELECT c.slug FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' ORDER BY c.slug LIMIT 1");
  // A story page is public once one of its claims is: the demo's story, not one another spec is making.
  const [story] = await query<{ slug: string }>(
    "SELECT s.slug FROM stories s WHERE s.slug NOT LIKE 'e2e-%' AND EXISTS (SELECT 1 FROM publications p WHERE p.snapshot->'story'->>'slug' = s.slug) ORDER BY s.slug LIMIT 1",
  );
  const ids = new Set<string>();
  for (const path of ["/", "/methodology", "/corrections", "/data", `/claims/${claim!.slug}`, `/stories/${story!.slug}`]) {
    const response = await request.get(path);
    const headers = response.headers();
    const body = await response.text();
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(headers, path);
    expect(headers["cache-control"], path).toBe("public, max-age=0, s-maxage=1");
    const sources = scriptSrc(headers["content-security-policy"]);
    expect(sources[0], path).toBe("'self'");
    expect(sources.length, path).toBeGreaterThan(1);
    for (const source of sources.slice(1)) expect(source, path).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    // The strong ETag is the body's own SHA-256, and no render's nonce is left in it.
    expect(headers["etag"], path).toBe(`"${createHash("sha256").update(body).digest("base64url")}"`);
    expect(body, path).not.toMatch(/nonce[=\\":]+[A-Za-z0-9+/]{22}==/);
    ids.add(headers["x-request-id"]!);
  }
  expect(ids.size, "each response still has its own request id").toBe(6);

  // A page no publication changes: the same bytes, ETag and policy every time, and a 304 to revalidation.
  const [first, second] = [await request.get("/methodology"), await request.get("/methodology")];
  expect(await second.text()).toBe(await first.text());
  expect(second.headers()["etag"]).toBe(first.headers()["etag"]);
  expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  expect((await request.get("/methodology", { headers: { "if-none-match": first.headers()["etag"]! } })).status()).toBe(304);
});

test("the page cache's own route is not reachable from outside, and a made-up cache header changes nothing", async ({ request }) => {
  for (const path of ["/public-page-cache", "/public-page-cache/methodology", "/public-page-cache/claims/x"]) {
    expect((await request.get(path, { headers: { "x-claimdesk-page-cache": "guess" } })).status(), path).toBe(404);
  }
  const forged = await request.get("/methodology", { headers: { "x-claimdesk-page-cache": "guess" } });
  expect(scriptSrc(forged.headers()["content-security-policy"])[1]).toMatch(/^'sha256-/);
});

test("the request id is made by the server, never taken from the client", async ({ request }) => {
  const response = await request.get("/", { headers: { "x-request-id": "forged-id" } });
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("Next's build output carries the static headers too", async ({ page, request }) => {
  await page.goto("/");
  const src = await page.locator("script[src]").first().getAttribute("src");
  expect(src).toMatch(/^\/_next\/static\//);
  const response = await request.get(src!);
  expect(response.status()).toBe(200);
  expectSecurityHeaders(response.headers(), src!);
});

test("the page's scripts carry this response's nonce and no inline script runs without it", async ({ page }) => {
  const response = await page.goto("/login");
  const nonce = scriptSrc(response?.headers()["content-security-policy"]).find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ nonce: s.nonce, type: s.type, src: s.src })));
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.nonce, JSON.stringify(script)).toBe(nonce);
});

test("a stored public page runs exactly the inline scripts its policy names", async ({ page }) => {
  const [claim] = await query<{ slug: string }>("SELECT c.slug FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' ORDER BY c.slug LIMIT 1");
  const response = await page.goto(`/claims/${claim!.slug}`);
  const named = scriptSrc(response?.headers()["content-security-policy"]).filter((s) => s.startsWith("'sha256-")).map((s) => s.slice(8, -1));
  const inline = await page.evaluate(async () => {
    const scripts = [...document.querySelectorAll("script:not([src])")].filter((s) => !s.getAttribute("type") || s.getAttribute("type") === "module");
    return Promise.all(
      scripts.map(async (s) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s.textContent ?? "")))))),
    );
  });
  expect(inline.length).toBeGreaterThan(0);
  expect(new Set(inline)).toEqual(new Set(named));
  const external = await page.evaluate(() => [...document.querySelectorAll("script[src]")].map((s) => new URL((s as HTMLScriptElement).src).origin));
  for (const origin of external) expect(origin).toBe(new URL(page.url()).origin);
});

async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  return console;
}

async function expectCleanPage(page: Page, console: string[], path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  // `window.next` is set by Next's client runtime once the nonce'd scripts ran; wait for that and for
  // the load event, after which every script and image the page asked for has been allowed or refused.
  await page
    .waitForFunction(() => document.readyState === "complete" && typeof (window as unknown as { next?: { version?: string } }).next?.version === "string", undefined, { timeout: 10_000 })
    .catch(() => undefined); // a page whose scripts did not run fails on `booted` below, with its name
  const state = await page.evaluate(() => ({
    csp: (window as unknown as { __csp: string[] }).__csp,
    booted: typeof (window as unknown as { next?: { version?: string } }).next?.version === "string",
  }));
  expect(state.booted, `${path}: the app's scripts did not run`).toBe(true);
  expect(state.csp, `${path}: CSP violations`).toEqual([]);
  expect(console, `${path}: console`).toEqual([]);
}

test("no page reports a CSP violation, and every page's scripts run", async ({ page }) => {
  test.setTimeout(180_000);
  const console = await watchCsp(page);
  const [claim] = await query<{ slug: string }>("SELECT c.slug FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' ORDER BY c.slug LIMIT 1");
  const [story] = await query<{ slug: string }>("SELECT slug FROM stories ORDER BY slug LIMIT 1");
  const [document] = await query<{ id: string }>("SELECT id FROM documents ORDER BY created_at LIMIT 1");
  for (const path of ["/", "/?q=police", "/methodology", "/corrections", "/data", `/claims/${claim!.slug}`, `/stories/${story!.slug}`, "/no-such-page", "/claims/no-such-claim", "/login"]) {
    await expectCleanPage(page, console, path);
  }
  await signIn(page, "admin");
  for (const path of ["/desk", "/desk/claims", "/desk/claims/new", `/desk/claims/${claim!.slug}`, `/desk/claims/${claim!.slug}/edit`, "/desk/documents", "/desk/documents/new", `/desk/documents/${document!.id}`, "/desk/imports", "/desk/review", "/desk/admin/users", "/desk/admin/audit"]) {
    await expectCleanPage(page, console, path);
  }
});

test("the site refuses to be framed", async ({ page }) => {
  await page.goto("/methodology");
  // A frame on another origin (about:blank's document is not this site, but frame-ancestors
  // is enforced on the framed response whatever its parent is).
  await page.setContent(`<iframe id="f" src="${new URL("/", page.url()).toString()}"></iframe>`);
  const frame = await (await page.locator("#f").elementHandle())!.contentFrame();
  await expect.poll(async () => (await frame?.evaluate(() => document.body?.innerText ?? "").catch(() => "")) ?? "").not.toContain("Claim ledger");
});
