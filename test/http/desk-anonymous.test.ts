import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { testDb } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { servers, signInOrThrow } from "./support/client";
import { unique } from "./support/fixtures";

/*
 * Class: a desk route that reads before it authorises. Every page and route handler under
 * app/(desk) (found on disk, so a new one is walked too) is requested by callers who may not see
 * the desk: no cookie, a garbage session cookie, and the cookie of a user disabled after signing in.
 * Each is asked as a browser (HTML), as a crawler, as an RSC navigation (`RSC: 1`) and as an RSC
 * prefetch (`?_rsc=`), on both servers (proxy redirect on and off). A canary claim and document,
 * never published, must appear in no status line, header or body, and an existing slug or id must
 * get the same answer as a missing one (else the answer confirms the record exists).
 */

const db = await testDb();
const token = unique("canary").replace(/-/g, "");
const story = await db.story.create({ data: { slug: unique("canary-story"), title: `Canary story ${token}` } });
const claim = await db.claim.create({
  data: { slug: unique("canary"), text: `Canary claim ${token} says 999 were hurt`, claimant: `Claimant ${token}`, kind: "NUMERIC", storyId: story.id },
});
const document = await db.document.create({ data: { title: `Canary document ${token}`, outlet: `Outlet ${token}`, text: `Canary text ${token}. It said so.` } });
const missing = { slug: unique("no-such-claim"), id: randomUUID() };

/** Every page.tsx and route.ts under app/(desk), as a URL template ("/desk/claims/[slug]"). */
function deskRoutes(): string[] {
  const root = "app/(desk)";
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^(page|route)\.(ts|tsx)$/.test(e.name))
    .map((e) => "/" + path.relative(root, e.parentPath).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/"))
    .sort();
}

function fill(template: string, values: { slug: string; id: string }): string {
  return template.replace("[slug]", values.slug).replace("[id]", values.id);
}

const routes = deskRoutes();

// Route handlers that read a record named in the query string (the source picker reads by claim id).
const QUERY: Record<string, (id: string) => string> = { "/desk/sources": (id) => `?claim=${id}` };
const existingFor = (template: string) => ({ slug: claim.slug, id: QUERY[template] ? claim.id : document.id });

type Mode = { name: string; headers: Record<string, string>; query: string };
const MODES: Mode[] = [
  { name: "HTML", headers: { accept: "text/html" }, query: "" },
  { name: "crawler", headers: { accept: "text/html", "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }, query: "" },
  { name: "RSC", headers: { rsc: "1" }, query: "" },
  { name: "RSC prefetch", headers: { rsc: "1", "next-router-prefetch": "1" }, query: "_rsc=abc12" },
];

type Answer = { status: number; headers: string; body: string };

async function ask(url: string, mode: Mode, cookie: string | null): Promise<Answer> {
  const headers: Record<string, string> = { ...mode.headers };
  if (cookie) headers.cookie = cookie;
  const full = mode.query ? `${url}${url.includes("?") ? "&" : "?"}${mode.query}` : url;
  const response = await fetch(full, { headers, redirect: "manual" });
  return { status: response.status, headers: [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n"), body: await response.text() };
}

/**
 * The RSC rows of an answer and its markup without the streaming scaffolding. How React splits a
 * streamed page into <script> chunks, and whether a Suspense boundary resolves inline or later,
 * depends on timing, not on the record; so scripts, boundary templates and comments are dropped,
 * the RSC payload they carry is decoded, and its rows are compared as a sorted list.
 */
function contentOf(body: string): string {
  let flight = "";
  const markup = body
    .replace(/<script[^>]*>([\s\S]*?)<\/script>/g, (_, code: string) => {
      for (const m of code.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) flight += JSON.parse(m[1]!) as string;
      return "";
    })
    .replace(/<!--[\s\S]*?-->|<template id="[A-Z]:\d+"><\/template>|<div hidden id="S:\d+"><\/div>/g, "");
  const rows = (flight || markup).split("\n").sort();
  return flight ? `${markup}\n${rows.join("\n")}` : rows.join("\n");
}

/** What may differ between two identical requests: nonces, request ids, dates, the slug or id asked for. */
function normalise(answer: Answer, values: { slug: string; id: string }): string {
  const replaceAll = (text: string) =>
    text
      .split(values.slug)
      .join("<slug>")
      .split(values.id)
      .join("<id>")
      .replace(/[A-Za-z0-9+/]{22}==/g, "<nonce>")
      .replace(/^(x-request-id|date|etag|content-length): .*$/gm, "$1")
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>");
  return `${answer.status}\n${replaceAll(answer.headers).split("\n").sort().join("\n")}\n${replaceAll(contentOf(answer.body))}`;
}

const disabledUser = await createUser(db, "ADMIN");

test("the walk covers every desk page and route handler", () => {
  for (const expected of ["/desk", "/desk/claims", "/desk/claims/[slug]", "/desk/claims/[slug]/edit", "/desk/documents/[id]", "/desk/admin/audit", "/desk/sources"]) {
    assert.ok(routes.includes(expected), `${expected} is walked`);
  }
});

for (const server of servers()) {
  describe(`anonymous and refused callers learn nothing from /desk (${server.name})`, () => {
    const callers: Array<{ name: string; cookie: () => Promise<string | null> }> = [
      { name: "no cookie", cookie: async () => null },
      { name: "garbage cookie", cookie: async () => "__Secure-next-auth.session-token=garbage.value.here; next-auth.session-token=garbage" },
      {
        name: "disabled user",
        cookie: async () => {
          const cookie = await signInOrThrow(server.url, disabledUser.email, TEST_PASSWORD);
          await db.user.update({ where: { id: disabledUser.id }, data: { disabled: true, sessionVersion: { increment: 1 } } });
          return cookie;
        },
      },
    ];
    for (const caller of callers) {
      test(`${caller.name}: no canary anywhere, and existing = missing`, async () => {
        if (caller.name === "disabled user") await db.user.update({ where: { id: disabledUser.id }, data: { disabled: false } });
        const cookie = await caller.cookie();
        for (const template of routes) {
          for (const mode of MODES) {
            const query = QUERY[template];
            const existing = existingFor(template);
            const known = await ask(`${server.url}${fill(template, existing)}${query ? query(existing.id) : ""}`, mode, cookie);
            const where = `${mode.name} ${template}`;
            for (const secret of [token, claim.text, claim.claimant, document.title]) {
              assert.ok(!known.headers.includes(secret), `${where}: the canary is in a header`);
              assert.ok(!known.body.includes(secret), `${where}: the canary is in the body (status ${known.status})`);
            }
            assert.ok(known.status < 500, `${where}: ${known.status}`);
            assert.ok(known.status !== 200 || !/text\/html|text\/x-component/.test(known.headers) || !known.body.includes("claim-heading"), `${where}: the desk page rendered`);
            if (template.includes("[") || query) {
              const unknown = await ask(`${server.url}${fill(template, missing)}${query ? query(missing.id) : ""}`, mode, cookie);
              assert.equal(normalise(unknown, missing), normalise(known, existing), `${where}: a missing record answers differently`);
            }
          }
        }
      });
    }
  });
}
