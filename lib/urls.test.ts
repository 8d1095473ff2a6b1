import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isWebUrl, normalizeUrl } from "./urls";

describe("isWebUrl", () => {
  test("accepts http and https addresses", () => {
    for (const url of ["https://example.org", "http://example.org/a?b=c", " HTTPS://Example.org/path ", "https://xn--80ak6aa92e.com/"]) {
      assert.equal(isWebUrl(url), true, url);
    }
  });

  test("rejects other schemes and malformed input", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://example.org/a", "mailto:a@b.c", "", "example.org", "https://", "http://exa mple.org", "JaVaScRiPt:alert(1)"]) {
      assert.equal(isWebUrl(url), false, url);
    }
  });

  test("never throws", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (value) => typeof isWebUrl(value) === "boolean"));
  });
});

describe("normalizeUrl", () => {
  test("one source, however it is linked", () => {
    const variants = [
      "https://www.nytimes.com/2022/01/06/world/kazakhstan.html",
      "http://nytimes.com/2022/01/06/world/kazakhstan.html",
      "https://NYTIMES.com/2022/01/06/world/kazakhstan.html/#comments",
      "https://m.nytimes.com/2022/01/06/world/kazakhstan.html?utm_source=twitter&smid=tw-share",
      "https://www.nytimes.com:443//2022/01/06/world/kazakhstan.html",
    ];
    assert.deepEqual(new Set(variants.map(normalizeUrl)), new Set(["https://nytimes.com/2022/01/06/world/kazakhstan.html"]));
  });

  test("edition prefixes come off together, never down to a bare label", () => {
    assert.equal(normalizeUrl("http://m.m.aa"), "https://m.aa/");
    assert.equal(normalizeUrl("https://www.m.example.org/x"), "https://example.org/x");
    assert.equal(normalizeUrl("https://amp.co/"), "https://amp.co/");
  });

  test("keeps meaningful query parameters, sorted", () => {
    assert.equal(normalizeUrl("https://example.org/a?z=1&a=2&utm_campaign=x"), "https://example.org/a?a=2&z=1");
    assert.notEqual(normalizeUrl("https://example.org/a?id=1"), normalizeUrl("https://example.org/a?id=2"));
  });

  test("property: normalising twice changes nothing, and the result is a web URL", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = normalizeUrl(url);
        assert.equal(normalizeUrl(once), once);
        assert.equal(isWebUrl(once), true);
      }),
      { numRuns: 200 },
    );
  });
});
