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
// The public routes behave the same with and without the proxy's desk redirect: the full run is on
// the server without it, a smoke run on the server as shipped.
const SMOKE_RUNS = Math.min(RUNS, 5);
const PUBLIC_DIRS = ["app/api/v1", "app/feeds", "app/export", "app/.well-known"];

type Kind = "json" | "atom" | "jsonl" | "gzip" | "page";
type Target = { kind: Kind; path: (segment: string) => string };

/** One entry per public route.ts: the coverage test fails when a new one is missing here. */
const TARGETS: Record<string, Target> = {
  "app/api/v1/claims/route.ts": { kind: "json", path: () => "/api/v1/claims" },
  "app/api/v1/claims/[slug]/route.ts": { kind: "json", path: (segment) => `/api/v1/claims/${segment}` },
  "app/api/v1/claims/[slug]/versions/[version]/route.ts": { kind: "json", path: (segment) => `/api/v1/claims/${segment}/versions/${segment}` },
  "app/api/v1/stories/route.ts": { kind: "json", path: () => "/api/v1/stories" },
  "app/api/v1/log/route.ts": { kind: "json", path: () => "/api/v1/log" },
  "app/api/v1/log/head/route.ts": { kind: "json", path: () => "/api/v1/log/head" },
  "app/.well-known/claimdesk-ledger-key/route.ts": { kind: "json", path: () => "/.well-known/claimdesk-ledger-key" },
  "app/feeds/verdicts.atom/route.ts": { kind: "atom", path: () => "/feeds/verdicts.atom" },
  "app/feeds/corrections.atom/route.ts": { kind: "atom", path: () => "/feeds/corrections.atom" },
  "app/export/claimreviews.jsonl/route.ts": { kind: "jsonl", path: () => "/export/claimreviews.jsonl" },
  "app/feeds/claims/[slug]/route.ts": { kind: "atom", path: (segment) => `/feeds/claims/${segment}` },
  "app/feeds/stories/[slug]/route.ts": { kind: "atom", path: (segment) => `/feeds/stories/${segment}` },
  "app/export/claimreviews.datafeed.json/route.ts": { kind: "json", path: () => "/export/claimreviews.datafeed.json" },
  "app/export/claimreviews.jsonl.gz/route.ts": { kind: "gzip", path: () => "/export/claimreviews.jsonl.gz" },
  "app/export/claimreviews.datafeed.json.gz/route.ts": { kind: "gzip", path: () => "/export/claimreviews.datafeed.json.gz" },
  "app/api/v1/openapi.json/route.ts": { kind: "json", path: () => "/api/v1/openapi.json" },
};

/** The public ledger's pages read the same filters: fuzzed too (HTML, so: never a 5xx). */
const PAGES: Record<string, Target> = {
  "app/(public)/page.tsx": { kind: "page", path: () => "/" },
  "app/(public)/corrections/page.tsx": { kind: "page", path: () => "/corrections" },
  "app/(public)/methodology/page.tsx": { kind: "page", path: () => "/methodology" },
  "app/(public)/data/page.tsx": { kind: "page", path: () => "/data" },
  "app/(public)/claims/[slug]/page.tsx": { kind: "page", path: (segment) => `/claims/${segment}` },
  "app/(public)/stories/[slug]/page.tsx": { kind: "page", path: (segment) => `/stories/${segment}` },
  "app/(public)/requests/new/page.tsx": { kind: "page", path: () => "/requests/new" },
  "app/(public)/requests/received/page.tsx": { kind: "page", path: () => "/requests/received" },
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
  assert.ok(files.length >= 10);
  assert.deepEqual(files, Object.keys(TARGETS).sort());
});

const OUT_OF_RANGE_DATES = ["0000-01-01", "0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31", "2022-02-30", "+275760-09-13", "-000001-01-01", "2022-1-6"];
const HUGE_NUMBERS = ["2147483648", "9223372036854775808", "18446744073709551616", "1e21", "-1e21", "Infinity", "1.5"];

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
  // Dates JavaScript parses but PostgreSQL cannot store, or that are outside any sane range.
  ...OUT_OF_RANGE_DATES,
  // Numbers past int4, int8 and double.
  ...HUGE_NUMBERS,
  // Cursors whose date is out of range.
  Buffer.from("f|0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000").toString("base64url"),
  Buffer.from("t|+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000").toString("base64url"),
];
const value = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 }), fc.integer().map(String), fc.base64String({ maxLength: 120 }));
const key = fc.oneof(fc.constantFrom("limit", "cursor", "after", "story", "rating", "claimant", "from", "to", "q", "status", "page", "kind", "ref", "refused", "field", "folded"), fc.string({ maxLength: 10 }));
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
  } else if (kind === "gzip") {
    assert.equal(contentType, "application/gzip");
  } else if (kind === "jsonl") {
    for (const line of body.split("\n").filter((l) => l.trim())) JSON.parse(line);
  } else {
    assert.fail(`a JSON route answered ${status} with ${contentType}`);
  }
}

for (const server of servers()) {
  describe(`dates and numbers out of range are field errors, never 500s (${server.name})`, () => {
    test("/api/v1/claims: every date filter outside 1900..2100 (or not a calendar day) is a 400 naming the field", async () => {
      for (const field of ["from", "to"]) {
        for (const date of OUT_OF_RANGE_DATES) {
          const response = await fetch(`${server.url}/api/v1/claims?${field}=${encodeURIComponent(date)}`);
          const body = (await response.json()) as { error?: { code?: string; fieldErrors?: Record<string, string[]> } };
          assert.equal(response.status, 400, `${field}=${date}: ${response.status}`);
          assert.equal(body.error?.code, "VALIDATION");
          assert.ok(body.error?.fieldErrors?.[field]?.length, `${field}=${date} names the field`);
        }
      }
      for (const limit of HUGE_NUMBERS) {
        const response = await fetch(`${server.url}/api/v1/claims?limit=${encodeURIComponent(limit)}`);
        assert.equal(response.status, 400, `limit=${limit}`);
      }
    });

    test("the ledger page and the feeds with the same dates: never a 5xx", async () => {
      for (const path of ["/", "/corrections", "/feeds/verdicts.atom", "/feeds/corrections.atom", "/api/v1/stories"]) {
        for (const field of ["from", "to"]) {
          for (const date of OUT_OF_RANGE_DATES) {
            const response = await fetch(`${server.url}${path}?${field}=${encodeURIComponent(date)}`, { redirect: "manual" });
            await response.arrayBuffer();
            assert.ok(response.status < 500, `${path}?${field}=${date}: ${response.status}`);
          }
        }
      }
    });
  });

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
          { numRuns: server.proxyDisabled ? RUNS : SMOKE_RUNS },
        );
      });
    }
  });
}
