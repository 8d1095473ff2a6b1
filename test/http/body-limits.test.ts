import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { encodeFormAction, pagePath, postAction, readActionManifest, servers } from "./support/client";
import { fingerprint, signedInUser } from "./support/fixtures";
import limits from "../../lib/security/limits.json" with { type: "json" };

/*
 * Class: input too large for a layer below the app's own validation. A body over the limit gets a
 * 413 that says so, for Server Actions and Route Handlers alike, before anything is read or
 * written; a body under the limit but with an oversized field gets that field's error (Next's own
 * 1 MB refusal used to answer 500).
 */

const db = await testDb();
const createClaim = readActionManifest().find((a) => a.name === "createClaimAction")!;

for (const server of servers()) {
  describe(`oversized bodies (${server.name})`, () => {
    test("a Server Action body over the limit: 413 with a clear message, nothing written", async () => {
      const editor = await signedInUser(db, server.url, "EDITOR");
      const snapshot = await fingerprint(db);
      const body = encodeFormAction({ text: "x".repeat(limits.maxBodyBytes + 1024), claimant: "Someone", kind: "EVENT" });
      const response = await fetch(`${server.url}${pagePath(createClaim.pages[0]!, {})}`, {
        method: "POST",
        redirect: "manual",
        headers: { "next-action": createClaim.id, origin: server.url, accept: "text/x-component", cookie: editor.cookie },
        body,
      });
      const text = await response.text();
      assert.equal(response.status, 413, text.slice(0, 200));
      assert.match(text, /larger than 8 MB/);
      assert.deepEqual(await fingerprint(db), snapshot);
    });

    test("a Route Handler body over the limit (next-auth's sign-in): 413", async () => {
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
        body: `email=a%40b.test&password=${"x".repeat(limits.maxBodyBytes)}`,
      });
      assert.equal(response.status, 413);
      assert.match(await response.text(), /larger than 8 MB/);
    });

    test("a body over Next's default 1 MB but under the limit: the field's own error, not a 500", async () => {
      const editor = await signedInUser(db, server.url, "EDITOR");
      const snapshot = await fingerprint(db);
      const reply = await postAction(server.url, {
        id: createClaim.id,
        path: pagePath(createClaim.pages[0]!, {}),
        cookie: editor.cookie,
        fields: { text: "y".repeat(1_500_000), claimant: "Someone", kind: "EVENT" },
      });
      assert.ok(reply.status < 500, `HTTP ${reply.status}: ${reply.text.slice(0, 200)}`);
      assert.equal(reply.result?.ok, false);
      assert.equal(reply.result?.code, "VALIDATION");
      assert.ok((reply.result?.fieldErrors as Record<string, string[]> | undefined)?.text?.length, "the text field's error");
      assert.deepEqual(await fingerprint(db), snapshot);
    });
  });
}
