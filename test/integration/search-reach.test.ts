import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { countedThing, createClaim, createUser } from "../support/factories";
import { searchClaims } from "../../lib/data/claims";
import { listPublishedClaims } from "../../lib/public/ledger";
import { claimFiltersSchema } from "../../lib/validations/claim";
import { createPublishedClaim } from "./ledger-fixtures";

// The desk and the public ledger run one search (lib/search/search.ts); each case is checked on both.
const db = await testDb();
const viewer = await createUser(db, "FACT_CHECKER");
const people = { author: viewer, reviewer: await createUser(db, "EDITOR") };
const word = (letters = "abcdefghijklmnopqrstuvwxyz") => Array.from({ length: 9 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
const desk = async (input: Record<string, unknown>) => {
  const result = await searchClaims(claimFiltersSchema.parse(input), viewer);
  return { slugs: result.items.map((c) => c.slug), fuzzy: result.fuzzy };
};
const ledger = async (input: { q?: string; claimant?: string }) => {
  const result = await listPublishedClaims({ ...input, limit: 50 });
  return { slugs: result.items.map((c) => c.slug), fuzzy: result.fuzzy };
};
const CYRILLIC_OF: Record<string, string> = {
  a: "а", b: "б", d: "д", e: "е", f: "ф", g: "г", h: "һ", i: "и", k: "к", l: "л", m: "м", n: "н", o: "о",
  p: "п", r: "р", s: "с", t: "т", u: "у", v: "в", y: "й", z: "з",
};
// A word with two inner letters swapped, as a hurried typist writes it ("airport" -> "airprot").
const typo = (w: string) => w.slice(0, 3) + w[4] + w[3] + w.slice(5);
// A word whose swapped letters differ, so its typo is another word.
const typoable = () => word().replace(/^(...)../, "$1ou");

describe("names through claimant aliases and Cyrillic spelling", () => {
  // Letters whose Cyrillic counterpart is spelled back with the same Latin letter.
  const stem = word(Object.keys(CYRILLIC_OF).join(""));
  const name = `President Kassym ${stem}yev`;
  const setup = (async () => {
    await db.claimant.create({ data: { name, type: "PERSON", aliases: [`${stem}yev`, `${stem}ev`] } });
    return createPublishedClaim(db, people, { claimant: name, text: `The ${word()} protesters were terrorists` });
  })();

  test("a Latin variant of the name finds the claim, in search and in the claimant filter", async () => {
    const { claim } = await setup;
    for (const run of [desk, ledger]) {
      assert.deepEqual((await run({ q: `${stem}ev` })).slugs, [claim.slug], run.name);
      assert.deepEqual((await run({ claimant: `${stem}ev` })).slugs, [claim.slug], run.name);
    }
  });

  test("the Cyrillic spelling finds it too (transliterated, then matched to an alias)", async () => {
    const { claim } = await setup;
    const cyrillic = [...`${stem}ev`].map((ch) => CYRILLIC_OF[ch] ?? ch).join("");
    for (const run of [desk, ledger]) {
      assert.deepEqual((await run({ q: cyrillic })).slugs, [claim.slug], run.name);
      assert.deepEqual((await run({ claimant: cyrillic })).slugs, [claim.slug], run.name);
    }
  });
});

describe("word forms through the desk's counted-things vocabulary", () => {
  test("a synonym finds the claim; the label's plural form finds it too (English stem)", async () => {
    // Words ending as English words do, so the stemmer treats them as it treats "deaths".
    const [label, synonym] = [`${word()}death`, word()];
    await countedThing(db, { label, synonyms: [synonym] });
    const { claim } = await createPublishedClaim(db, people, { text: `At least twelve ${synonym} were reported` });
    for (const run of [desk, ledger]) {
      assert.deepEqual((await run({ q: label })).slugs, [claim.slug], run.name);
      assert.deepEqual((await run({ q: `${label}s` })).slugs, [claim.slug], run.name);
    }
  });
});

describe("typos", () => {
  test("a misspelt word is corrected towards a word a document holds, and `fuzzy` says so", async () => {
    const token = typoable();
    const { claim } = await createPublishedClaim(db, people, { text: `Troops took the ${token} airport` });
    for (const run of [desk, ledger]) {
      const result = await run({ q: `${typo(token)} airport` });
      assert.deepEqual(result, { slugs: [claim.slug], fuzzy: true }, run.name);
    }
  });

  test("the public search never corrects towards a word only unpublished text holds", async () => {
    const secret = typoable();
    const draft = await createClaim(db, { text: `Draft about the ${secret} depot` });
    assert.deepEqual(await desk({ q: typo(secret) }), { slugs: [draft.slug], fuzzy: true });
    assert.deepEqual(await ledger({ q: typo(secret) }), { slugs: [], fuzzy: false });
    assert.deepEqual(await ledger({ q: secret }), { slugs: [], fuzzy: false });
  });
});
