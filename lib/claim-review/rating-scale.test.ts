import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { RATING_WORDS, foldRatingWords, normaliseRating, ratingFromNumbers, ratingFromWords } from "./rating-scale";

describe("rating normalisation", () => {
  test("the word table: every word maps to its own rating, and no folded word is claimed by two ratings", () => {
    const owner = new Map<string, string>();
    for (const [rating, words] of Object.entries(RATING_WORDS)) {
      for (const word of words) {
        const folded = foldRatingWords(word);
        assert.ok(folded.length > 0, word);
        assert.ok(!owner.has(folded) || owner.get(folded) === rating, `"${word}" is both ${owner.get(folded)} and ${rating}`);
        owner.set(folded, rating);
        assert.equal(ratingFromWords(word), rating, word);
      }
    }
  });

  test("common ratings in English, Spanish, French, German, Portuguese, Danish and Russian", () => {
    const cases: Array<[string, string]> = [
      ["Pants on Fire!", "false"], ["Mostly False", "mostly_false"], ["Half True", "mixed"], ["Mostly True", "mostly_true"], ["TRUE", "true"],
      ["Missing context", "missing_context"], ["Satire", "satire"], ["Unproven", "unproven"], ["Misleading", "misleading"], ["Miscaptioned", "misleading"],
      ["Falso", "false"], ["Engañoso", "misleading"], ["Verdadero", "true"], ["Sacado de contexto", "missing_context"], ["Mixto", "mixed"],
      ["FAUX", "false"], ["Trompeur", "misleading"], ["C’est plus compliqué", "mixed"], ["Plutôt vrai", "mostly_true"],
      ["Falsch", "false"], ["Irreführend", "misleading"], ["Größtenteils falsch", "mostly_false"], ["Fehlender Kontext", "missing_context"],
      ["Falso", "false"], ["Verdadeiro", "true"], ["Enganoso", "misleading"], ["Fora de contexto", "missing_context"], ["Não é verdade", "false"],
      ["Falsk", "false"], ["Delvist falsk", "mostly_false"], ["Misvisende", "misleading"], ["Vildledende", "misleading"], ["Manglende kontekst", "missing_context"], ["Sandt", "true"],
      ["Неправда", "false"], ["Правда", "true"], ["Манипуляция", "misleading"], ["Полуправда", "mixed"], ["Сатира", "satire"],
      ["False. The photo is from 2019", "false"],
    ];
    for (const [label, want] of cases) assert.equal(ratingFromWords(label), want, label);
    for (const label of ["Not really, charts say", "Flip-flop", "", "5", "Four stars"]) assert.equal(ratingFromWords(label), null, label);
  });

  test("numbers on any scale, either direction, any base", () => {
    const n = (ratingValue: number, bestRating: number | null, worstRating: number | null) => ratingFromNumbers({ ratingValue, bestRating, worstRating });
    assert.deepEqual([1, 2, 3, 4, 5].map((v) => n(v, 5, 1)), ["false", "mostly_false", "mixed", "mostly_true", "true"]);
    assert.deepEqual([5, 4, 3, 2, 1].map((v) => n(v, 1, 5)), ["false", "mostly_false", "mixed", "mostly_true", "true"], "inverted: 5 = false");
    assert.deepEqual([0, 1, 2].map((v) => n(v, 2, 0)), ["false", "mixed", "true"], "0-based");
    assert.deepEqual([0, 5, 10].map((v) => n(v, 10, 0)), ["false", "mixed", "true"]);
    assert.equal(n(1, 6, null), "false", "worst defaults to schema.org's 1");
    assert.equal(n(-1, -1, -1), null, "no scale");
    assert.equal(n(9, 5, 1), null, "outside its scale");
    assert.equal(ratingFromNumbers({ ratingValue: 3, bestRating: null, worstRating: null }), null, "a bare number is no rating");
  });

  test("words first, then numbers; nothing placed stays unrated", () => {
    assert.deepEqual(normaliseRating({ ratingValue: 5, bestRating: 1, worstRating: 5, labels: ["Falso"] }), { rating: "false", basis: "words" });
    assert.deepEqual(normaliseRating({ ratingValue: 2, bestRating: 5, worstRating: 1, labels: ["Stretches the truth"] }), { rating: "mostly_false", basis: "numbers" });
    assert.deepEqual(normaliseRating({ ratingValue: null, bestRating: null, worstRating: null, labels: ["Something else"] }), { rating: "unrated", basis: "none" });
  });
});
