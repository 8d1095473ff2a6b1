import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { config, proxy } from "../../proxy";

// Every Route Handler that accepts a write, and every page (a Server Action posts to the page it
// runs on), must pass through proxy.ts, whose Origin check refuses cross-site writes. A new
// route.ts exporting POST/PUT/PATCH/DELETE under a path the proxy skips fails here.

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const APP = path.resolve("app");

function files(name: RegExp): string[] {
  return readdirSync(APP, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A concrete URL path for an app/ file: groups dropped, dynamic segments filled in. */
function urlPath(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (/^\[\[?\.\.\./.test(s) ? "one/two" : /^\[.*\]$/.test(s) ? "some-id" : s));
  return `/${segments.join("/")}`;
}

function writeMethods(source: string): string[] {
  return WRITE_METHODS.filter((method) =>
    new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`).test(source),
  );
}

const matchers = config.matcher.map((m) => new RegExp(`^${m}$`));
const proxied = (pathname: string) => matchers.some((m) => m.test(pathname));

const routes = files(/^route\.(ts|tsx|js)$/).flatMap((file) => writeMethods(readFileSync(file, "utf8")).map((method) => ({ file, method, pathname: urlPath(file) })));
const pages = files(/^page\.(tsx|ts|jsx|js)$/).map((file) => ({ file, pathname: urlPath(file) }));

function request(method: string, pathname: string, origin?: string) {
  const headers = new Headers({ host: "desk.example" });
  if (origin) headers.set("origin", origin);
  return new NextRequest(new URL(pathname, "http://desk.example"), { method, headers });
}

describe("every write passes the Origin check", () => {
  test("the scan finds the write handlers (next-auth's at least) and the pages", () => {
    assert.ok(routes.some((r) => r.pathname.startsWith("/api/auth/") && r.method === "POST"), JSON.stringify(routes));
    assert.ok(pages.length >= 10);
  });

  test("the scan reads every export style", () => {
    assert.deepEqual(writeMethods("export { handler as GET, handler as POST };"), ["POST"]);
    assert.deepEqual(writeMethods("export async function PUT() {}\nexport const DELETE = h;"), ["PUT", "DELETE"]);
    assert.deepEqual(writeMethods("export { PATCH } from './x';"), ["PATCH"]);
    assert.deepEqual(writeMethods("export async function GET() {}"), []);
  });

  test("the proxy matcher leaves out only Next's build output", () => {
    for (const pathname of ["/_next/static/chunks/app.js", "/_next/image", "/favicon.ico"]) assert.equal(proxied(pathname), false, pathname);
    for (const pathname of ["/", "/desk", "/api/v1/claims", "/feeds/verdicts.atom", "/no-such-page", "/_next/data/x"]) assert.equal(proxied(pathname), true, pathname);
  });

  for (const route of routes) {
    test(`${route.method} ${route.pathname} (${path.relative(process.cwd(), route.file)})`, async () => {
      assert.ok(proxied(route.pathname), "proxy.ts does not run on this path");
      for (const origin of ["https://evil.example", "null", undefined]) {
        const response = await proxy(request(route.method, route.pathname, origin));
        assert.equal(response.status, 403, `Origin ${origin ?? "(none)"}`);
      }
      const same = await proxy(request(route.method, route.pathname, "http://desk.example"));
      assert.notEqual(same.status, 403);
    });
  }

  test("a Server Action posted to any page from another site is refused before it runs", async () => {
    for (const page of pages) {
      assert.ok(proxied(page.pathname), page.file);
      const foreign = new NextRequest(new URL(page.pathname, "http://desk.example"), {
        method: "POST",
        headers: { host: "desk.example", origin: "https://evil.example", "next-action": "0".repeat(42) },
      });
      assert.equal((await proxy(foreign)).status, 403, page.file);
    }
  });
});
