import { test } from "node:test";
import assert from "node:assert/strict";
import { buildClaimReview, serializeJsonLd } from "./claim-review";
import type { PublicClaim } from "./types";

const claim: PublicClaim = {
  slug: "lpg-price-cap",
  text: "The LPG price cap will hold for 180 days </script><script>alert(1)</script>",
  claimant: "Ministry of Energy",
  claimedAt: "2022-01-05T08:00:00.000Z",
  kind: "EVENT",
  story: { slug: "kazakhstan", title: "Kazakhstan" },
  appearance: { sentence: "The cap holds for 180 days.", document: { title: "Government statement", outlet: "gov.kz", url: "https://gov.kz/statement", publishedAt: "2022-01-05T07:00:00.000Z" } },
  verdict: { rating: "FALSE", ratingLabel: "False", ratingValue: 1, reasoning: "r", evidenceGap: null, asOf: null, publishedAt: "2022-01-10T00:00:00.000Z", correctionNote: "n" },
  corrections: [
    {
      previous: { rating: "MOSTLY_TRUE", ratingLabel: "Mostly true", ratingValue: 4, reasoning: "r0", evidenceGap: null, asOf: null, publishedAt: "2022-01-06T00:00:00.000Z" },
      correctedAt: "2022-01-10T00:00:00.000Z",
      newRating: "FALSE",
      newRatingLabel: "False",
      note: "n",
    },
  ],
  sources: [],
  independentOrigins: 0,
  conflicts: [],
};

test("ClaimReview has every field Google's fact-check markup requires", () => {
  const review = buildClaimReview(claim, "https://ledger.example/");
  assert.equal(review["@context"], "https://schema.org");
  assert.equal(review["@type"], "ClaimReview");
  assert.equal(review.url, "https://ledger.example/claims/lpg-price-cap");
  assert.equal(review.claimReviewed, claim.text);
  assert.deepEqual(review.author, { "@type": "Organization", name: "claimdesk", url: "https://ledger.example" });
  assert.equal(review.datePublished, "2022-01-06T00:00:00.000Z", "first publication of the review");
  assert.equal(review.dateModified, "2022-01-10T00:00:00.000Z", "the correction");
  assert.deepEqual(review.reviewRating, { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" });
  assert.equal(review.itemReviewed["@type"], "Claim");
  assert.deepEqual(review.itemReviewed.author, { "@type": "Organization", name: "Ministry of Energy" });
  assert.equal(review.itemReviewed.datePublished, "2022-01-05T08:00:00.000Z");
  assert.equal(review.itemReviewed.firstAppearance?.url, "https://gov.kz/statement");
  assert.equal(review.itemReviewed.firstAppearance?.headline, "Government statement");
  assert.equal(review.itemReviewed.appearance?.length, 1);
});

test("a person claimant, no document: the first supporting source is the first appearance", () => {
  const review = buildClaimReview(
    {
      ...claim,
      claimant: "Kassym-Jomart Tokayev",
      claimedAt: null,
      corrections: [],
      appearance: { sentence: null, document: null },
      sources: [
        { stance: "CONTRADICTS", excerpt: "e", location: null, attribution: null, source: { url: "https://a.example/x", outlet: "A", type: "WIRE", title: null, publishedAt: "2022-01-01T00:00:00Z", archiveUrl: null, reliabilityNote: null }, cites: null, origin: { url: "https://a.example/x", outlet: "A" }, figure: null },
        { stance: "SUPPORTS", excerpt: "e", location: null, attribution: null, source: { url: "https://b.example/y", outlet: "B", type: "NEWS_OUTLET", title: "B reports", publishedAt: "2022-01-02T00:00:00Z", archiveUrl: null, reliabilityNote: null }, cites: null, origin: { url: "https://b.example/y", outlet: "B" }, figure: null },
      ],
    },
    "https://ledger.example",
  );
  assert.equal(review.itemReviewed.author["@type"], "Person");
  assert.equal(review.itemReviewed.datePublished, undefined);
  assert.equal(review.dateModified, undefined);
  assert.equal(review.datePublished, claim.verdict.publishedAt);
  assert.deepEqual(review.itemReviewed.firstAppearance && [review.itemReviewed.firstAppearance.url, review.itemReviewed.firstAppearance.headline], ["https://b.example/y", "B reports"]);
});

test("serialised JSON-LD cannot close its script tag and parses back", () => {
  const json = serializeJsonLd(buildClaimReview(claim, "https://ledger.example"));
  assert.equal(json.includes("<"), false);
  assert.ok(json.includes("\\u003c/script>"));
  assert.equal((JSON.parse(json) as { claimReviewed: string }).claimReviewed, claim.text);
});
