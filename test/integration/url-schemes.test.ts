import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim, createUser } from "../support/factories";
import { attachEvidence } from "../../lib/services/evidence";
import { importDocument } from "../../lib/services/documents";
import { isWebUrl } from "../../lib/urls";

// Only http and https addresses are accepted at input, however the scheme is dressed up: each URL
// field refuses these with a field error and writes nothing, and the database refuses them too.

const SCHEMES = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "java\nscript:alert(1)",
  "javascript://example.org/%0Aalert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "file:///etc/passwd",
  "blob:https://example.org/0b6c",
  "//evil.example/a",
  "&#106;avascript:alert(1)",
];

describe("URL schemes are refused at input", async () => {
  const db = await testDb();
  const user = await createUser(db, "FACT_CHECKER");

  test("isWebUrl accepts only http and https with a host", () => {
    for (const url of SCHEMES) assert.equal(isWebUrl(url), false, url);
    assert.equal(isWebUrl("https://example.org/a?b=1"), true);
  });

  for (const url of SCHEMES) {
    test(`evidence and documents refuse ${JSON.stringify(url)}`, async () => {
      const claim = await createClaim(db);
      const base = { claimId: claim.id, url: `https://news.example/${unique("a")}`, outlet: "Wire", type: "WIRE", excerpt: "Said so.", stance: "SUPPORTS" };
      const before = { evidence: await db.evidence.count({ where: { claimId: claim.id } }), documents: await db.document.count({ where: { createdById: user.id } }) };
      for (const [field, input] of [
        ["url", { ...base, url }],
        ["archiveUrl", { ...base, archiveUrl: url }],
        ["citesUrl", { ...base, citesUrl: url, citesOutlet: "Police" }],
      ] as const) {
        const result = await attachEvidence(user.session, input);
        assert.equal(result.ok, false, `${field} accepted ${url}`);
        if (!result.ok) assert.ok(result.fieldErrors?.[field]?.[0], `${field}: ${JSON.stringify(result)}`);
      }
      const doc = await importDocument(user.session, { title: "Headline", outlet: "Wire", url, text: "Some article text." });
      assert.equal(doc.ok, false, `document accepted ${url}`);
      if (!doc.ok) assert.ok(doc.fieldErrors?.url?.[0]);
      assert.deepEqual({ evidence: await db.evidence.count({ where: { claimId: claim.id } }), documents: await db.document.count({ where: { createdById: user.id } }) }, before);
    });
  }

  test("the database refuses them as well (last line of defence)", async () => {
    for (const url of ["javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,x"]) {
      await assert.rejects(db.source.create({ data: { url, normalizedUrl: url, outlet: "X", type: "WIRE" } }), /check constraint|sources_url_check/i, url);
      await assert.rejects(db.document.create({ data: { title: "T", outlet: "X", text: "t", url, createdById: user.id } }), /check constraint|documents_url_check/i, url);
    }
  });
});
