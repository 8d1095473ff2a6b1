import { test } from "node:test";
import assert from "node:assert/strict";
import { corpusPath } from "../corpus";
import { readFileSync } from "node:fs";
import { proposeCandidates, type Candidate } from "./candidates";
import fc from "fast-check";
import { detectLanguage } from "./language";
import { asciiDigits, digitsValue } from "./numbers";
import { splitSentences } from "./sentences";
import { tokenize } from "./tokens";

const CORPUS = corpusPath();
const corpus = readFileSync(CORPUS, "utf8");
const candidates = proposeCandidates(corpus, { outlet: "Al Jazeera" });

function find(fragment: string, list: Candidate[] = candidates): Candidate {
  const hit = list.find((c) => c.claim.text.includes(fragment));
  assert.ok(hit, `expected a candidate containing ${JSON.stringify(fragment)}`);
  return hit;
}
const figures = (c: Candidate) => c.figures.map((f) => `${f.bound} ${f.low ?? "?"}-${f.high ?? "?"} ${f.counted}`);

test("Almaty police casualty figures: two claims by Almaty police, each with its figure", () => {
  const injured = find("353 police and security personnel were injured");
  assert.equal(injured.sentence.text, "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.");
  assert.equal(injured.suggestedKind, "NUMERIC");
  assert.equal(injured.suggestedClaimant, "Almaty police");
  assert.equal(injured.claimantType, "ORGANISATION");
  assert.deepEqual(figures(injured), ["EXACT 353-353 police"]);
  const killed = find("12 were killed");
  assert.equal(killed.suggestedClaimant, "Almaty police");
  assert.deepEqual(figures(killed), ["EXACT 12-12 people"]);
});

test("the liquidated-attackers quote is attributed to the police spokeswoman, “dozens” kept as words", () => {
  const c = find("dozens of attackers were liquidated");
  assert.equal(c.suggestedClaimant, "Police spokeswoman Saltanat Azirbek");
  assert.equal(c.claimantType, "PERSON");
  assert.ok(c.reasons.includes("quote"));
  assert.deepEqual(c.figures.map((f) => [f.words, f.bound, f.low]), [["dozens of attackers", "ESTIMATE", null]]);
});

test("framing, appositives, participles and later mentions resolved to the first full name", () => {
  assert.equal(find("gang of international terrorists").suggestedKind, "FRAMING");
  assert.equal(find("gang of international terrorists").suggestedClaimant, "Kazakhstan’s President Kassym-Yomart Tokayev");
  const pashinyan = "Nikol Pashinyan, Prime Minister of Armenia and Chairman of the Security Council of the CSTO";
  assert.equal(find("Nikol Pashinyan, Prime Minister").suggestedClaimant, pashinyan);
  assert.equal(find("Pashinyan echoed").suggestedClaimant, pashinyan);
  assert.equal(find("Mukhtar Umbetov, a rights activist").suggestedClaimant, "Mukhtar Umbetov, a rights activist");
  assert.equal(find("These protests are about corruption").suggestedClaimant, "Zauresh Shekenova");
  assert.equal(find("The CSTO has not said").suggestedClaimant, "The CSTO");
  assert.equal(find("according to Netblocks").suggestedClaimant, "Netblocks");
  assert.equal(find("Demonstrators took control of the airport").suggestedClaimant, "Russian officials and news agencies");
  // "New York Times reported." is folded into the sentence it attributes.
  assert.equal(find("set fire to the prosecutor").suggestedClaimant, "New York Times");
  assert.ok(!candidates.some((c) => c.sentence.text === "New York Times reported."));
});

test("event descriptions without attribution are proposed, claimed by the outlet", () => {
  const clashes = find("Clashes between protesters and Kazakh authorities erupted");
  assert.equal(clashes.suggestedClaimant, "Al Jazeera");
  assert.ok(clashes.reasons.includes("event"));
  const [stones] = proposeCandidates("Protesters threw stones at the police station. Security forces responded with tear gas.", { outlet: "AFP" });
  assert.equal(stones?.suggestedClaimant, "AFP");
});

test("headings, captions and datelines are not proposed; candidates are in document order", () => {
  for (const line of ["When fuel prices soared, protests spread", "But fuel prices are not the only cause", "date 2022-01-06"]) {
    assert.ok(!candidates.some((c) => c.sentence.text === line), `did not expect ${line}`);
  }
  candidates.forEach((c, i) => {
    assert.ok(c.score > 0);
    assert.equal(corpus.slice(c.sentence.start, c.sentence.end), c.sentence.text);
    assert.equal(corpus.slice(c.claim.start, c.claim.end), c.claim.text);
    if (i > 0) assert.ok(c.sentence.index >= (candidates[i - 1]?.sentence.index ?? -1));
  });
});

