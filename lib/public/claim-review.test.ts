import { test } from "node:test";
import assert from "node:assert/strict";
import { buildClaimReview, serializeJsonLd } from "./claim-review";
import { claimSummary } from "../claim-review/summary";
import type { PublicClaim } from "./types";

const claim: PublicClaim = {
  slug: "lpg-price-cap",
  text: "The LPG price cap will hold for 180 days </script><script>alert(1)</script>",
  claimant: "Ministry of Energy",
  claimedAt: "2022-01-05T08:00:00.000Z",
  kind: "EVENT",
  story: { slug: "kazakhstan", title: "Kazakhstan" },
  appearance: { sentence: "The cap holds for 180 days.", document: { title: "Government statement", outlet: "gov.kz", url: "https://gov.kz/statement", publishedAt: "2022-01-05T07:00:00.000Z" } },
  verdict: { rating: "FALSE", ratingLabel: "False", ratingValue: 1, reasoning: "r", evidenceGap: null, asOf: null },
  status: "published",
  version: 2,
  firstPublishedAt: "2022-01-06T00:00:00.000Z",
  updatedAt: "2022-01-10T00:00:00.000Z",
  retraction: null,
  versions: [],
  sources: [],
  independentOrigins: 0,
  conflicts: [],
};

function review(of: PublicClaim, base: string) {
  const built = buildClaimReview(of, base);
  assert.ok(built, "a published claim has a ClaimReview");
  return built;
}

test("ClaimReview has every field Google's fact-check markup requires", () => {
  const review = buildClaimReview(claim, "https://ledger.example/")!;
  assert.equal(review["@context"], "https://schema.org");
  assert.equal(review["@type"], "ClaimReview");
  assert.equal(review.url, "https://ledger.example/claims/lpg-price-cap");
  assert.equal(review.claimReviewed, claimSummary(claim.text), "a summary of at most 75 characters");
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
  const built = review(
    {
      ...claim,
      claimant: "Kassym-Jomart Tokayev",
      claimedAt: null,
      version: 1,
      updatedAt: claim.firstPublishedAt,
      appearance: { sentence: null, document: null },
      sources: [
        { stance: "CONTRADICTS", excerpt: "e", location: null, attribution: null, source: { url: "https://a.example/x", outlet: "A", type: "WIRE", title: null, publishedAt: "2022-01-01T00:00:00Z", archiveUrl: null, reliabilityNote: null }, cites: null, origin: { url: "https://a.example/x", outlet: "A" }, figure: null },
        { stance: "SUPPORTS", excerpt: "e", location: null, attribution: null, source: { url: "https://b.example/y", outlet: "B", type: "NEWS_OUTLET", title: "B reports", publishedAt: "2022-01-02T00:00:00Z", archiveUrl: null, reliabilityNote: null }, cites: null, origin: { url: "https://b.example/y", outlet: "B" }, figure: null },
      ],
    },
    "https://ledger.example",
  );
  assert.equal(built.itemReviewed.author["@type"], "Person");
  assert.equal(built.itemReviewed.datePublished, undefined);
  assert.equal(built.dateModified, undefined);
  assert.equal(built.datePublished, claim.firstPublishedAt);
  assert.deepEqual(built.itemReviewed.firstAppearance && [built.itemReviewed.firstAppearance.url, built.itemReviewed.firstAppearance.headline], ["https://b.example/y", "B reports"]);
});

test("ratingValue only on the true/false axis, one value per label; misleading and unproven carry their label only", () => {
  const values = (["TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE", "MISLEADING", "UNPROVEN"] as const).map((rating) => {
    const built = review({ ...claim, verdict: { ...claim.verdict, rating, ratingLabel: rating } }, "https://ledger.example");
    return built.reviewRating.ratingValue ?? null;
  });
  assert.deepEqual(values, [5, 4, 3, 2, 1, null, null]);
  const misleading = review({ ...claim, verdict: { ...claim.verdict, rating: "MISLEADING", ratingLabel: "Misleading" } }, "https://ledger.example");
  assert.deepEqual(misleading.reviewRating, { "@type": "Rating", alternateName: "Misleading" });
});

test("a retracted claim has no ClaimReview: its review is withdrawn", () => {
  assert.equal(buildClaimReview({ ...claim, status: "retracted", retraction: { note: "Misattributed.", retractedAt: "2022-01-12T00:00:00.000Z" } }, "https://ledger.example"), null);
});

test("serialised JSON-LD cannot close its script tag and parses back", () => {
  const json = serializeJsonLd(review(claim, "https://ledger.example"));
  assert.equal(json.includes("<"), false);
  assert.ok(json.includes("\\u003c/script>"));
  assert.equal((JSON.parse(json) as { claimReviewed: string }).claimReviewed, claimSummary(claim.text));
});

test("the claimant's type and sameAs come from the snapshot; the word guess is only for snapshots without a type", () => {
  const typed = review({ ...claim, claimant: "Kazakhstan Today", claimantType: "ORGANISATION", claimantSameAs: "https://www.wikidata.org/wiki/Q00000001" }, "https://ledger.example");
  assert.deepEqual(typed.itemReviewed.author, { "@type": "Organization", name: "Kazakhstan Today", sameAs: "https://www.wikidata.org/wiki/Q00000001" });
  // A person whose name holds an "organisation word" reads as a person once the desk says so.
  assert.equal(review({ ...claim, claimant: "Ministry of Energy", claimantType: "PERSON" }, "https://ledger.example").itemReviewed.author["@type"], "Person");
  const old = review({ ...claim, claimant: "Almaty police" }, "https://ledger.example");
  assert.deepEqual(old.itemReviewed.author, { "@type": "Organization", name: "Almaty police" }, "an old snapshot: the guess, no sameAs");
});

test("the desk's summary is claimReviewed when the snapshot has one", () => {
  assert.equal(review({ ...claim, summary: "LPG price cap holds for 180 days" }, "https://ledger.example").claimReviewed, "LPG price cap holds for 180 days");
  assert.equal(review(claim, "https://ledger.example").claimReviewed, claimSummary(claim.text));
});
