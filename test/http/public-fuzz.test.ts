import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { servers } from "./support/client";

/*
 * fast-check over every public Route Handler (the JSON API, the feeds, the export), through the real
 * server: random query strings (known parameters and junk ones; unicode, SQL-ish, huge, malformed
 * percent-encoding), random path segments and validators. Never a 5xx; a JSON answer always parses,
 * an error always says what was wrong, a feed is a whole Atom document, an export whole JSON Lines.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const PUBLIC_DIRS = ["app/api/v1", "app/feeds", "app/export"];

type Kind = "json" | "atom" | "jsonl" | "page";
type Target = { kind: Kind; path: (segment: string) => string };

/** One entry per public route.ts: the coverage test fails when a new one is missing here. */
const TARGETS: Record<string, Target> = {
  "app/api/v1/claims/route.ts": { kind: "json", path: () => "/api/v1/claims" },
  "app/api/v1/claims/[slug]/route.ts": { kind: "json", path: (segment) => `/api/v1/claims/${segment}` },
  "app/api/v1/stories/route.ts": { kind: "json", path: () => "/api/v1/stories" },
  "app/feeds/verdicts.atom/route.ts": { kind: "atom", path: () => "/feeds/verdicts.atom" },
  "app/feeds/corrections.atom/route.ts": { kind: "atom", path: () => "/feeds/corrections.atom" },
  "app/export/claimreviews.jsonl/route.ts": { kind: "jsonl", path: () => "/export/claimreviews.jsonl" },
};

/** The public ledger's pages read the same filters: fuzzed too (HTML, so: never a 5xx). */
const PAGES: Record<string, Target> = {
  "app/(public)/page.tsx": { kind: "page", path: () => "/" },
  "app/(public)/corrections/page.tsx": { kind: "page", path: () => "/corrections" },
  "app/(public)/methodology/page.tsx": { kind: "page", path: () => "/methodology" },
  "app/(public)/claims/[slug]/page.tsx": { kind: "page", path: (segment) => `/claims/${segment}` },
  "app/(public)/stories/[slug]/page.tsx": { kind: "page", path: (segment) => `/stories/${segment}` },
};

test("coverage: every public page has a fuzz target", () => {
  const files = readdirSync("app/(public)", { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "page.tsx")
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  assert.deepEqual(files, Object.keys(PAGES).sort());
});

test("coverage: every public Route Handler has a fuzz target", () => {
  const files = PUBLIC_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /^route\.(ts|tsx|js)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name)),
  ).sort();
  assert.ok(files.length >= 6);
  assert.deepEqual(files, Object.keys(TARGETS).sort());
});

const NASTY = [
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "9".repeat(400),
  "x".repeat(5000),
  "' OR 1=1 --",
  "'; DROP TABLE claims; --",
  "%",
  "%%",
  "\\",
  "\u0000",
  "\ud800",
  "😀".repeat(50),
  "<script>alert(1)</script>",
  '"unterminated',
  "-",
  "or",
  "a & b | !c",
  "2022-13-45",
  "2022-01-06",
  "kazakhstan-unrest-january-2022",
  "TRUE",
  "mostly-true",
  "ZnwyMDI2LTExLTI1VDEyOjExOjQ3LjI4NVp8",
  Buffer.from("f|2026-11-25T12:11:47.285Z|not-a-uuid").toString("base64url"),
  Buffer.from("x|||||").toString("base64url"),
];
const value = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 }), fc.integer().map(String), fc.base64String({ maxLength: 120 }));
const key = fc.oneof(fc.constantFrom("limit", "cursor", "story", "rating", "claimant", "from", "to", "q", "status", "page", "kind"), fc.string({ maxLength: 10 }));
const query = fc.array(fc.tuple(key, value), { maxLength: 8 });
// Path segments: encoded random text, or raw oddities (malformed escapes, traversal, NUL).
const segment = fc.oneof(
  fc.string({ maxLength: 60 }).map(encodeURIComponent),
  fc.string({ unit: "binary", maxLength: 30 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "?"))),
  fc.constantFrom("%", "%zz", "%E0%A4%A", "..%2f..%2fetc", "%00", "lpg-price-cap-180-days", "a".repeat(3000), "%F0%9F%98%80"),
);
const headers = fc.record(
  { "if-none-match": fc.oneof(fc.string({ maxLength: 60 }), fc.constant("*"), fc.constant('W/"x"')), accept: fc.constantFrom("*/*", "application/json", "text/html", "application/atom+xml", "x/y;q=abc") },
  { requiredKeys: [] },
);

function check(kind: Kind, response: Response, body: string) {
  const { status } = response;
  const contentType = response.headers.get("content-type") ?? "";
  assert.ok(status < 500, `HTTP ${status}: ${body.slice(0, 300)}`);
  if (status === 304 || status === 204) return;
  if (status >= 300 && status < 400) {
    assert.ok(response.headers.get("location"), "a redirect says where to"); // e.g. Next's trailing-slash 308
    return;
  }
  if (contentType.includes("json") && !contentType.includes("jsonl") && !contentType.includes("x-ndjson")) {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (status >= 400) {
      assert.equal(typeof parsed.error?.code, "string", `an error names its code: ${body.slice(0, 200)}`);
      assert.equal(typeof parsed.error?.message, "string");
    }
    return;
  }
  if (status >= 400 || kind === "page") return; // HTML (a page, Next's own 4xx): never a 5xx is the property
  if (kind === "atom") {
    assert.match(contentType, /xml/);
    assert.ok(body.startsWith("<?xml") && body.trimEnd().endsWith("</feed>"), "a whole Atom document");
  } else if (kind === "jsonl") {
    for (const line of body.split("\n").filter((l) => l.trim())) JSON.parse(line);
  } else {
    assert.fail(`a JSON route answered ${status} with ${contentType}`);
  }
}

for (const server of servers()) {
  describe(`public routes under random input (${server.name})`, () => {
    for (const [file, target] of Object.entries({ ...TARGETS, ...PAGES })) {
      test(`${file}: no 5xx, well-formed answers`, async () => {
        await fc.assert(
          fc.asyncProperty(segment, query, headers, async (seg, pairs, extra) => {
            const search = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "\ufffd"))}`).join("&");
            const url = `${server.url}${target.path(seg)}${search ? `?${search}` : ""}`;
            const response = await fetch(url, { headers: extra, redirect: "manual" });
            check(target.kind, response, await response.text());
          }),
          { numRuns: RUNS },
        );
      });
    }
  });
}
