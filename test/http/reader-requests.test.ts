import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { issueFormToken } from "../../lib/readers/form-token";
import { startApp, type App } from "../support/app-server";
import { testDb, unique } from "../support/db";

/*
 * The reader forms' POST /reader-requests over real HTTP, on a server of its own (loopback only):
 * small limits (3 per address, a global limit just above what the window holds when it starts)
 * and TRUSTED_PROXY_HOPS=1, so X-Forwarded-For names the reader as a proxy in front would. Tokens
 * are signed with the server's secret as if rendered ten seconds earlier (no sleeping for the
 * minimum fill time). Every answer is a 303 to the confirmation or to the form with a reason, or the
 * proxy's 403/413; never a 5xx, never a half-written request, and no reader's address or text in
 * the server's log lines or public outputs.
 */
const db = await testDb();
const SECRET = "reader-http-secret-0123456789-abcdefghij";
const PORT = Number(process.env.SECURITY_PORT ?? 3220) + 4;
const PER_ADDRESS = 3;
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const WINDOW_MS = 60 * 60 * 1000;

let app: App;
let globalLimit = 0;
const emails: string[] = [];
const texts: string[] = [];

const slotsInWindow = () => db.readerRequestSlot.count({ where: { createdAt: { gte: new Date(Date.now() - WINDOW_MS) } } });

before(async () => {
  // Room for the fuzz, the per-address case and the global case below, and not one request more.
  globalLimit = (await slotsInWindow()) + FUZZ_RUNS + PER_ADDRESS + 3;
  app = await startApp({
    port: PORT,
    databaseUrl: process.env.TEST_DATABASE_URL!,
    secret: SECRET,
    timeoutMs: 120_000,
    env: { CLAIMDESK_DEMO: "1", TRUSTED_PROXY_HOPS: "1", READER_LIMIT_PER_ADDRESS: String(PER_ADDRESS), READER_LIMIT_GLOBAL: String(globalLimit), READER_LIMIT_WINDOW_MINUTES: "60" },
  });
});
after(() => app?.kill("SIGTERM"));

const token = () => issueFormToken(SECRET, Date.now() - 10_000);

