import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { servers } from "./support/client";
import { signedInUser } from "./support/fixtures";

/*
 * Class: costly work on every request. The audit page walks the whole hash chain only when an
 * admin asks for it (the "Verify chain" button, ?verify=1), never on a plain view.
 */

const db = await testDb();

for (const server of servers()) {
  describe(`audit page (${server.name})`, () => {
    test("a plain view does not verify the chain; asking does, and reports it intact", async () => {
      const admin = await signedInUser(db, server.url, "ADMIN");
      const plain = await fetch(`${server.url}/desk/admin/audit`, { headers: { cookie: admin.cookie } });
      const plainHtml = await plain.text();
      assert.equal(plain.status, 200);
      assert.ok(!plainHtml.includes("rows checked"), "no verification on a plain view");
      assert.match(plainHtml, /Verify chain<\/button>/);
      const asked = await fetch(`${server.url}/desk/admin/audit?verify=1`, { headers: { cookie: admin.cookie } });
      assert.match(await asked.text(), /Verify chain: intact, \d+ rows checked/);
    });
  });
}
