/** A minimal Atom 1.0 (RFC 4287) document builder. Pure; every text is XML-escaped. */

export type AtomEntry = { id: string; title: string; link: string; updated: string; published?: string; summary: string; categories?: string[] };
export type AtomFeed = { id: string; title: string; subtitle?: string; selfUrl: string; siteUrl: string; updated: string; entries: AtomEntry[] };

export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function buildAtomFeed(feed: AtomFeed): string {
  const e = escapeXml;
  const entries = feed.entries.map((entry) =>
    [
      "  <entry>",
      `    <id>${e(entry.id)}</id>`,
      `    <title>${e(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>`,
      `    <updated>${e(entry.updated)}</updated>`,
      entry.published ? `    <published>${e(entry.published)}</published>` : null,
      ...(entry.categories ?? []).map((c) => `    <category term="${e(c)}"/>`),
      `    <summary type="text">${e(entry.summary)}</summary>`,
      "  </entry>",
    ]
      .filter((line) => line !== null)
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${e(feed.id)}</id>`,
    `  <title>${e(feed.title)}</title>`,
    feed.subtitle ? `  <subtitle>${e(feed.subtitle)}</subtitle>` : null,
    `  <link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(feed.siteUrl)}"/>`,
    `  <updated>${e(feed.updated)}</updated>`,
    `  <author><name>claimdesk</name><uri>${e(feed.siteUrl)}</uri></author>`,
    ...entries,
    "</feed>",
    "",
  ]
    .filter((line) => line !== null)
    .join("\n");
}
