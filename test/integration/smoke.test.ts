import { test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { createClaim, createUser } from "../support/factories";

test("the test database is migrated and writable", async () => {
  const db = await testDb();
  const user = await createUser(db, "FACT_CHECKER");
  const claim = await createClaim(db, { createdById: user.id });
  assert.equal((await db.claim.findUnique({ where: { id: claim.id } }))?.createdById, user.id);
});
