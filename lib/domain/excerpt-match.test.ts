import { test } from "node:test";
import assert from "node:assert/strict";
import { isExcerptInText } from "./excerpt-match";

const page = "Президент заявил:\n\n«Порядок  будет восстановлен» — сообщила пресс-служба.\u00a0It’s the “final” word.";

test("whitespace, line breaks, typographic quotes, dashes and case do not hide an excerpt", () => {
  assert.equal(isExcerptInText('"Порядок будет восстановлен" - сообщила', page), true);
  assert.equal(isExcerptInText("президент заявил: «порядок", page), true);
  assert.equal(isExcerptInText(`It's the "final" word.`, page), true);
  assert.equal(isExcerptInText("“Порядок будет восстановлен”", page), true);
});

test("a changed word, an omission or an empty excerpt is not found", () => {
  assert.equal(isExcerptInText("Порядок уже восстановлен", page), false);
  assert.equal(isExcerptInText("Президент заявил: … сообщила", page), false);
  assert.equal(isExcerptInText("  “ ” ", page), false);
});
