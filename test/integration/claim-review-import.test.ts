import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { testDb, unique } from "../support/db";
import { createRoleSet, createStory, createUser, type TestUser } from "../support/factories";
import { GET as exportRoute } from "../../app/export/claimreviews.jsonl/route";
import { importClaimReviews } from "../../lib/services/claim-review-import";
import { getExternalChecks } from "../../lib/data/external-reviews";
import { getPublishedClaim, listPublishedClaims } from "../../lib/public/ledger";
import { PUBLISHER_NAME } from "../../lib/public/claim-review";
import { RATINGS } from "../../lib/ratings";
import type { Rating } from "../../lib/generated/prisma/enums";
import { createPublishedClaim } from "./ledger-fixtures";

type Review = { url: string; claimReviewed: string; reviewRating: { ratingValue: number; bestRating: number; worstRating: number; alternateName: string }; itemReviewed: { author: { name: string } } };

const exportLines = async () => (await (await exportRoute(new Request("http://localhost:3000/export/claimreviews.jsonl"))).text()).trimEnd().split("\n");

const review = (over: Record<string, unknown> = {}) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: `https://factcheck.example/${unique("review")}`,
  claimReviewed: `The ministry doubled fuel prices ${unique("c")}`,
  author: { "@type": "Organization", name: "Example Check", url: "https://factcheck.example" },
  datePublished: "2022-01-10",
  reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Misleading" },
  itemReviewed: { "@type": "Claim", author: { "@type": "Organization", name: "Ministry of Energy" } },
  ...over,
});

async function importedBy(db: Awaited<ReturnType<typeof testDb>>, user: TestUser) {
  return db.claim.findMany({ where: { createdById: user.id }, select: { id: true, slug: true, text: true, claimant: true, claimedAt: true, status: true, kind: true, storyId: true, externalReview: true } });
}

