// `npm run bench:segmentation`: the hand-written sentence splitter (lib/extraction/sentences.ts)
// against Intl.Segmenter with an abbreviation-suppression pass and against the maintained
// `sentence-splitter` package, on the evaluation set (test/fixtures/extraction) and on the traps
// of lib/extraction/sentences.test.ts. Prints a table for docs/extraction.md.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { split as splitWithLibrary } from "sentence-splitter";
import { splitSentences } from "../lib/extraction/sentences";

type Span = { start: number; end: number };
type Splitter = (text: string) => Span[];

const ABBREVIATIONS = new Set("mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr rev hon jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc ltd co corp".split(" "));

/** Intl.Segmenter per line, then merges ICU's breaks after abbreviations, initials and inside open quotes. */
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
function intlWithSuppression(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let open = 0;
    for (const s of segmenter.segment(line)) {
      const start = lineStart + s.index;
      const end = start + s.segment.length;
      const prev = out.at(-1);
      const word = /(\S+)\s*$/.exec(prev ? text.slice(prev.start, prev.end) : "")?.[1] ?? "";
      const bare = word.replace(/^[“"‘(]+/, "").replace(/\.$/, "").toLowerCase();
      const glue = prev !== undefined && prev.end === start && (open > 0 || ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare) || /^\p{Ll}/u.test(s.segment));
      if (glue) prev.end = end;
      else out.push({ start, end });
      for (const ch of s.segment) open += ch === "“" ? 1 : ch === "”" && open > 0 ? -1 : 0;
    }
    lineStart += line.length + 1;
  }
  return out.map(trim(text)).filter((s) => s.end > s.start);
}

const trim = (text: string) => (s: Span): Span => {
  let { start, end } = s;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
};

function library(text: string): Span[] {
  return splitWithLibrary(text)
    .filter((n) => n.type === "Sentence")
    .map((n) => trim(text)({ start: n.range[0], end: n.range[1] }))
    .filter((s) => s.end > s.start);
}

const SPLITTERS: Record<string, Splitter> = {
  "hand-written (lib/extraction/sentences.ts)": (t) => splitSentences(t),
  "Intl.Segmenter + suppression pass": intlWithSuppression,
  "sentence-splitter 5 (textlint)": library,
};

// The traps of sentences.test.ts, with the expected sentences.
const TRAPS: Array<[string, string[]]> = [
  ["Mr. Smith arrived in the U.S. on Jan. 5. He paid $3.5 million for it.", ["Mr. Smith arrived in the U.S. on Jan. 5.", "He paid $3.5 million for it."]],
  ["U.S. President Joe Biden spoke. Dr. Jane Doe and John F. Kennedy Jr. agreed.", ["U.S. President Joe Biden spoke.", "Dr. Jane Doe and John F. Kennedy Jr. agreed."]],
  ["He moved to the U.S. The move was costly.", ["He moved to the U.S.", "The move was costly."]],
  ["“We will win. They will lose,” Smith said. “Really?” asked Jones. Then he left.", ["“We will win. They will lose,” Smith said.", "“Really?” asked Jones.", "Then he left."]],
  ['He said "We won. Easily." Then he left.', ['He said "We won. Easily."', "Then he left."]],
  ["asking me … to help them. He waited… Then he left... Quietly.", ["asking me … to help them.", "He waited…", "Then he left...", "Quietly."]],
  ["The rate rose to 7.5 per cent. Officials said 1,200 left.", ["The rate rose to 7.5 per cent.", "Officials said 1,200 left."]],
  ["В Алматы погибли 18 человек, т.е. больше, чем сообщалось. «Это террористы», — сказал Токаев.", ["В Алматы погибли 18 человек, т.е. больше, чем сообщалось.", "«Это террористы», — сказал Токаев."]],
];

const DIR = path.join(import.meta.dirname, "..", "test", "fixtures", "extraction");
const articles = readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => ({
  text: readFileSync(path.join(DIR, f.replace(/\.json$/, ".txt")), "utf8"),
  fragments: (JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as { claims: Array<{ sentence: string }> }).claims.map((c) => c.sentence),
}));

console.log("| splitter | gold sentences kept whole | gold sentence starts found | traps right | ms for 200,000 chars | offsets |");
console.log("| --- | ---: | ---: | ---: | ---: | --- |");
for (const [name, split] of Object.entries(SPLITTERS)) {
  let whole = 0;
  let starts = 0;
  let total = 0;
  for (const { text, fragments } of articles) {
    const spans = split(text);
    for (const fragment of new Set(fragments)) {
      total++;
      const at = text.indexOf(fragment);
      const inside = spans.find((s) => s.start <= at && s.end >= at + fragment.length);
      if (inside) whole++;
      if (spans.some((s) => s.start === at || (s.start === at - 1 && /[“"«]/.test(text.charAt(s.start))))) starts++;
    }
  }
  const traps = TRAPS.filter(([input, expected]) => JSON.stringify(split(input).map((s) => input.slice(s.start, s.end))) === JSON.stringify(expected)).length;
  const big = articles.map((a) => a.text).join("\n\n").repeat(40).slice(0, 200_000);
  const started = performance.now();
  const spans = split(big);
  const ms = Math.round(performance.now() - started);
  const stable = spans.every((s) => big.slice(s.start, s.end).trim() === big.slice(s.start, s.end));
  console.log(`| ${name} | ${whole}/${total} | ${starts}/${total} | ${traps}/${TRAPS.length} | ${ms} | ${stable ? "into the original text" : "not stable"} |`);
}
