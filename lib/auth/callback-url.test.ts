import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { safeCallbackPath, safeRedirect } from "./callback-url";

// Every way we know to spell "another host" in a path-looking string.
const OFF_SITE = [
  "https://evil.example",
  "http://evil.example/desk",
  "//evil.example",
  "//evil.example/desk",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/.//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "///evil.example",
  "javascript:alert(1)",
  " /desk",
  "desk",
  "",
];

describe("sign-in callback path", () => {
  test("same-site paths are kept with their query and fragment", () => {
    assert.equal(safeCallbackPath("/desk/claims?status=NEW#top"), "/desk/claims?status=NEW#top");
    assert.equal(safeCallbackPath("/desk/review"), "/desk/review");
  });

  test("anything that could leave the site falls back to the desk", () => {
    for (const value of [...OFF_SITE, undefined, null, ["/desk"], 5]) assert.equal(safeCallbackPath(value), "/desk", JSON.stringify(value));
  });

  test("whatever it returns, a browser resolves it to this origin", () => {
    const base = "https://desk.example";
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom(...OFF_SITE), fc.string().map((s) => `/${s}`), fc.string().map((s) => `//${s}`)), (value) => {
        const path = safeCallbackPath(value);
        assert.ok(path.startsWith("/") && !path.startsWith("//"));
        assert.equal(new URL(path, base).origin, base);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("next-auth redirect callback", () => {
  const baseUrl = "https://desk.example";

  test("relative paths and this site's own URLs are followed", () => {
    assert.equal(safeRedirect({ url: "/login", baseUrl }), "https://desk.example/login");
    assert.equal(safeRedirect({ url: "https://desk.example/desk/claims?x=1", baseUrl }), "https://desk.example/desk/claims?x=1");
  });

  test("other sites and tricks go to this site's root", () => {
    for (const url of [...OFF_SITE, "https://desk.example.evil.example/", "https://desk.example@evil.example/", "http://desk.example/"]) {
      const target = safeRedirect({ url, baseUrl });
      assert.equal(new URL(target).origin, baseUrl, url);
      assert.ok(target === baseUrl || url.startsWith("/"), `${url} -> ${target}`);
    }
  });
});
