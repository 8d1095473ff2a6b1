import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { parseClaimReviews, type ExternalClaimReview, type ParsedItem } from "../../lib/claim-review/parse-import";
import { importClaimReviews } from "../../lib/services/claim-review-import";
import { normalizeUrl } from "../../lib/urls";
import { testDb } from "../support/db";
import { createUser } from "../support/factories";

/*
 * Real ClaimReview markup (test/fixtures/claimreview/, each file names its source). For each
 * review found the test says what is kept and, field by field, what is dropped and why; a refused
 * review says why it was refused.
 */

const DIR = path.join(import.meta.dirname, "../fixtures/claimreview");
const NO_PLACE = "claimdesk's model has no place for it";

/** The pasted text: an HTML fixture as it is, a JSON fixture's "markup" as JSON. */
function fixtureText(file: string): string {
  const raw = fs.readFileSync(path.join(DIR, file), "utf8");
  return file.endsWith(".json") ? JSON.stringify((JSON.parse(raw) as { markup: unknown }).markup) : raw;
}

/** What is dropped: each path, with NO_PLACE as its reason unless another reason is given for it. */
type Kept = Partial<ExternalClaimReview> & { droppedPaths: string[]; droppedReasons?: Record<string, string> };
const APPEARANCE_ONLY = "only the appearance's address is kept";
type Expected = Array<Kept | { refused: string[] }>;

const afpFalso: Kept = {
  organisation: "Factual",
  organisationUrl: "https://factual.afp.com/",
  organisationSameAs: ["https://twitter.com/AFPFactual"],
  headline: "Los motociclistas pedían que cese la violencia contra granjeros en Sudáfrica, no por Donald Trump",
  alternateName: "Falso",
  ratingValue: 5,
  bestRating: 1,
  worstRating: 5,
  normalisedRating: "false",
  datePublished: "2020-10-07 20:05",
  claimant: "Fuentes Varias",
  claimantType: "Person",
  claimDate: "2020-10-04",
  appearances: ["https://www.facebook.com/zoilocnieto/posts/3638208249543989"],
  itemReviewedUrl: "https://www.facebook.com/zoilocnieto/posts/3638208249543989",
  droppedPaths: ["author.logo", "itemReviewed.keywords"],
};
const afpMixto: Kept = {
  organisation: "Factual",
  alternateName: "Mixto",
  normalisedRating: "mixed",
  claimant: "Fuentes múltiples",
  claimantSameAs: ["https://www.facebook.com/viviann.williams.1/posts/2168907433130951"],
  claimDate: null,
  appearances: [],
  droppedPaths: ["author.logo"],
};
const lemondeZero: Kept = {
  organisation: "Le Monde",
  alternateName: "C’est plus compliqué",
  ratingValue: 1,
  bestRating: 2,
  worstRating: 0,
  normalisedRating: "mixed",
  datePublished: "2020-03-10T12:31:20+01:00",
  claimDate: "2020-02-03T00:00:00+00:00",
  claimedAt: new Date("2020-02-03T00:00:00Z"),
  appearances: ["https://drschmitz.lettre-medecin-sante.com/coronavirus-lepidemie-est-ailleurs/"],
  droppedPaths: [],
};
const politifactPerry = (organisation: string, twitter: string): Kept => ({
  organisation,
  organisationUrl: "http://www.politifact.com/",
  organisationSameAs: [twitter],
  alternateName: "True",
  ratingValue: 1,
  bestRating: 6,
  worstRating: null,
  normalisedRating: "true",
  claimant: "Rich Perry",
  claimantType: "Person",
  claimantSameAs: ["https://en.wikipedia.org/wiki/Rick_Perry", "https://rickperry.org/"],
  claimDate: "2014-07-17",
  droppedPaths: ["author.image", "reviewRating.image", "itemReviewed.author.jobTitle", "itemReviewed.author.image"],
});

