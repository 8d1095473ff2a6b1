import { test } from "node:test";
import assert from "node:assert/strict";
import { corpusPath } from "../corpus";
import { readFileSync } from "node:fs";
import { proposeCandidates, type Candidate } from "./candidates";

const CORPUS = corpusPath();
const corpus = readFileSync(CORPUS, "utf8");
const candidates = proposeCandidates(corpus);

function find(fragment: string): Candidate {
  const hit = candidates.find((c) => c.sentence.text.includes(fragment));
  assert.ok(hit, `expected a candidate containing ${JSON.stringify(fragment)}`);
  return hit;
}

test("Almaty police casualty figures are a NUMERIC claim by Almaty police", () => {
  const c = find("Almaty police said 353 police");
  assert.equal(
    c.sentence.text,
    "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.",
  );
  assert.equal(c.suggestedKind, "NUMERIC");
  assert.equal(c.suggestedClaimant, "Almaty police");
  assert.deepEqual(c.figures, ["353", "12"]);
  assert.deepEqual(c.reasons, ["figure", "attribution", "claimant"]);
});

test("the liquidated-attackers quote is attributed to Saltanat Azirbek", () => {
  const c = find("dozens of attackers were liquidated");
  assert.match(c.suggestedClaimant ?? "", /Saltanat Azirbek/);
  assert.ok(c.reasons.includes("quote"));
  assert.ok(c.figures.includes("dozens"));
});

test("Tokayev's 'gang of international terrorists' is FRAMING", () => {
  const c = find("gang of international terrorists");
  assert.equal(c.suggestedKind, "FRAMING");
  assert.match(c.suggestedClaimant ?? "", /Tokayev/);
});

test("proposes the airport, Netblocks, LPG, price-cap and state-of-emergency sentences", () => {
  const airport = find("Demonstrators took control of the airport");
  assert.ok(airport.sentence.text.endsWith("it has since been cleared."));
  assert.equal(airport.suggestedClaimant, "Russian officials and news agencies");

  const internet = find("according to Netblocks");
  assert.equal(internet.suggestedClaimant, "Netblocks");

  const lpg = find("causing prices to double immediately");
  assert.equal(lpg.suggestedKind, "NUMERIC");
  assert.ok(lpg.figures.includes("double"));

  const cap = find("new price cap for 180 days");
  assert.equal(cap.suggestedKind, "NUMERIC");
  assert.equal(cap.suggestedClaimant, "Tokayev");
  assert.ok(cap.figures.includes("180 days"));

  const emergency = find("state of emergency until January 19");
  assert.ok(emergency.figures.includes("January 19"));
});

test("other attribution shapes: appositives, inverted 'said X', continued quotes, dangling 'X reported.'", () => {
  assert.equal(find("Nikol Pashinyan, Prime Minister").suggestedClaimant, "Nikol Pashinyan");
  assert.equal(find("Mukhtar Umbetov, a rights activist").suggestedClaimant, "Mukhtar Umbetov");
  assert.equal(find("These protests are about corruption").suggestedClaimant, "Zauresh Shekenova");
  assert.equal(find("The CSTO has not said").suggestedClaimant, "CSTO");
  const continued = find("Almaty was attacked, destroyed");
  assert.equal(continued.suggestedKind, "FRAMING");
  assert.equal(continued.suggestedClaimant, "Tokayev");
  // "New York Times reported." is folded into the sentence it attributes.
  assert.equal(find("set fire to the prosecutor").suggestedClaimant, "New York Times");
  assert.ok(!candidates.some((c) => c.sentence.text === "New York Times reported."));
});

test("headings, captions and datelines are not proposed", () => {
  for (const line of [
    "When fuel prices soared, protests spread",
    "But fuel prices are not the only cause",
    "date 2022-01-06",
    "change subtitles Press Service of the Russian Ministry of Defense / AP",
  ]) {
    assert.ok(!candidates.some((c) => c.sentence.text === line), `did not expect ${line}`);
  }
});

test("candidates are in document order with positive scores", () => {
  assert.ok(candidates.length >= 8);
  candidates.forEach((c, i) => {
    assert.ok(c.score > 0);
    assert.equal(corpus.slice(c.sentence.start, c.sentence.end), c.sentence.text);
    if (i > 0) assert.ok(c.sentence.index > (candidates[i - 1]?.sentence.index ?? -1));
  });
});

test("figure detection: money, percentages, number words; dates and codes are not quantities", () => {
  const [money] = proposeCandidates("Officials said the budget rose 3.5% to $1,200,000, up from $2.5 million in 2020.");
  assert.equal(money?.suggestedKind, "NUMERIC");
  assert.deepEqual(money?.figures, ["3.5%", "$1,200,000", "$2.5 million", "2020"]);

  const [words] = proposeCandidates("The ministry said twelve people died and forty percent of homes burned.");
  assert.deepEqual(words?.figures, ["twelve", "forty percent"]);

  const [dated] = proposeCandidates("The curfew on the Khabar-24 channel was lifted on March 3, 2021.");
  assert.equal(dated?.suggestedKind, "EVENT");
  assert.deepEqual(dated?.figures, ["March 3, 2021"]);
});

test("kinds: pure quotes are QUOTE, framing words inside quotes are FRAMING, plain sentences are dropped", () => {
  const [quote] = proposeCandidates("“We will rebuild the bridge this year,” Mayor Anna Ivanova said on Monday.");
  assert.equal(quote?.suggestedKind, "QUOTE");
  assert.equal(quote?.suggestedClaimant, "Mayor Anna Ivanova");

  const [framing] = proposeCandidates("The minister described the marchers as “a mob of paid provocateurs”.");
  assert.equal(framing?.suggestedKind, "FRAMING");

  assert.deepEqual(proposeCandidates("It all started with the price of gas, but the real cause runs deeper."), []);
});
