import { test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { iteratePublishedClaims } from "../../lib/public/ledger";
import { testDb } from "../support/db";
import { createUser } from "../support/factories";
import { createPublishedClaim } from "./ledger-fixtures";

/*
 * Class: a query per row on a public endpoint. The export reads published claims in batches: the
 * statements it sends depend on the number of batches, not of claims. Counted by wrapping
 * pg.Client.prototype.query in this test process (as desk-claim-queries.test.ts does).
 */

let statements = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

async function exportStatements(batchSize: number): Promise<{ claims: number; statements: number }> {
  statements = 0;
  let claims = 0;
  for await (const claim of iteratePublishedClaims(batchSize)) if (claim) claims += 1;
  return { claims, statements };
}

test("the export's statements grow with its batches, not with its claims", async () => {
  const db = await testDb();
  const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
  for (let i = 0; i < 12; i++) await createPublishedClaim(db, people, { rating: "MIXED" });
  const whole = await exportStatements(100_000); // one batch, however many claims the database holds
  assert.ok(whole.claims >= 12);
  // One batch: the ids, then the claims with their relations (a constant number of statements).
  assert.ok(whole.statements <= 30, `${whole.statements} statements for ${whole.claims} claims in one batch`);
  const perBatch = whole.statements;
  const small = await exportStatements(4);
  const batches = Math.ceil(small.claims / 4) + 1;
  assert.ok(small.statements <= batches * perBatch, `${small.statements} statements for ${batches} batches`);
});