// Snopes' 2018 cards: the placeholder numbers -1/-1/-1 place nothing, so the words decide; the image is dropped.
const snopes2018 = (claimReviewed: string, headline: string, alternateName: string, normalisedRating: string, datePublished: string): Kept => ({
  claimReviewed,
  headline,
  organisation: "Snopes",
  organisationUrl: null,
  authors: [],
  alternateName,
  ratingValue: -1,
  bestRating: -1,
  worstRating: -1,
  normalisedRating: normalisedRating as ExternalClaimReview["normalisedRating"],
  ratingBasis: "words",
  datePublished,
  claimant: "Internet",
  claimantType: "Organization",
  claimDate: datePublished,
  appearances: [],
  inLanguage: null,
  droppedPaths: ["image"],
});

// Google's "world is flat" example: the claim's appearance is a whole article, of which only the address is kept.
const googleFlatWorld: Kept = {
  claimReviewed: "The world is flat",
  organisation: "Example.com science watch",
  organisationUrl: null,
  ratingValue: 1,
  bestRating: 5,
  worstRating: 1,
  alternateName: "False",
  normalisedRating: "false",
  ratingBasis: "words",
  claimant: "Square World Society",
  claimantType: "Organization",
  claimantSameAs: ["https://example.flatworlders.com/we-know-that-the-world-is-flat"],
  firstAppearanceUrl: null,
  droppedPaths: [],
};
const appearanceOnly = (...keys: string[]) => Object.fromEntries(keys.map((key) => [`itemReviewed.appearance.${key}`, APPEARANCE_ONLY]));