test("figures: words, qualifiers as bounds, units; dates, names with digits, ages and durations are not figures", () => {
  const words = proposeCandidates("Fifty-two people died and more than one hundred were hurt on 9 January, Khabar 24 reported.");
  assert.deepEqual(words.flatMap(figures), ["EXACT 52-52 people", "MORE_THAN 100-? people"]);
  assert.deepEqual(words.map((c) => c.suggestedClaimant), ["Khabar 24", "Khabar 24"]);

  const bounds = proposeCandidates("At least 480 people died, nearly 600 homes collapsed, up to 20 are missing and a toll of 410 was revised, officials said.");
  assert.deepEqual(bounds.flatMap(figures), ["AT_LEAST 480-? people", "NEARLY ?-600 homes", "UP_TO ?-20 people", "EXACT 410-410 toll"]);

  const [money] = proposeCandidates("Officials said the budget rose 3.5% to $1,200,000, between 30 and 38 percent of the total, in 2020.");
  assert.deepEqual(figures(money!), ["EXACT 3.5-3.5 percent", "EXACT 1200000-1200000 dollars", "RANGE 30-38 percent"]);

  const [none] = proposeCandidates("A 22-year-old man, 30, was held for three days in a three-story building at 1:40 p.m. on March 3, 2021, the ministry said.");
  assert.deepEqual(none?.figures, []);
});

test("claimants: the full noun phrase, later mentions resolved, the outlet for its own statements", () => {
  const text = [
    "The regional government said 12 people were killed.",
    "Merera Gudina, chairman of the Oromo Federalist Congress, said at least 30 people were arrested.",
    "The health ministry said 200 people were treated in hospitals.",
    "Gudina said the figures were too low.",
    "The ministry later said 15 patients died.",
    "An AFP photographer at the scene saw bodies in the street. Soldiers fired live rounds at the crowd.",
  ].join("\n");
  const list = proposeCandidates(text, { outlet: "AFP" });
  assert.equal(find("12 people were killed", list).suggestedClaimant, "The regional government");
  assert.equal(find("at least 30 people", list).suggestedClaimant, "Merera Gudina, chairman of the Oromo Federalist Congress");
  assert.equal(find("at least 30 people", list).claimantType, "PERSON");
  assert.equal(find("200 people were treated", list).suggestedClaimant, "The health ministry");
  assert.equal(find("figures were too low", list).suggestedClaimant, "Merera Gudina, chairman of the Oromo Federalist Congress");
  assert.equal(find("15 patients died", list).suggestedClaimant, "The health ministry");
  assert.equal(find("Soldiers fired live rounds", list).suggestedClaimant, "AFP");
});

test("one candidate per claim: coordinated clauses with their own figures and verbs are split", () => {
  const list = proposeCandidates("The ministry said the disease killed 58 people and sickened 1,293 others between Thursday and Saturday.");
  assert.deepEqual(list.map((c) => c.claim.text), ["The ministry said the disease killed 58 people", "sickened 1,293 others between Thursday and Saturday."]);
  assert.ok(list.every((c) => c.suggestedClaimant === "The ministry"));
  const single = proposeCandidates("Of 17,027,641 registered voters, 13,434,857 turned up, the commission said.");
  assert.equal(single.length, 1);
  assert.equal(single[0]?.figures.length, 2);
});

test("kinds: pure quotes are QUOTE, framing words inside quotes are FRAMING, plain sentences are dropped", () => {
  const [quote] = proposeCandidates("“We will rebuild the bridge this year,” Mayor Anna Ivanova said on Monday.");
  assert.equal(quote?.suggestedKind, "QUOTE");
  assert.equal(quote?.suggestedClaimant, "Mayor Anna Ivanova");
  const [framing] = proposeCandidates("The minister described the marchers as “a mob of paid provocateurs”.");
  assert.equal(framing?.suggestedKind, "FRAMING");
  assert.deepEqual(proposeCandidates("It all started with the price of gas, but the real cause runs deeper."), []);
  assert.deepEqual(proposeCandidates("It will also complicate efforts by the government to cool down tensions."), []);
});

test("Russian text: segments, keeps quotes and figures in digits, never crashes", () => {
  const text = "В Алматы погибли 18 сотрудников силовых структур, заявил представитель МВД. «Это террористы», — сказал Токаев 7 января. По данным Минздрава, более 1000 человек получили ранения.";
  const list = proposeCandidates(text);
  assert.equal(list.length, 3);
  assert.deepEqual(figures(list[0]!), ["EXACT 18-18 сотрудников"]);
  assert.equal(list[0]?.suggestedClaimant, "представитель МВД");
  assert.equal(list[1]?.suggestedKind, "QUOTE");
  assert.deepEqual(list[1]?.figures, []);
  assert.deepEqual(figures(list[2]!), ["MORE_THAN 1000-? человек"]);
});

