import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { countedThing, createClaim, createSource, createUser } from "../support/factories";
import { searchClaims } from "../../lib/data/claims";
import { listPublishedClaims } from "../../lib/public/ledger";
import { claimFiltersSchema } from "../../lib/validations/claim";
import { createPublishedClaim } from "./ledger-fixtures";
import { latinSpelling } from "../../lib/search/terms";

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

describe("the desk finds a claim through its evidence, in the excerpt's language and in its translation", () => {
  const setup = (async () => {
    const stem = word(Object.keys(CYRILLIC_OF).join(""));
    const cyrillicName = [...`${stem}ev`].map((ch) => CYRILLIC_OF[ch] ?? ch).join("");
    const tag = word();
    const claim = await createClaim(db, { text: `Order was restored in the city (${word()})` });
    const source = await createSource(db);
    await db.evidence.create({
      data: {
        claimId: claim.id,
        sourceId: source.id,
        stance: "SUPPORTS",
        excerpt: `${cyrillicName} заявил, что задержанных больше четырёх тысяч`,
        excerptLanguage: "ru",
        translation: `${stem}ev said more than four thousand were detained (${tag})`,
        translatedById: viewer.id,
      },
    });
    return { claim, stem, cyrillicName, tag };
  })();

  test("a name written in Latin letters finds the Cyrillic excerpt; so do its own words, in another form", async () => {
    const { claim, stem, cyrillicName } = await setup;
    assert.deepEqual((await desk({ q: `${stem}ev` })).slugs, [claim.slug], "Latin spelling of the name");
    assert.deepEqual((await desk({ q: cyrillicName })).slugs, [claim.slug], "the name as written");
    assert.ok((await desk({ q: `${cyrillicName} задержанные` })).slugs.includes(claim.slug), "another form of a Russian word");
  });

  test("the translation's words find it, and an unrelated word does not", async () => {
    const { claim, tag } = await setup;
    assert.deepEqual((await desk({ q: `detained ${tag}` })).slugs, [claim.slug]);
    assert.ok(!(await desk({ q: `${word()} ${word()}` })).slugs.includes(claim.slug));
  });

  test("the database spells every Cyrillic letter as the query side does", async () => {
    const letters = [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"];
    const rows = await db.$queryRaw<Array<{ letter: string; latin: string }>>`SELECT l AS "letter", cyrillic_latin(l) AS "latin" FROM unnest(${letters}::text[]) l`;
    for (const { letter, latin } of rows) assert.equal(latin, latinSpelling(letter) ?? letter, letter);
    const upper = await db.$queryRaw<Array<{ latin: string }>>`SELECT lower(cyrillic_latin(${"ТОКАЕВ Щукин"})) AS "latin"`;
    assert.equal(upper[0]!.latin, `${latinSpelling("токаев")} ${latinSpelling("щукин")}`);
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