describe("importing other fact-checkers' ClaimReviews", async () => {
  const db = await testDb();
  const people = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };

  test("round trip: our export imported back gives the same claims and ratings, once, and stays off the public ledger", async () => {
    const importer = await createUser(db, "FACT_CHECKER");
    const ratings: Rating[] = ["FALSE", "MOSTLY_TRUE", "UNPROVEN"];
    const originals = [];
    for (const [i, rating] of ratings.entries()) {
      const tag = unique("rt");
      const { claim } = await createPublishedClaim(db, people, {
        rating,
        text: `Round trip ${tag}: ${i + 1} ministers resigned in January`,
        claimant: i === 0 ? "Ministry of Energy" : `Spokesperson ${tag}`,
        claimedAt: new Date(Date.UTC(2022, 0, 4 + i)),
      });
      originals.push({ ...claim, rating });
    }
    const slugs = new Set(originals.map((c) => c.slug));
    const lines = (await exportLines()).filter((line) => slugs.has(decodeURIComponent((JSON.parse(line) as Review).url.split("/claims/")[1] ?? "")));
    assert.equal(lines.length, 3, "the export has our three claims");

    const result = await importClaimReviews(importer.session, { text: lines.join("\n") });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual([result.data.format, result.data.imported, result.data.duplicates, result.data.invalid], ["jsonl", 3, 0, 0]);

    const imported = await importedBy(db, importer);
    assert.equal(imported.length, 3);
    for (const original of originals) {
      const copy = imported.find((c) => c.text === original.text);
      assert.ok(copy, `imported: ${original.text}`);
      assert.equal(copy.claimant, original.claimant);
      assert.equal(copy.claimedAt?.toISOString(), original.claimedAt?.toISOString());
      assert.equal(copy.status, "NEW");
      assert.equal(copy.kind, "NUMERIC");
      const external = copy.externalReview as Record<string, unknown>;
      const axis = RATINGS[original.rating].axis;
      assert.equal(external.ratingValue, axis);
      assert.equal(external.alternateName, RATINGS[original.rating].label);
      assert.equal(external.bestRating, axis === null ? null : 5);
      assert.equal(external.worstRating, axis === null ? null : 1);
      assert.equal(external.normalisedRating, original.rating.toLowerCase(), "our own labels map back onto the common scale");
      assert.equal(external.organisation, PUBLISHER_NAME, "our own name, kept as given");
      assert.match(String(external.reviewUrl), new RegExp(`/claims/${original.slug}$`));
      assert.equal(await db.auditLog.count({ where: { entityType: "claim", entityId: copy.id, action: "claim.import_review", actorId: importer.id } }), 1);
    }

    const again = await importClaimReviews(importer.session, { text: lines.join("\n") });
    assert.ok(again.ok);
    assert.deepEqual([again.data.imported, again.data.duplicates], [0, 3]);
    assert.ok(again.data.items.every((i) => i.status === "duplicate" && imported.some((c) => c.slug === i.existingSlug)));
    assert.equal((await importedBy(db, importer)).length, 3, "importing again creates nothing");

    // Imported claims are the desk's to check: never in the public export, ledger or claim pages.
    const exported = (await exportLines()).join("\n");
    for (const copy of imported) {
      assert.ok(!exported.includes(`/claims/${copy.slug}"`), "not in the export");
      assert.equal(await getPublishedClaim(copy.slug), null, "no public page");
    }
    const ledger = await listPublishedClaims({ q: originals[0]!.text, limit: 50 });
    assert.ok(ledger.items.every((item) => !imported.some((c) => c.slug === item.slug)), "not on the ledger");
  });

  test("invalid items are reported with their reasons and not written; their valid siblings are", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const story = await createStory(db);
    const good = review({ claimReviewed: "Protesters seized the airport" });
    const items = [review({ url: "javascript:alert(1)" }), review({ claimReviewed: undefined }), good, { ...good }, review({ itemReviewed: undefined })];
    const result = await importClaimReviews(user.session, { text: JSON.stringify({ "@graph": items }), storyId: story.id });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      result.data.items.map((i) => i.status),
      ["invalid", "invalid", "imported", "duplicate", "imported"],
    );
    const [badUrl, noText] = result.data.items;
    assert.deepEqual(badUrl?.status === "invalid" && badUrl.errors, [{ path: "url", message: "The review's url must be an http:// or https:// address." }]);
    assert.equal(noText?.status === "invalid" && noText.errors[0]?.path, "claimReviewed");

    const claims = await importedBy(db, user);
    assert.equal(claims.length, 2);
    const airport = claims.find((c) => c.text === "Protesters seized the airport");
    assert.equal(airport?.kind, "EVENT");
    assert.equal(airport?.claimant, "Ministry of Energy");
    assert.equal(airport?.storyId, story.id);
    assert.equal(claims.find((c) => c !== airport)?.claimant, "Unknown");
  });

  test("a claim page sees prior checks of the same claim by other organisations", async () => {
    const user = await createUser(db, "EDITOR");
    const words = `${unique("w")} the governor closed every school in the region for two weeks`;
    const result = await importClaimReviews(user.session, { text: JSON.stringify(review({ claimReviewed: words })) });
    assert.ok(result.ok && result.data.imported === 1);
    const ours = await db.claim.create({ data: { slug: unique("ours"), text: `${words}!`, claimant: "Governor", kind: "EVENT" } });

    const checks = await getExternalChecks(ours.id);
    assert.equal(checks?.own, null, "our own claim has no external verdict");
    const prior = checks?.similar.find((s) => s.text === words);
    assert.equal(prior?.review.organisation, "Example Check");
    assert.equal(prior?.review.alternateName, "Misleading");

    const imported = await db.claim.findFirstOrThrow({ where: { createdById: user.id }, select: { id: true } });
    assert.equal((await getExternalChecks(imported.id))?.own?.ratingValue, 2);
  });

  test("text with no ClaimReview is refused as a whole, and an unknown story is refused", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const garbage = await importClaimReviews(user.session, { text: "not json at all" });
    assert.ok(!garbage.ok && garbage.code === "VALIDATION" && garbage.fieldErrors?.text?.length);
    const story = await importClaimReviews(user.session, { text: JSON.stringify(review()), storyId: "00000000-0000-4000-8000-000000000000" });
    assert.ok(!story.ok && story.fieldErrors?.storyId);
    assert.equal((await importedBy(db, user)).length, 0);
  });

  describe("roles: every desk role may import, the anonymous may not", async () => {
    const roles = await createRoleSet(db);
    const callers: Array<[string, TestUser | null]> = [["fact-checker", roles.factChecker], ["editor", roles.editor], ["admin", roles.admin], ["anonymous", null]];
    for (const [who, caller] of callers) {
      test(who, async () => {
        const item = review();
        const result = await importClaimReviews(caller?.session ?? null, { text: JSON.stringify(item) });
        const stored = await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "claims" WHERE "external_review"->>'reviewUrl' = ${item.url}`;
        if (caller) {
          assert.ok(result.ok && result.data.imported === 1, JSON.stringify(result));
          assert.equal(stored.length, 1);
        } else {
          assert.ok(!result.ok && result.code === "UNAUTHENTICATED");
          assert.equal(stored.length, 0);
        }
      });
    }
  });

  test("property: any text never throws, and writes exactly the items it reports imported", async () => {
    const user = await createUser(db, "FACT_CHECKER");
    let written = 0;
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ "@type": "ClaimReview", ...(typeof v === "object" && v !== null ? v : { v }) })),
      fc.array(fc.json(), { maxLength: 4 }).map((lines) => lines.join("\n")),
      fc.string({ maxLength: 100 }).map((s) => `<script type="application/ld+json">${s}</script>`),
      // Nearly valid reviews with hostile strings: NUL, lone surrogates, odd urls must not reach the database.
      fc
        .record({
          url: fc.oneof(fc.webUrl(), fc.string({ unit: "binary", maxLength: 40 }), fc.constant("https://x.example/\u0000"), fc.constant("https://x.example/\ud800")),
          claimReviewed: fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.constant("a\u0000b")),
          name: fc.string({ unit: "binary", maxLength: 30 }),
          alternateName: fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.constant("\udc00")),
          ratingValue: fc.oneof(fc.double(), fc.string({ maxLength: 5 })),
        })
        .map((r) => JSON.stringify(review({ url: `${r.url}`, claimReviewed: r.claimReviewed, author: { name: r.name }, reviewRating: { ratingValue: r.ratingValue, alternateName: r.alternateName } }))),
    );
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const result = await importClaimReviews(user.session, { text });
        written += result.ok ? result.data.imported : 0;
        assert.equal(await db.claim.count({ where: { createdById: user.id } }), written);
        if (!result.ok) assert.equal(result.code, "VALIDATION");
      }),
      { numRuns: 80 },
    );
  });
});
