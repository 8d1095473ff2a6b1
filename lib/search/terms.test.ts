import { test } from "node:test";
import assert from "node:assert/strict";
import { latinSpelling, queryWords, usesOperators } from "./terms";

test("queryWords: lower case words in any script, once each", () => {
  assert.deepEqual(queryWords("Tokayev: Токаев, TOKAYEV airport-closed!"), ["tokayev", "токаев", "airport", "closed"]);
  assert.deepEqual(queryWords(`"" -- ( ) & | ! :*`), []);
});

test("usesOperators: phrases, exclusions and OR are websearch syntax; hyphenated names are not", () => {
  assert.equal(usesOperators(`"almaty airport"`), true);
  assert.equal(usesOperators("airport -almaty"), true);
  assert.equal(usesOperators("airport or police"), true);
  assert.equal(usesOperators("Kassym-Jomart Tokayev"), false);
  assert.equal(usesOperators("oral history"), false);
});

test("latinSpelling: Russian and Kazakh spellings of one name meet; Latin words are left alone", () => {
  assert.equal(latinSpelling("Токаев"), "tokaev");
  assert.equal(latinSpelling("Тоқаев"), "tokaev");
  assert.equal(latinSpelling("Пашинян"), "pashinyan");
  assert.equal(latinSpelling("Tokayev"), null);
});
