import { test } from "node:test";
import assert from "node:assert/strict";
import { getPublishedClaim } from "../../lib/public/ledger";
import { buildClaimReview } from "../../lib/public/claim-review";
import { handleClaimReviewDataFeed, handleClaimReviewExport } from "../../lib/public/feeds";
import { testDb } from "../support/db";
import { createUser } from "../support/factories";
import { validateClaimReview, validateSchemaOrg } from "../support/structured-data";
import { createPublishedClaim, publishVerdict } from "./ledger-fixtures";

const BASE = "https://ledger.example";

test("published claims' ClaimReview JSON-LD passes the schema.org vocabulary and fact-check markup checks", async () => {
  const db = await testDb();
  const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
  const document = await db.document.create({
    data: { title: "Police statement", outlet: "Almaty police", url: `${BASE}/doc`, text: "12 police were killed.", publishedAt: new Date("2022-01-06") },
  });
  const plain = await createPublishedClaim(db, people, { rating: "UNPROVEN" });
  const anchored = await createPublishedClaim(db, people, {
    rating: "MOSTLY_TRUE",
    claimant: "Almaty police",
    claimedAt: new Date("2022-01-06T08:00:00Z"),
    documentId: document.id,
    sentence: "12 police were killed.",
    evidence: [{ stance: "SUPPORTS", figure: { low: 12, high: 12, counted: "police killed" } }],
  });
  // A corrected verdict: the review keeps its first publication date and gains dateModified.
  const first = await db.verdict.findFirstOrThrow({ where: { claimId: anchored.claim.id, state: "PUBLISHED" } });
  await publishVerdict(db, people, anchored.claim.id, { rating: "TRUE", supersedes: { id: first.id, note: "Upgraded after the decree text." } });

  for (const slug of [plain.claim.slug, anchored.claim.slug]) {
    const claim = await getPublishedClaim(slug);
    assert.ok(claim, `${slug} is published`);
    const review = buildClaimReview(claim, BASE);
    assert.deepEqual(validateClaimReview(review), [], `${slug}: ${JSON.stringify(review)}`);
  }
});

test("every ClaimReview line of the JSON Lines export is valid; retracted claims carry no ClaimReview", async () => {
  const db = await testDb();
  const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
  await createPublishedClaim(db, people, { rating: "FALSE" });
  const response = await handleClaimReviewExport(new Request(`${BASE}/export/claimreviews.jsonl`));
  assert.equal(response.status, 200);
  const lines = (await response.text()).split("\n").filter(Boolean);
  assert.ok(lines.length >= 1);
  for (const line of lines) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value.status === "retracted") assert.equal(value["@type"], undefined, line);
    else assert.deepEqual(validateClaimReview(value), [], line);
  }
});

test("the DataFeed export is one schema.org DataFeed whose every item is a valid ClaimReview, standing claims only", async () => {
  const db = await testDb();
  const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
  const { claim } = await createPublishedClaim(db, people, { rating: "MISLEADING" });
  const response = await handleClaimReviewDataFeed(new Request(`${BASE}/export/claimreviews.datafeed.json`));
  assert.equal(response.status, 200);
  const feed = JSON.parse(await response.text()) as { "@context": string; "@type": string; dataFeedElement: Array<{ "@type": string; item: Array<Record<string, unknown>> }> };
  assert.equal(feed["@context"], "https://schema.org");
  assert.equal(feed["@type"], "DataFeed");
  assert.deepEqual(validateSchemaOrg({ ...feed, dataFeedElement: [] }), []);
  const items = feed.dataFeedElement.flatMap((element) => {
    assert.equal(element["@type"], "DataFeedItem");
    return element.item;
  });
  assert.ok(items.some((item) => String(item.url).endsWith(`/claims/${claim.slug}`)));
  for (const item of items) assert.deepEqual(validateClaimReview({ "@context": "https://schema.org", ...item }), [], JSON.stringify(item));
});

test("the validator rejects broken markup (so the checks above can fail)", () => {
  assert.ok(validateSchemaOrg({ "@type": "ClaimReview", claimReviewed: 42 }).some((p) => p.includes("claimReviewed")));
  assert.ok(validateSchemaOrg({ "@type": "FactCheckThing" }).some((p) => p.includes("not a schema.org type")));
  const problems = validateClaimReview({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: "x",
    url: "/relative",
    datePublished: "2022-01-01",
    author: { "@type": "Organization", name: "claimdesk" },
    reviewRating: { "@type": "Rating", ratingValue: 7, bestRating: 5, worstRating: 0 },
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "T" } },
  });
  assert.deepEqual(problems.sort(), [
    "itemReviewed needs an appearance or firstAppearance",
    "reviewRating.alternateName is required",
    "reviewRating.ratingValue must lie between worstRating and bestRating",
    "reviewRating.worstRating must be >= 1",
    "url must be an absolute http(s) URL",
  ]);
});

test("a typed claimant record gives the markup its type and sameAs, and the review still validates", async () => {
  const db = await testDb();
  const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
  // An "organisation word" in a person's title: the record's type wins over the old guess.
  const name = `Police spokeswoman ${crypto.randomUUID().slice(0, 8)}`;
  await db.claimant.create({ data: { name, type: "PERSON", sameAs: "https://example.org/spokeswoman", aliases: [] } });
  const { claim } = await createPublishedClaim(db, people, { rating: "FALSE", claimant: name });
  const published = await getPublishedClaim(claim.slug);
  assert.ok(published);
  const review = buildClaimReview(published, BASE);
  assert.deepEqual(review?.itemReviewed.author, { "@type": "Person", name, sameAs: "https://example.org/spokeswoman" });
  assert.deepEqual(validateClaimReview(review), []);
});