test("other languages in Latin script: detected, figures in digits with their qualifiers, inverted attribution", () => {
  const fr = "Au moins 52 personnes ont été tuées le 9 janvier, a déclaré le ministère de la Santé. Selon la police, plus de 1\u00a0000 manifestants étaient présents.";
  assert.equal(detectLanguage(fr), "other");
  const list = proposeCandidates(fr, { outlet: "Le Monde" });
  assert.deepEqual(list.map((c) => [c.suggestedClaimant, ...figures(c)]), [
    ["le ministère de la Santé", "AT_LEAST 52-? personnes"],
    ["la police", "MORE_THAN 1000-? manifestants"],
  ]);
  const [es] = proposeCandidates("Según la Cruz Roja, más de 2.500 familias fueron evacuadas el martes por la tarde.");
  assert.deepEqual(figures(es!), ["MORE_THAN 2500-? familias"]);
  assert.equal(detectLanguage(corpus), "en");
});

test("scripts other than Latin and Cyrillic: their stops end sentences, their digits are numbers, spaceless text splits into words", () => {
  const ar = "قالت وزارة الصحة إن ١٥٠ شخصا قتلوا في الاشتباكات. هل هذا صحيح؟ وأضافت الوزارة أن أكثر من ٣٠٠ شخص أصيبوا بجروح.";
  assert.equal(detectLanguage(ar), "other");
  assert.equal(splitSentences(ar).length, 3);
  assert.deepEqual(proposeCandidates(ar).map((c) => [c.suggestedClaimant, ...figures(c)]), [
    ["وزارة الصحة", "EXACT 150-150 شخصا"],
    ["الوزارة", "MORE_THAN 300-? شخص"],
  ]);
  assert.equal(proposeCandidates("بحسب المتحدث باسم الشرطة، أغلق المطار أمس بعد الاشتباكات.")[0]?.suggestedClaimant, "المتحدث باسم الشرطة");

  const zh = "卫生部表示，至少150人在冲突中丧生。警方发言人说，机场已经关闭。";
  assert.equal(detectLanguage(zh), "other");
  assert.deepEqual(splitSentences(zh).map((s) => s.text), ["卫生部表示，至少150人在冲突中丧生。", "警方发言人说，机场已经关闭。"]);
  assert.deepEqual(figures(proposeCandidates(zh)[0]!), ["AT_LEAST 150-? 人"]);

  const hi = "स्वास्थ्य मंत्रालय ने कहा कि झड़पों में कम से कम १५० लोग मारे गए। पुलिस के अनुसार 300 से अधिक लोग घायल हुए।";
  assert.equal(splitSentences(hi).length, 2);
  assert.deepEqual(proposeCandidates(hi).map(figures), [["AT_LEAST 150-? लोग"], ["MORE_THAN 300-? लोग"]]);

  const uk = "Міністерство заявило, що щонайменше 150 людей загинули. За словами поліції, понад 300 людей отримали поранення.";
  assert.deepEqual(proposeCandidates(uk).map(figures), [["AT_LEAST 150-? людей"], ["MORE_THAN 300-? людей"]]);
});

test("tokens of any text point at their own characters, and digits of every script read as their value", () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(..."人在冲突中丧生至少。٣٠٠١٥٠ शख्सलोग१५० 12,5.ab\u00a0«»"), maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 }), (a, b) => {
      for (const text of [a, b, a + b]) {
        for (const token of tokenize(text)) assert.equal(text.slice(token.start, token.end), token.text);
        proposeCandidates(text);
      }
    }),
  );
  // A run longer than a segmenter piece, with letters outside the Basic Multilingual Plane across piece ends.
  for (const long of ["人在冲突中丧生𠀀".repeat(400), `${"人".repeat(999)}𠀀${"人".repeat(1200)}`]) {
    const tokens = tokenize(long);
    for (const token of tokens) assert.equal(long.slice(token.start, token.end), token.text);
    assert.equal(tokens.map((t) => t.text).join(""), long, "every character is in exactly one token");
    assert.ok(tokens.every((t) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(t.text)), "no token holds half a character");
  }
  assert.equal(digitsValue("١٬٢٣٤٫٥"), 1234.5);
  assert.equal(digitsValue("१५०"), 150);
  assert.equal(digitsValue("１２０"), 120);
  assert.equal(asciiDigits("۱۲۳ and 456"), "123 and 456");
});
