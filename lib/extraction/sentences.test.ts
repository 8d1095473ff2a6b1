import { test } from "node:test";
import assert from "node:assert/strict";
import { corpusPath } from "../corpus";
import { readFileSync } from "node:fs";
import { splitSentences } from "./sentences";

const CORPUS = corpusPath();
const texts = (input: string) => splitSentences(input).map((s) => s.text);

test("does not split after titles, initialisms, month abbreviations or inside decimals", () => {
  assert.deepEqual(texts("Mr. Smith arrived in the U.S. on Jan. 5. He paid $3.5 million for it."), [
    "Mr. Smith arrived in the U.S. on Jan. 5.",
    "He paid $3.5 million for it.",
  ]);
  assert.deepEqual(texts("U.S. President Joe Biden spoke. Dr. Jane Doe and John F. Kennedy Jr. agreed."), [
    "U.S. President Joe Biden spoke.",
    "Dr. Jane Doe and John F. Kennedy Jr. agreed.",
  ]);
});

test("an initialism can still end a sentence when a new one clearly starts", () => {
  assert.deepEqual(texts("He moved to the U.S. The move was costly."), ["He moved to the U.S.", "The move was costly."]);
});

test("keeps a curly quotation with its attribution and splits after the closing quote", () => {
  const input = "“We will win. They will lose,” Smith said. “Really?” asked Jones. Then he left.";
  assert.deepEqual(texts(input), ["“We will win. They will lose,” Smith said.", "“Really?” asked Jones.", "Then he left."]);
  assert.deepEqual(texts('He said "We won. Easily." Then he left.'), ['He said "We won. Easily."', "Then he left."]);
});

test("an unclosed quotation does not swallow the rest of the paragraph", () => {
  assert.deepEqual(texts("“It went on. And on. The end."), ["“It went on.", "And on.", "The end."]);
});

test("ellipses split only before a capitalised continuation", () => {
  assert.deepEqual(texts("asking me … to help them. He waited… Then he left... Quietly."), [
    "asking me … to help them.",
    "He waited…",
    "Then he left...",
    "Quietly.",
  ]);
});

test("newlines end headings and paragraphs even without punctuation", () => {
  const input = "When fuel prices soared, protests spread\n\nThe protests began Sunday. Prices doubled.\nCaption line";
  assert.deepEqual(texts(input), [
    "When fuel prices soared, protests spread",
    "The protests began Sunday.",
    "Prices doubled.",
    "Caption line",
  ]);
});

test("handles empty and whitespace-only input", () => {
  assert.deepEqual(splitSentences(""), []);
  assert.deepEqual(splitSentences(" \n\n\t "), []);
});

test("offsets round-trip and indexes are sequential on the corpus", () => {
  const text = readFileSync(CORPUS, "utf8");
  const sentences = splitSentences(text);
  assert.ok(sentences.length > 20);
  sentences.forEach((s, i) => {
    assert.equal(s.index, i);
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.equal(s.text, s.text.trim());
    if (i > 0) assert.ok(s.start >= (sentences[i - 1]?.end ?? 0));
  });
  assert.ok(texts(text).includes("New York Times reported."));
  assert.ok(
    texts(text).includes(
      "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.",
    ),
  );
  // The curly-quoted Tokayev passage keeps its "…" lowercase continuation in one sentence.
  assert.ok(texts(text).some((s) => s.startsWith("“It is a violation") && s.endsWith("Wednesday night.")));
});
