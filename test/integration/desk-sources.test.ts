import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim, createSource, createUser } from "../support/factories";
import { handleSourceSearch, type SourceSearchBody } from "../../app/(desk)/desk/sources/handler";
import { SOURCE_SEARCH_LIMIT } from "../../lib/data/sources";
import { handleKnownSource, type KnownSourceBody } from "../../app/(desk)/desk/sources/known/handler";
import type { SessionRef } from "../../lib/auth/actor";

/*
 * GET /desk/sources, the "cites" picker's search: the handler with the session the route reads from
 * the cookie, against the real database. The route file only adds `await currentSession()`.
 */

const db = await testDb();

const get = (query: string) => new Request(`http://localhost:3000/desk/sources?${query}`);
async function call(query: string, session: SessionRef) {
  const response = await handleSourceSearch(get(query), session);
  assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
  assert.equal(response.headers.get("cache-control"), "private, no-store");
  return { status: response.status, body: (await response.json()) as SourceSearchBody & { error?: { code: string; fieldErrors?: Record<string, string[]> } } };
}

describe("GET /desk/sources: who may search", () => {
  test("anonymous: 401 with a JSON error, no sources", async () => {
    const token = unique("anon").replace(/-/g, "");
    await createSource(db, { outlet: `Outlet ${token}` });
    const { status, body } = await call(`q=${token}`, null);
    assert.equal(status, 401);
    assert.equal(body.error?.code, "UNAUTHENTICATED");
    assert.equal(body.data, undefined);
  });

  test("a disabled account and an outdated session: 401", async () => {
    const disabled = await createUser(db, "FACT_CHECKER", { disabled: true });
    assert.equal((await call("q=police", disabled.session)).status, 401);
    const bumped = await createUser(db, "FACT_CHECKER");
    await db.user.update({ where: { id: bumped.id }, data: { sessionVersion: { increment: 1 } } });
    assert.equal((await call("q=police", bumped.session)).status, 401);
    const ghost = { userId: "00000000-0000-4000-8000-000000000000", sessionVersion: 1 };
    assert.equal((await call("q=police", ghost)).status, 401);
  });

  for (const role of ["FACT_CHECKER", "EDITOR", "ADMIN"] as const) {
    test(`${role}: finds a source by outlet`, async () => {
      const user = await createUser(db, role);
      const token = unique("role").replace(/-/g, "");
      const source = await createSource(db, { outlet: `Outlet ${token}` });
      const { status, body } = await call(`q=${token.toUpperCase()}`, user.session);
      assert.equal(status, 200);
      assert.equal(body.scope, "search");
      assert.deepEqual(body.data, [{ id: source.id, outlet: source.outlet, url: source.url, title: null }]);
    });
  }
});

