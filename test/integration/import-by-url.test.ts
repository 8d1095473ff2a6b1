import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createUser } from "../support/factories";
import { articleHtml, startPageServer } from "../support/page-server";
import { importDocumentFromUrl } from "../../lib/services/documents";

// The article comes from a server on 127.0.0.1 through the test-only allowance (lib/fetcher/allowance.ts).
process.env.CLAIMDESK_FETCH_ALLOW_LOOPBACK = "1";
const db = await testDb();
let site: Awaited<ReturnType<typeof startPageServer>>;
before(async () => {
  site = await startPageServer();
});
after(() => site.close());

test("an article imported by URL is fetched, reduced to its main text, stored with its final address and offers candidates", async () => {
  const user = await createUser(db, "FACT_CHECKER");
  const path = `/${unique("news")}`;
  site.set(`${path}-short`, { status: 302, location: path });
  site.set(path, {
    body: articleHtml("Protests in Almaty", [
      "The interior ministry said 164 people had been killed in the unrest across the country, according to a statement on Sunday.",
      "Police spokeswoman Saltanat Azirbek said 18 officers had died and more than 700 had been injured in the clashes.",
      "Residents said shops had reopened in the city centre on Monday morning after the week of violence.",
    ]),
  });
  const result = await importDocumentFromUrl(user.session, { url: `${site.origin}${path}-short`, outlet: "Example Wire" });
  assert.ok(result.ok, result.ok ? "" : result.message);
  const document = await db.document.findUniqueOrThrow({ where: { id: result.data.id } });
  assert.equal(document.url, `${site.origin}${path}`);
  assert.equal(document.outlet, "Example Wire");
  assert.equal(document.title, "Protests in Almaty");
  assert.match(document.text, /164 people had been killed/);
  assert.doesNotMatch(document.text, /All rights reserved|Home/);
  assert.ok(Array.isArray(document.candidates) && document.candidates.length > 0, "the usual candidates are proposed");
  const audit = await db.auditLog.findFirstOrThrow({ where: { action: "document.import", entityId: document.id } });
  assert.equal((audit.after as { fetchedFrom?: string }).fetchedFrom, `${site.origin}${path}`);
});

test("a refused or empty page is a field error on the address, and nothing is stored", async () => {
  const user = await createUser(db, "FACT_CHECKER");
  const before = await db.document.count({ where: { createdById: user.id } });
  const refused = await importDocumentFromUrl(user.session, { url: "http://169.254.169.254/latest/meta-data/" });
  assert.ok(!refused.ok && refused.fieldErrors?.url?.[0]?.includes("cloud-metadata"));
  const image = site.set(`/${unique("img")}`, { type: "image/png", body: "png" });
  const notText = await importDocumentFromUrl(user.session, { url: image });
  assert.ok(!notText.ok && /image\/png/.test(notText.fieldErrors?.url?.[0] ?? ""));
  const empty = site.set(`/${unique("empty")}`, { body: "<html><body></body></html>" });
  const nothing = await importDocumentFromUrl(user.session, { url: empty });
  assert.ok(!nothing.ok && /no article text/.test(nothing.message));
  assert.equal(await db.document.count({ where: { createdById: user.id } }), before);
});
