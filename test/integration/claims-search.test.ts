import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { createClaim as makeClaim, createStory, createUser } from "../support/factories";
import { findSimilarClaims, searchClaims } from "../../lib/data/claims";
import { claimFiltersSchema, type ClaimFilters } from "../../lib/validations/claim";

const db = await testDb();
const viewer = await createUser(db, "FACT_CHECKER");
const filters = (input: Record<string, unknown>): ClaimFilters => claimFiltersSchema.parse(input);
const word = () => Array.from({ length: 9 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const slugs = async (input: Record<string, unknown>) => (await searchClaims(filters(input), viewer)).items.map((c) => c.id).sort();

describe("full-text search", () => {
  const token = word();
  const claims = Promise.all([
    makeClaim(db, { text: `Protesters were burning ${token} buildings in the square` }),
    makeClaim(db, { text: `Troops arrived at the ${token} airport` }),
    makeClaim(db, { text: `Nothing to do with the search ${word()}` }),
  ]);

  test("matches stemmed words (burned finds burning) and ranks results", async () => {
    const [burning] = await claims;
    assert.deepEqual(await slugs({ q: `burned ${token}` }), [burning.id]);
  });

  test("websearch syntax: quoted phrases, OR and exclusion", async () => {
    const [burning, airport] = await claims;
    assert.deepEqual(await slugs({ q: `${token} -airport` }), [burning.id]);
    assert.deepEqual(await slugs({ q: `"${token} airport"` }), [airport.id]);
    assert.deepEqual(await slugs({ q: `${token}` }), [burning.id, airport.id].sort());
  });

  test("searches the claimant too", async () => {
    const claimant = `Spokesman ${word()}`;
    const claim = await db.claim.create({ data: { slug: `c-${word()}`, text: "Order has been restored", claimant, kind: "EVENT" } });
    assert.deepEqual(await slugs({ q: claimant }), [claim.id]);
  });

  test("finds a claim despite a typo through trigram similarity", async () => {
    const text = `The ${word()} ministry confirmed ${word()} casualties overnight`;
    const claim = await makeClaim(db, { text });
    const typo = text.replace("ministry", "minstry").replace("overnight", "overnite");
    const result = await searchClaims(filters({ q: typo }), viewer);
    assert.equal(result.fuzzy, true);
    assert.ok(result.items.some((c) => c.id === claim.id));
  });

  test("a query with only punctuation or stop words finds nothing and does not fail", async () => {
    assert.deepEqual(await slugs({ q: `"" -- ( ) & | ! :*`, story: (await createStory(db)).id }), []);
    assert.deepEqual(await slugs({ q: "the", story: (await createStory(db)).id }), []);
  });
});

describe("filters", () => {
  test("story, status, kind, claimant, has-conflict and assigned-to-me combine", async () => {
    const story = await createStory(db);
    const claimant = `Minister ${word()}`;
    const base = { storyId: story.id };
    const a = await makeClaim(db, { ...base, kind: "NUMERIC" });
    const b = await makeClaim(db, { ...base, kind: "EVENT" });
    const c = await makeClaim(db, { ...base, kind: "QUOTE" });
    const other = await makeClaim(db, { kind: "NUMERIC" });
    await db.claim.update({ where: { id: a.id }, data: { status: "RESEARCHING", hasConflict: true, assigneeId: viewer.id } });
    await db.claim.update({ where: { id: b.id }, data: { claimant, assigneeId: viewer.id } });

    assert.deepEqual(await slugs({ story: story.id }), [a.id, b.id, c.id].sort());
    assert.ok(!(await slugs({ story: story.id })).includes(other.id));
    assert.deepEqual(await slugs({ story: story.id, status: "RESEARCHING" }), [a.id]);
    assert.deepEqual(await slugs({ story: story.id, kind: "QUOTE" }), [c.id]);
    assert.deepEqual(await slugs({ story: story.id, conflict: "on" }), [a.id]);
    assert.deepEqual(await slugs({ story: story.id, mine: "1" }), [a.id, b.id].sort());
    assert.deepEqual(await slugs({ story: story.id, mine: "1", kind: "EVENT" }), [b.id]);
    assert.deepEqual(await slugs({ story: story.id, claimant: claimant.split(" ")[1] }), [b.id]);
    assert.deepEqual(await slugs({ story: story.id, claimant: claimant.toLowerCase() }), [b.id]);
  });

  test("bad filter values are ignored rather than failing the page", () => {
    const parsed = filters({ status: "NOPE", kind: 7, story: "not-a-uuid", page: "-3", conflict: "yes please", q: "   " });
    assert.deepEqual(
      [parsed.q, parsed.story, parsed.status, parsed.kind, parsed.claimant, parsed.conflict, parsed.mine, parsed.page],
      [undefined, undefined, undefined, undefined, undefined, false, false, 1],
    );
  });

  test("pages through results and reports the total", async () => {
    const story = await createStory(db);
    for (let i = 0; i < 27; i += 1) await makeClaim(db, { storyId: story.id });
    const first = await searchClaims(filters({ story: story.id }), viewer);
    const second = await searchClaims(filters({ story: story.id, page: "2" }), viewer);
    assert.equal(first.total, 27);
    assert.equal(first.items.length, 25);
    assert.equal(second.items.length, 2);
  });
});

describe("findSimilarClaims", () => {
  test("finds near-duplicates by trigram similarity and excludes the claim itself", async () => {
    const text = `Around ${word()} people were detained in ${word()} after the unrest`;
    const claim = await makeClaim(db, { text });
    const similar = await findSimilarClaims(text.replace("Around", "About"), { db });
    assert.ok(similar.some((s) => s.id === claim.id && s.score > 0.3));
    assert.ok(!(await findSimilarClaims(text, { db, excludeId: claim.id })).some((s) => s.id === claim.id));
  });
});
