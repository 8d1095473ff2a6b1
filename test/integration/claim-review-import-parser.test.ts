import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { MAX_IMPORT_ITEMS } from "../../lib/validations/claim-review-import";
import { ldJsonBlocks, lowerCaseAttributeNames, parseClaimReviews, type ParsedItem } from "../../lib/claim-review/parse-import";

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
      reviewKey: "https://factcheck.example/reviews/1",
      claimReviewed: "12 police officers were killed",
      headline: null,
      reviewBody: null,
      inLanguage: null,
      sameAs: [],
      organisation: "Example Check",
      organisationUrl: "https://factcheck.example",
      organisationSameAs: [],
      authors: [],
      datePublished: "2022-01-10",
      dateModified: null,
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: "False",
      ratingName: null,
      normalisedRating: "false",
      ratingBasis: "words",
      claimant: "A. Spokesperson",
      claimantType: "Person",
      claimantSameAs: [],
      claimDate: "2022-01-06",
      claimedAt: new Date("2022-01-06T00:00:00Z"),
      appearances: ["https://news.example/a"],
      firstAppearanceUrl: null,
      itemReviewedUrl: null,
      itemReviewedName: null,
      dropped: [],
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
    assert.deepEqual(item.review.authors, [{ name: "A writer", url: null }]);
    assert.equal(item.review.ratingValue, 2);
    assert.equal(item.review.normalisedRating, "mostly_false");
    assert.equal(item.review.claimant, null);
    assert.equal(item.review.firstAppearanceUrl, "https://news.example/first");
    assert.deepEqual(item.review.appearances, ["https://news.example/first"]);
  });

  test("Google's looser shapes: a url-only or Person author, a rating by name only or by number only, DataFeeds, @id references, offsets as written", () => {
    const feed = {
      "@context": "https://schema.org",
      "@type": "DataFeed",
      dataFeedElement: [
        { "@type": "DataFeedItem", item: [review({ url: "https://factcheck.example/f1", author: { "@type": "Organization", url: "https://www.factcheck.example/" }, reviewRating: { "@type": "Rating", name: "Four Pinocchios" } })] },
        { "@type": "DataFeedItem", item: review({ url: "https://factcheck.example/f2", author: { "@type": "Person", name: "J. Reporter", url: "https://factcheck.example/j" }, reviewRating: { ratingValue: 0, bestRating: 0, worstRating: 4 } }) },
      ],
    };
    const { items } = parsed(JSON.stringify(feed));
    const [first, second] = items.map((i) => (i.ok ? i.review : null));
    assert.equal(first?.organisation, "factcheck.example");
    assert.equal(first?.normalisedRating, "false");
    assert.equal(first?.alternateName, "Four Pinocchios");
    assert.deepEqual(second?.authors, [{ name: "J. Reporter", url: "https://factcheck.example/j" }]);
    assert.equal(second?.organisation, "factcheck.example");
    assert.equal(second?.normalisedRating, "true", "0 is best on a 4..0 scale");
    assert.equal(second?.alternateName, "");

    const graph = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "Organization", "@id": "https://check.example/#org", name: "Check Example", url: "https://check.example/" },
        review({ author: { "@id": "https://check.example/#org" }, reviewRating: "Mostly false", itemReviewed: { "@type": "Claim", datePublished: "2022-11-30T00:00+01:00" } }),
      ],
    };
    const viaGraph = parsed(JSON.stringify(graph)).items[0];
    assert.ok(viaGraph?.ok);
    assert.equal(viaGraph.review.organisation, "Check Example");
    assert.equal(viaGraph.review.normalisedRating, "mostly_false");
    assert.equal(viaGraph.review.claimDate, "2022-11-30T00:00+01:00", "the offset is kept as written");
    assert.deepEqual(viaGraph.review.claimedAt, new Date("2022-11-30T00:00:00Z"), "the day as written, not the day before in UTC");
  });

  test("RDFa in an HTML page", () => {
    const html = `<html><body><div vocab="https://schema.org/" typeof="ClaimReview">
      <a property="url" href="https://check.example/rdfa-review">Review</a>
      <span property="claimReviewed">The bridge was closed for two years</span>
      <div property="author" typeof="Organization"><span property="name">Check Example</span></div>
      <div property="reviewRating" typeof="Rating"><span property="alternateName">Falso</span></div>
      </div></body></html>`;
    const item = parsed(html).items[0];
    assert.ok(item?.ok, JSON.stringify(item));
    assert.equal(item.position, "RDFa");
    assert.equal(item.review.organisation, "Check Example");
    assert.equal(item.review.normalisedRating, "false");
  });

  test("microdata and RDFa as pages write them: attribute names in any case, character references decoded (Snopes, 2018)", () => {
    const html = `<html><body><article itemScope itemType="http://schema.org/ClaimReview">
      <meta itemprop="url" content="https://check.example/md-review" />
      <meta itemprop="claimReviewed" content="Hagan&#039;s ad shows the border &amp; a wall">
      <h2 ITEMPROP="headline">Does Hagan&#8217;s Ad Show It?</h2>
      <span itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating"><span itemProp="alternateName">False</span></span>
      </article>
      <div vocab="https://schema.org/" typeOf="ClaimReview"><a Property="url" href="https://check.example/rdfa-2">R</a>
      <span property="claimReviewed">Caf&eacute; prices doubled</span></div></body></html>`;
    const [md, rdfa] = parsed(html).items;
    assert.ok(md?.ok && rdfa?.ok, JSON.stringify([md, rdfa]));
    assert.equal(md.review.claimReviewed, "Hagan's ad shows the border & a wall");
    assert.equal(md.review.headline, "Does Hagan’s Ad Show It?");
    assert.equal(md.review.alternateName, "False");
    assert.equal(md.review.normalisedRating, "false");
    assert.equal(rdfa.review.claimReviewed, "Café prices doubled");
    assert.equal(
      lowerCaseAttributeNames(`<a Href="X" data-Title='Keep "This" Value' itemProp=url>Text Stays</a><p>itemProp="text" stays</p>`),
      `<a href="X" data-title='Keep "This" Value' itemprop=url>Text Stays</a><p>itemProp="text" stays</p>`,
      "only names inside tags change; values and text are left as written",
    );
  });

  test("a <script> written inside an HTML comment does not hide the JSON-LD block after it", () => {
    const block = `<script type="application/ld+json">${JSON.stringify(review())}</script>`;
    for (const comment of ["<!-- the <script> block below is ours -->", "<!-- <script src=x.js></script> -->", "<!-->", "<!--->"]) {
      const { items } = parsed(`<html><head>${comment}<script>var a = "<!--";</script>${block}</head></html>`);
      assert.equal(items.length, 1, comment);
      assert.ok(items[0]?.ok, comment);
    }
    assert.equal(ldJsonBlocks(`<html><!-- never closed <script type="application/ld+json">{}</script>`).length, 0, "an unclosed comment runs to the end, as in a browser");
  });

  test("JSON-LD as pages write it loosely: a CDATA wrapper, trailing commas, a line break typed inside a string", () => {
    const strict = JSON.stringify(review());
    const loose = [
      `//<![CDATA[\n${strict}\n//]]>`,
      strict.replace(/}$/, ",}"),
      strict.replace("12 police officers", "12 police\nofficers"),
      strict.replace('"https://news.example/a"}]', '"https://news.example/a"},]'),
      `/* exported by a CMS */ ${strict.replaceAll('"', "'")}`,
    ];
    for (const block of loose) {
      const { items } = parsed(`<html><script type="application/ld+json">${block}</script></html>`);
      assert.equal(items.length, 1, block);
      assert.ok(items[0]?.ok, `${block}: ${JSON.stringify(errorsOf(items[0]))}`);
      assert.equal(items[0].review.claimReviewed.replace(/\s+/g, " "), "12 police officers were killed");
    }
    for (const text of [`${strict}\n//]]>`.replace(/^{/, "//<![CDATA[\n{"), strict.replace("12 police officers", "12 police\nofficers")]) {
      assert.ok(parsed(text).items[0]?.ok, "pasted as JSON too");
    }
    const cut = parseClaimReviews(`<script type="application/ld+json">${strict.slice(0, -40)}</script>`);
    assert.ok(!("problem" in cut) && !cut.items[0]?.ok, "a block cut short is refused, never completed");
    assert.match(errorsOf(!("problem" in cut) ? cut.items[0] : undefined)[0]?.message ?? "", /^Not valid JSON/);
  });

  test("reports each refused item with its name, the field and the reason, keeping valid siblings", () => {
    const { items } = parsed(
      JSON.stringify([
        review({ url: "javascript:alert(1)" }),
        review({ claimReviewed: undefined, url: "https://factcheck.example/3", headline: "Three ministers" }),
        review({ url: "https://factcheck.example/4" }),
        review({ url: "https://factcheck.example/5", reviewRating: { ratingValue: 9, bestRating: 5, worstRating: 1 } }),
        review({ url: "https://factcheck.example/7", itemReviewed: { appearance: [{ url: "data:text/html,hi" }, "https://news.example/ok"] } }),
      ]),
    );
    assert.deepEqual(errorsOf(items[0]), [{ path: "url", message: "The review's url must be an http:// or https:// address." }]);
    assert.equal(items[0]?.name, "12 police officers were killed");
    assert.deepEqual(errorsOf(items[1]).map((e) => e.path), ["claimReviewed"]);
    assert.equal(items[1]?.name, "Three ministers");
    assert.ok(items[2]?.ok);
    assert.ok(items[3]?.ok && items[3].review.normalisedRating === "unrated", "a number outside its scale is kept, never mapped");
    assert.ok(items[4]?.ok);
    assert.deepEqual(items[4].review.appearances, ["https://news.example/ok"], "a non-web appearance is left out");
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