async function post(fields: Record<string, string>, options: { ip?: string; origin?: string | null; body?: BodyInit; contentType?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": options.ip ?? `198.51.100.${Math.floor(Math.random() * 250)}, ${unique("p")}` };
  if (options.origin !== null) headers.origin = options.origin ?? app.base;
  if (options.contentType) headers["content-type"] = options.contentType;
  const response = await fetch(`${app.base}/reader-requests`, { method: "POST", headers, body: options.body ?? new URLSearchParams(fields), redirect: "manual" });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") ?? "" };
}
/** A distinct client address per call (the one X-Forwarded-For entry the server trusts). */
const address = () => `203.0.113.${Math.floor(Math.random() * 250)}, ${unique("client")}`;

describe("POST /reader-requests over HTTP", () => {
  test("a request from the form is accepted with a reference; the confirmation page shows it", async () => {
    const email = `${unique("reader")}@example.org`;
    const text = `The bridge reopened on ${unique()}`;
    emails.push(email);
    texts.push(text);
    const reply = await post({ kind: "SUGGESTION", token: token(), website: "", text, seenAt: "https://news.example/x", email }, { ip: address() });
    assert.equal(reply.status, 303);
    const ref = /^\/requests\/received\?ref=(R-[0-9A-Z]{8})$/.exec(reply.location)?.[1];
    assert.ok(ref, reply.location);
    assert.equal(await db.readerRequest.count({ where: { reference: ref, text } }), 1);
    const page = await (await fetch(`${app.base}${reply.location}`)).text();
    assert.ok(page.includes(ref));
    assert.ok(!page.includes(email) && !page.includes(text));
  });

  test("a token rendered by the page itself and posted at once is refused as too fast", async () => {
    const html = await (await fetch(`${app.base}/requests/new?kind=SUGGESTION`)).text();
    const rendered = /name="token" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(rendered, "the form carries a token");
    const text = `Too fast ${unique()}`;
    const reply = await post({ kind: "SUGGESTION", token: rendered, text }, { ip: address() });
    assert.equal(reply.status, 303);
    assert.match(reply.location, /refused=too_fast/);
    assert.equal(await db.readerRequest.count({ where: { text } }), 0);
  });

  test("cross-site and Origin-less posts are refused by the proxy", async () => {
    const text = `Cross-site ${unique()}`;
    assert.equal((await post({ kind: "SUGGESTION", token: token(), text }, { origin: "https://evil.example" })).status, 403);
    assert.equal((await post({ kind: "SUGGESTION", token: token(), text }, { origin: null })).status, 403);
    assert.equal(await db.readerRequest.count({ where: { text } }), 0);
  });

  test(`fuzz: random fields, bodies and content types never give a 5xx or a half-written request (${FUZZ_RUNS} runs)`, async () => {
    const field = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("", "x".repeat(2100), "<script>alert(1)</script>", "\u0000", "a\u202Eb", "http://a http://b http://c http://d", "SUGGESTION", "CORRECTION", "/claims/x", "/stories/../../etc"));
    const form = fc.record({ kind: field, text: field, seenAt: field, email: field, page: field, website: fc.constantFrom("", "", "", "bot"), useToken: fc.boolean() });
    const body = fc.constantFrom("form", "form", "form", "json", "garbage", "multipart", "huge");
    await fc.assert(
      fc.asyncProperty(form, body, async ({ useToken, ...fields }, shape) => {
        const text = `${fields.text}`;
        const payload = { ...fields, ...(useToken ? { token: token() } : { token: "1.bogus" }) };
        const before = await db.readerRequest.count();
        const reply =
          shape === "json"
            ? await post({}, { ip: address(), body: JSON.stringify(payload), contentType: "application/json" })
            : shape === "garbage"
              ? await post({}, { ip: address(), body: "%%%&&&==\u0000", contentType: "application/x-www-form-urlencoded" })
              : shape === "multipart"
                ? await post({}, { ip: address(), body: Object.entries(payload).reduce((f, [k, v]) => (f.append(k, v), f), new FormData()) })
                : shape === "huge"
                  ? await post({}, { ip: address(), body: new URLSearchParams({ ...payload, text: "y".repeat(40_000) }) })
                  : await post(payload, { ip: address() });
        assert.ok([303, 403, 413].includes(reply.status), `HTTP ${reply.status}`);
        const accepted = reply.location.startsWith("/requests/received?ref=");
        const after = await db.readerRequest.count();
        if (!accepted) assert.equal(after, before, `refused (${reply.location}) but a row was written`);
        else {
          const ref = reply.location.match(/R-[0-9A-Z]{8}/)?.[0] ?? "";
          const row = await db.readerRequest.findUnique({ where: { reference: ref }, select: { text: true, kind: true } });
          assert.ok(row, "an accepted request is stored whole");
          assert.equal(row.text, text.trim());
          if (fields.email.includes("@")) emails.push(fields.email);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  test(`the per-address limit: ${PER_ADDRESS} of 6 concurrent requests from one address pass, the rest are told why`, async () => {
    const ip = address();
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => post({ kind: "CORRECTION", token: token(), text: `Same address ${ip} ${i}` }, { ip })));
    assert.equal(replies.filter((r) => r.location.startsWith("/requests/received")).length, PER_ADDRESS);
    assert.equal(replies.filter((r) => r.location.includes("refused=address_limit")).length, 6 - PER_ADDRESS);
    const page = await (await fetch(`${app.base}${replies.find((r) => r.location.includes("address_limit"))!.location}`)).text();
    assert.match(page, /Not sent\..*our limit per connection/s);
  });

  test("the global limit: from many addresses, exactly what is left of it passes", async () => {
    const left = globalLimit - (await slotsInWindow());
    assert.ok(left >= 0 && left <= FUZZ_RUNS + PER_ADDRESS + 3, `left ${left}`);
    const replies = [];
    for (let i = 0; i < left + 2; i += 1) replies.push(await post({ kind: "SUGGESTION", token: token(), text: `Global ${unique()} ${i}` }, { ip: address() }));
    assert.equal(replies.filter((r) => r.location.startsWith("/requests/received")).length, left);
    assert.equal(replies.filter((r) => r.location.includes("refused=global_limit")).length, 2);
  });

  test("privacy: no reader's e-mail or text in the server's log lines or in the public outputs", async () => {
    assert.ok(emails.length >= 1);
    const log = app.lines.join("\n");
    for (const email of emails) assert.ok(!log.includes(email), "an address in the log");
    for (const text of texts) assert.ok(!log.includes(text), "a reader's text in the log");
    const outputs = await Promise.all(["/", "/corrections", "/methodology", "/feeds/verdicts.atom", "/feeds/corrections.atom", "/api/v1/claims", "/export/claimreviews.jsonl"].map(async (p) => (await fetch(`${app.base}${p}`)).text()));
    for (const email of emails) assert.ok(!outputs.some((o) => o.includes(email)));
  });
});
