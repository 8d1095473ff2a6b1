import { test } from "node:test";
import assert from "node:assert/strict";
import { buildAtomFeed, escapeXml } from "./atom";

test("escapes markup and drops characters XML cannot carry", () => {
  assert.equal(escapeXml(`<a href="x">Tom & Jerry's</a>\u0001`), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
});

test("a feed with its required elements and one entry per item", () => {
  const xml = buildAtomFeed({
    id: "tag:x,2026:feed",
    title: "T & T",
    selfUrl: "https://x.example/feed.atom",
    siteUrl: "https://x.example/",
    updated: "2026-01-01T00:00:00.000Z",
    entries: [
      { id: "tag:x,2026:1", title: "<b>One</b>", link: "https://x.example/1", updated: "2026-01-01T00:00:00.000Z", summary: "s", categories: ["FALSE"] },
      { id: "tag:x,2026:2", title: "Two", link: "https://x.example/2", updated: "2025-12-31T00:00:00.000Z", summary: "s" },
    ],
  });
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'));
  assert.equal(xml.match(/<entry>[\s\S]*?<\/entry>/g)?.length, 2);
  assert.ok(xml.includes("<title>T &amp; T</title>"));
  assert.ok(xml.includes("<title>&lt;b&gt;One&lt;/b&gt;</title>"));
  assert.ok(xml.includes('<category term="FALSE"/>'));
});