const FIXTURES: Record<string, Expected> = {
  "afp-factual-es-inverted-scale.json": [afpFalso],
  "afp-factual-es-mixto.json": [afpMixto],
  "datacommons-feed-afp-lemonde.json": [afpFalso, afpMixto, lemondeZero],
  "datacommons-feed-item-factly-te.json": [
    {
      claimReviewed: "జమ్మూ కాశ్మీర్లో తిరిగి ఆర్టికల్ 370ని పునరుద్ధరిస్తాం – జమ్మూ సభలో రాహుల్ గాంధీ",
      url: "https://factly.in/telugu-rahul-gandhi-did-not-promise-to-revoke-article-370/",
      organisation: "FACTLY",
      organisationUrl: "https://factly.in/",
      alternateName: "MISLEADING",
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      normalisedRating: "misleading",
      ratingBasis: "words",
      datePublished: "2023-01-25",
      claimant: "SOCIAL MEDIA POST",
      claimantType: "Person",
      claimDate: "2023-01-25",
      appearances: ["https://www.facebook.com/photo?fbid=2720358358094191&set=a.279021575561227"],
      firstAppearanceUrl: null,
      inLanguage: null,
      // Google's feed names itself (sdPublisher); the rating's image and its long explanation have no field on a claim.
      droppedPaths: ["sdPublisher", "reviewRating.image", "reviewRating.ratingExplanation"],
    },
  ],
  "folkets-da-mediemollen.html": [
    {
      claimReviewed: "Vi er på vej mod et klima, hvor havet igen kan stige med 13 meter",
      url: "https://www.folkets.dk/node/3762",
      organisation: "Mediemøllen",
      organisationUrl: "https://www.folkets.dk/brands/mediemøllen",
      alternateName: "Vildledende",
      ratingValue: null,
      bestRating: null,
      worstRating: null,
      normalisedRating: "misleading",
      ratingBasis: "words",
      datePublished: "2019-10-11",
      claimant: "Danmarks Radio",
      claimantType: "Organization",
      claimDate: "2019-10-09",
      claimedAt: new Date("2019-10-09T00:00:00Z"),
      firstAppearanceUrl: "https://www.dr.dk/nyheder/viden/klima/det-er-sket-foer-vi-er-paa-vej-mod-et-klima-hvor-havet-igen-kan-stige-med-13",
      appearances: ["https://www.dr.dk/nyheder/viden/klima/det-er-sket-foer-vi-er-paa-vej-mod-et-klima-hvor-havet-igen-kan-stige-med-13"],
      droppedPaths: [],
    },
  ],
  "google-2016-claim-example.html": [
    {
      ...googleFlatWorld,
      url: "http://example.com/news/science/worldisflat.html",
      datePublished: "2016-06-22",
      claimDate: "2016-06-20",
      appearances: ["http://skeptical.example.net/news/a122121"],
      droppedPaths: ["itemReviewed.appearance.name", "itemReviewed.appearance.datePublished", "itemReviewed.appearance.author"],
      droppedReasons: appearanceOnly("name", "datePublished", "author"),
    },
  ],
  "google-claim-appearance-example.html": [
    {
      ...googleFlatWorld,
      url: "https://example.com/news/science/worldisflat.html",
      datePublished: null,
      claimDate: "2024-06-20",
      appearances: ["https://example.com/news/a122121"],
      droppedPaths: ["headline", "datePublished", "author", "image", "publisher"].map((key) => `itemReviewed.appearance.${key}`),
      droppedReasons: appearanceOnly("headline", "datePublished", "author", "image", "publisher"),
    },
  ],
  "google-creativework-example.html": [
    {
      organisation: "Example.com science watch",
      organisationUrl: null,
      normalisedRating: "false",
      claimant: "Square World Society",
      claimantType: "Organization",
      claimantSameAs: ["https://example.flatworlders.com/we-know-that-the-world-is-flat"],
      claimDate: "2024-06-20",
      droppedPaths: [],
    },
  ],
  "defacto-fr-redacted-author.json": [
    {
      claimReviewed: "Le contrôle du FIJAIS n'est plus exigé pour l'agrément d'assistant maternel",
      organisation: "XXXXXXXXXXX",
      organisationUrl: null,
      alternateName: "Faux",
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      normalisedRating: "false",
      ratingBasis: "words",
      datePublished: "2022-12-09T09:29:19.82+01:00",
      claimant: "Sources multiples",
      claimantType: "Person",
      claimDate: "2022-12-03T00:00:00.00+01:00",
      claimedAt: new Date("2022-12-03T00:00:00Z"),
      appearances: ["https://twitter.com/RomanAude/status/1599114199145193472"],
      // "type" (for "@type") is not a schema.org property: the author is read as an Organization all the same.
      droppedPaths: ["author.type"],
    },
  ],
  "lemonde-fr-seven-appearances.json": [{ refused: ["claimReviewed"] }],
  "lemonde-fr-zero-based.json": [lemondeZero],
  "politifact-2017-custom-rating.json": [
    {
      organisation: "politifact.com",
      organisationUrl: "https://www.politifact.com",
      claimReviewed: "Did Donald Trump inherit an economic mess?",
      alternateName: "Not really, charts say",
      normalisedRating: "unrated",
      ratingBasis: "none",
      datePublished: "2017-03-01 20:30:17 UTC",
      claimant: "Donald Trump",
      itemReviewedName: "an address to Congress",
      droppedPaths: ["reviewRating.image", "itemReviewed.author.jobTitle", "itemReviewed.author.image"],
    },
  ],
  "snopes-2018-homepage-microdata.html": [snopes2018("Christina Hagan's campaign ad contains footage depicting the U.S.-Mexico border.", "Does Christina Hagan’s Campaign Ad Show the Mexico-United States Border?", "False", "false", "2018-03-16T12:53:32+00:00"), snopes2018("A photograph shows world leaders Angela Merkel, Theresa May, and Dalia Grybauskaitė together at a party as teenagers.", "Were These Three World Leaders Friends in High School?", "Miscaptioned", "misleading", "2018-03-16T11:29:31+00:00")],
  "schemaorg-person-author-clip.json": [
    {
      organisation: "danbri.org",
      authors: [{ name: null, url: "http://danbri.org/" }],
      reviewBody: "This claim is true. The UK also played a role.",
      alternateName: "",
      normalisedRating: "unrated",
      claimant: "Barack Obama",
      claimantSameAs: ["https://twitter.com/barackobama", "https://www.wikidata.org/wiki/Q76"],
      droppedPaths: ["author.sameAs", "itemReviewed.startOffset", "itemReviewed.endOffset", "itemReviewed.isPartOf", "itemReviewed.author.jobTitle", "itemReviewed.author.image"],
    },
  ],
  "schemaorg-politifact-jsonld.html": [{ ...politifactPerry("politifact.com", "https://twitter.com/politifact"), itemReviewedName: "The St. Petersburg Times interview [...]" }],
  "schemaorg-politifact-microdata.html": [{ ...politifactPerry("Politifact", "http://twitter.com/politifact"), itemReviewedName: "The St. Petersburg Times interview" }],
};

