import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DbHandle } from "../../lib/db/open";
import { seedDemo } from "../../lib/seed/demo";
import { iteratePublishedClaims } from "../../lib/public/ledger";
import { buildClaimReview } from "../../lib/public/claim-review";
import { dataFeedElement } from "../../lib/public/feeds";
import { validateClaimReview } from "../support/structured-data";

// Every published demo claim, as a fresh install publishes it: its ClaimReview and its DataFeed
// element pass Google's fact-check rules and the schema.org vocabulary (test/support/structured-data.ts).
let dir: string;
let handle: DbHandle;
const BASE = "https://ledger.example";

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "claimdesk-demo-markup-"));
  handle = await openDatabase({ kind: "pglite", dir }, { migrate: true });
  await seedDemo(handle.db);
  // The data layer reads through the app's one client (lib/db.ts): here, this embedded database.
  (globalThis as unknown as { claimdeskDb?: Promise<unknown> }).claimdeskDb = Promise.resolve(handle.db);
});

after(async () => {
  await handle?.close();
  await rm(dir, { recursive: true, force: true });
});

test("every published demo claim's ClaimReview and DataFeed element have no warnings", async () => {
  let checked = 0;
  for await (const claim of iteratePublishedClaims()) {
    const review = buildClaimReview(claim, BASE);
    if (!review) continue;
    assert.deepEqual(validateClaimReview(review), [], `${claim.slug}: ${JSON.stringify(review)}`);
    const element = dataFeedElement(claim, BASE);
    assert.deepEqual(validateClaimReview({ "@context": "https://schema.org", ...element?.item[0] }), [], claim.slug);
    checked += 1;
  }
  assert.ok(checked >= 5, `the demo publishes claims (${checked} checked)`);
});