describe("GET /desk/sources: what it returns", () => {
  test(`at most ${SOURCE_SEARCH_LIMIT} matches, and says there are more`, async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const token = unique("many").replace(/-/g, "");
    for (let i = 0; i < SOURCE_SEARCH_LIMIT + 5; i++) await createSource(db, { outlet: `Wire ${token} ${String(i).padStart(2, "0")}` });
    const { status, body } = await call(`q=${token}`, user.session);
    assert.equal(status, 200);
    assert.equal(body.data.length, SOURCE_SEARCH_LIMIT);
    assert.equal(body.more, true);
    assert.ok(body.data.every((s) => s.outlet.includes(token)));
    // Exactly the limit: no "more".
    const few = unique("few").replace(/-/g, "");
    for (let i = 0; i < 3; i++) await createSource(db, { outlet: `Wire ${few} ${i}` });
    const exact = await call(`q=${few}`, user.session);
    assert.equal(exact.body.data.length, 3);
    assert.equal(exact.body.more, false);
  });

  test("matches the title and the web address too, case-insensitively; LIKE wildcards are plain characters", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const token = unique("where").replace(/-/g, "");
    const byUrl = await createSource(db, { outlet: "Somebody", url: `https://example.net/${token}/report` });
    const byTitle = await db.source.update({ where: { id: (await createSource(db, { outlet: "Someone else" })).id }, data: { title: `Report ${token.toUpperCase()}` } });
    const { body } = await call(`q=${encodeURIComponent(token)}`, user.session);
    assert.deepEqual(body.data.map((s) => s.id).sort(), [byUrl.id, byTitle.id].sort());
    const wildcard = await call(`q=${encodeURIComponent("%_%")}`, user.session);
    assert.equal(wildcard.status, 200);
    assert.ok(wildcard.body.data.every((s) => `${s.outlet} ${s.title ?? ""} ${s.url}`.toLowerCase().includes("%_%")));
  });

  test("with no query, the sources already on the claim; one character searches nothing", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const claim = await createClaim(db);
    const police = await createSource(db, { outlet: "Almaty police" });
    const wire = await createSource(db, { outlet: "A wire" });
    await createSource(db, { outlet: "Not on the claim" });
    for (const source of [police, wire]) {
      await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "SUPPORTS", excerpt: "Twelve were killed." } });
    }
    const { status, body } = await call(`claim=${claim.id}`, user.session);
    assert.equal(status, 200);
    assert.equal(body.scope, "claim");
    assert.deepEqual(body.data.map((s) => s.outlet), ["A wire", "Almaty police"]);
    const short = await call(`q=a&claim=${claim.id}`, user.session);
    assert.deepEqual([short.body.scope, short.body.data], ["none", []]);
    const nothing = await call("", user.session);
    assert.deepEqual([nothing.body.scope, nothing.body.data], ["none", []]);
  });

  test("bad input: a JSON 400 with field errors, never a 500", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    for (const [query, field] of [
      ["claim=not-a-uuid", "claim"],
      [`q=${"x".repeat(201)}`, "q"],
      ["q=ab%00cd", "q"],
      ["q=%0A%0Apolice%1B", "q"],
    ] as const) {
      const { status, body } = await call(query, user.session);
      assert.equal(status, 400, query);
      assert.equal(body.error?.code, "VALIDATION");
      assert.ok(body.error?.fieldErrors?.[field]?.length, `${query}: error on ${field}`);
    }
    // Unicode and quotes are searched as text.
    const odd = await call(`q=${encodeURIComponent("Алматы ' \" \\ ;--")}`, user.session);
    assert.equal(odd.status, 200);
  });
});

describe("GET /desk/sources/known: the attach form's known URL", () => {
  const known = async (url: string, session: SessionRef) => {
    const response = await handleKnownSource(new Request(`http://localhost:3000/desk/sources/known?${new URLSearchParams({ url }).toString()}`), session);
    assert.equal(response.headers.get("cache-control"), "private, no-store");
    return { status: response.status, body: (await response.json()) as KnownSourceBody & { error?: { code: string } } };
  };

  test("a source with the same normalised URL answers with what the form fills in; another URL with null", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    const path = unique("known");
    const source = await db.source.create({
      data: { url: `https://www.known.example/${path}?utm_source=x`, normalizedUrl: `https://known.example/${path}`, outlet: "Known Wire", type: "WIRE", language: "ru", title: "Known title", publishedAt: new Date("2022-01-06T10:00:00Z") },
    });
    const { status, body } = await known(`http://known.example/${path}/#top`, checker.session);
    assert.equal(status, 200);
    assert.deepEqual(body.data, { outlet: "Known Wire", type: "WIRE", language: "ru", title: "Known title", publishedAt: "2022-01-06T10:00:00.000Z" });
    assert.ok(source.id);
    assert.deepEqual((await known(`https://known.example/${unique("other")}`, checker.session)).body, { data: null });
  });

  test("anonymous and disabled callers get 401, an address that is not a web URL 400", async () => {
    const disabled = await createUser(db, "EDITOR", { disabled: true });
    assert.equal((await known("https://known.example/x", null)).status, 401);
    assert.equal((await known("https://known.example/x", disabled.session)).status, 401);
    const checker = await createUser(db, "FACT_CHECKER");
    const bad = await known("javascript:alert(1)", checker.session);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error?.code, "VALIDATION");
  });
});