describe("real ClaimReview markup (test/fixtures/claimreview)", async () => {
  test("every fixture file is listed here and in the folder's README, and names its source", () => {
    const readme = fs.readFileSync(path.join(DIR, "README.md"), "utf8");
    const files = fs.readdirSync(DIR).filter((file) => file !== "README.md").sort();
    for (const file of files) assert.ok(readme.includes(`\`${file}\``), `${file} is listed in README.md`);
    assert.deepEqual(files, Object.keys(FIXTURES).sort());
    for (const file of files) assert.match(fs.readFileSync(path.join(DIR, file), "utf8"), /source/, file);
  });

  for (const [file, expected] of Object.entries(FIXTURES)) {
    test(`${file}: what is kept, what is dropped and why`, () => {
      const result = parseClaimReviews(fixtureText(file));
      const items: ParsedItem[] = "problem" in result ? [] : result.items;
      assert.equal(items.length, expected.length, "problem" in result ? result.problem : file);
      for (const [i, want] of expected.entries()) {
        const item = items[i];
        assert.ok(item);
        if ("refused" in want) {
          assert.ok(!item.ok);
          assert.deepEqual(item.errors.map((e) => e.path), want.refused);
          assert.ok(item.name, "a refused review is still named in its result row");
          continue;
        }
        assert.ok(item.ok, JSON.stringify(item));
        const { droppedPaths, droppedReasons = {}, ...fields } = want;
        for (const [key, value] of Object.entries(fields)) assert.deepEqual(item.review[key as keyof ExternalClaimReview], value, `${file} ${key}`);
        assert.deepEqual(item.review.dropped.map((d) => d.path), droppedPaths);
        for (const d of item.review.dropped) assert.equal(d.reason, droppedReasons[d.path] ?? NO_PLACE, `${file} ${d.path}`);
      }
    });
  }

  // Google's three "world is flat" documents are one review (the same address, http or https): one claim.
  test("importing every fixture twice gives one claim per review (idempotent), each with its normalised rating", async () => {
    const db = await testDb();
    const user = await createUser(db, "FACT_CHECKER");
    for (const file of Object.keys(FIXTURES)) {
      for (const round of [1, 2]) {
        const result = await importClaimReviews(user.session, { text: fixtureText(file) });
        assert.ok(result.ok, `${file}: ${JSON.stringify(result)}`);
        for (const item of result.data.items) {
          if (item.status === "invalid") continue;
          if (round === 2) assert.equal(item.status, "duplicate", `${file} ${item.position}`);
          const rows = await db.$queryRaw<Array<{ rating: string }>>`
            SELECT "external_review"->>'normalisedRating' AS "rating" FROM "claims"
            WHERE COALESCE("external_review"->>'reviewKey', "external_review"->>'reviewUrl') = ${normalizeUrl(item.reviewUrl)}`;
          assert.equal(rows.length, 1, `${file}: one claim for ${item.reviewUrl}`);
          assert.equal(rows[0]?.rating, item.normalisedRating);
        }
      }
    }
  });
});
