import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { MAX_IMPORT_ITEMS, parseClaimReviews, type ParsedItem } from "../../lib/validations/claim-review-import";

const review = (over: Record<string, unknown> = {}) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: "https://factcheck.example/reviews/1",
  claimReviewed: "12 police officers were killed",
  datePublished: "2022-01-10",
  author: { "@type": "Organization", name: "Example Check", url: "https://factcheck.example" },
  reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
  itemReviewed: {
    "@type": "Claim",
    author: { "@type": "Person", name: "A. Spokesperson" },
    datePublished: "2022-01-06",
    appearance: [{ "@type": "CreativeWork", url: "https://news.example/a" }],
  },
  ...over,
});

function parsed(text: string) {
  const result = parseClaimReviews(text);
  assert.ok(!("problem" in result), "problem" in result ? result.problem : "");
  return result;
}

const errorsOf = (item: ParsedItem | undefined) => (item && !item.ok ? item.errors : []);

describe("parseClaimReviews", () => {
  test("reads one object with every field", () => {
    const { format, items } = parsed(JSON.stringify(review()));
    assert.equal(format, "json");
    const item = items[0];
    assert.ok(item?.ok);
    assert.deepEqual(item.review, {
      url: "https://factcheck.example/reviews/1",
      claimReviewed: "12 police officers were killed",
      organisation: "Example Check",
      organisationUrl: "https://factcheck.example",
      datePublished: "2022-01-10T00:00:00.000Z",
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: "False",
      claimant: "A. Spokesperson",
      claimedAt: new Date("2022-01-06T00:00:00Z"),
      appearanceUrl: "https://news.example/a",
    });
  });

  test("reads arrays, @graph, JSON Lines and HTML pages, skipping other types", () => {
    const two = [review(), review({ url: "https://factcheck.example/reviews/2" })];
    assert.equal(parsed(JSON.stringify(two)).items.length, 2);
    const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "WebPage", name: "x" }, ...two] };
    assert.equal(parsed(JSON.stringify(graph)).items.length, 2);

    const jsonl = parsed(`${JSON.stringify(two[0])}\n\n${JSON.stringify(two[1])}\n`);
    assert.equal(jsonl.format, "jsonl");
    assert.deepEqual(jsonl.items.map((i) => i.position), ["Line 1", "Line 3"]);

    const html = `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle" })}</script>
      <script type='application/ld+json' id="cr">${JSON.stringify(two[0]).replace(/</g, "\\u003c")}</script></head><body>…</body></html>`;
    const page = parsed(html);
    assert.equal(page.format, "html");
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0]?.position, "Script block 2");
  });

  test("accepts schema.org's loose shapes: Text numbers, author lists, url-only appearances", () => {
    const { items } = parsed(
      JSON.stringify(
        review({
          author: [{ "@type": "Person", name: "A writer" }, { "@type": "Organization", name: "Example Check" }],
          reviewRating: { ratingValue: "2", bestRating: "5", worstRating: "1", alternateName: "Mostly false" },
          itemReviewed: { "@type": "Claim", author: { name: "" }, firstAppearance: "https://news.example/first" },
        }),
      ),
    );
    const item = items[0];
    assert.ok(item?.ok);
    assert.equal(item.review.organisation, "Example Check");
    assert.equal(item.review.ratingValue, 2);
    assert.equal(item.review.claimant, null);
    assert.equal(item.review.appearanceUrl, "https://news.example/first");
  });

  test("reports each invalid item with the field and the reason, keeping valid siblings", () => {
    const { items } = parsed(
      JSON.stringify([
        review({ url: "javascript:alert(1)" }),
        review({ claimReviewed: undefined, url: "https://factcheck.example/3" }),
        review({ url: "https://factcheck.example/4" }),
        review({ url: "https://factcheck.example/5", reviewRating: { ratingValue: 9, bestRating: 5, worstRating: 1, alternateName: "False" } }),
        review({ url: "https://factcheck.example/6", author: { "@type": "Person", name: "Someone" } }),
        review({ url: "https://factcheck.example/7", itemReviewed: { appearance: [{ url: "data:text/html,hi" }] } }),
      ]),
    );
    assert.deepEqual(errorsOf(items[0]), [{ path: "url", message: "The review's url must be an http:// or https:// address." }]);
    assert.deepEqual(errorsOf(items[1]).map((e) => e.path), ["claimReviewed"]);
    assert.ok(items[2]?.ok);
    assert.deepEqual(errorsOf(items[3]), [{ path: "reviewRating.ratingValue", message: "The rating value 9 is outside its scale (1 to 5)." }]);
    assert.deepEqual(errorsOf(items[4]).map((e) => e.path), ["author"]);
    assert.deepEqual(errorsOf(items[5]).map((e) => e.path), ["itemReviewed.appearance.0.url"]);
  });

  test("a broken line in JSON Lines is an invalid item, not a failed import", () => {
    const { items } = parsed(`${JSON.stringify(review())}\n{"@type": "ClaimReview", oops\n`);
    assert.equal(items.length, 2);
    assert.ok(items[0]?.ok);
    assert.equal(items[1]?.position, "Line 2");
    assert.match(errorsOf(items[1])[0]?.message ?? "", /^Not valid JSON/);
  });

  test("text it cannot read, or with no ClaimReview, or too many, is refused as a whole", () => {
    for (const text of ["", "hello", "{ broken", "<p>no json-ld</p>", JSON.stringify({ "@type": "NewsArticle" }), "[1,2,3]"]) {
      assert.ok("problem" in parseClaimReviews(text), text);
    }
    const many = Array.from({ length: MAX_IMPORT_ITEMS + 1 }, (_, i) => review({ url: `https://factcheck.example/${i}` }));
    const result = parseClaimReviews(JSON.stringify(many));
    assert.ok("problem" in result && /at most 1000/.test(result.problem));
  });

  test("never throws on any text, and every item is either valid or has reasons", () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ "@type": "ClaimReview", ...(typeof v === "object" && v !== null ? v : { v }) })),
      fc.array(fc.json(), { maxLength: 5 }).map((lines) => lines.join("\n")),
      fc.string({ maxLength: 200 }).map((s) => `<html><script type="application/ld+json">${s}</script></html>`),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseClaimReviews(text);
        if ("problem" in result) return result.problem.length > 0;
        return result.items.every((item) => item.ok || item.errors.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
