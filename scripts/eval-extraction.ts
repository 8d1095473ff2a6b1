// `npm run eval:extraction`: scores lib/extraction against the labelled articles in
// test/fixtures/extraction (guidelines and scoring rules in its README.md). A benchmark, not a test:
// it prints per article and overall claim recall and precision, claimant and figure accuracy, and
// lists the misses. `--split dev|heldout` scores one split; `--quiet` leaves out the misses.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { proposeCandidates } from "../lib/extraction/candidates";
import { splitSentences } from "../lib/extraction/sentences";

type GoldFigure = { bound: string; value: number | [number, number] | null; counted: string };
type GoldClaim = { sentence: string; claim: string; claimant: string; figures: GoldFigure[] };
type Gold = { source: { url: string; outlet: string; split: string; language: string }; claims: GoldClaim[] };
type Figure = { bound: string; low: number | null; high: number | null; counted: string };
type Proposal = { start: number; end: number; claim: string; claimant: string | null; figures: Figure[] };

const { values: args } = parseArgs({ options: { split: { type: "string" }, quiet: { type: "boolean", default: false } } });
const DIR = path.join(import.meta.dirname, "..", "test", "fixtures", "extraction");

/** Older extractors listed figures as strings: read them as exact numbers counting their last word. */
function asFigure(f: unknown): Figure {
  if (typeof f !== "string") return f as Figure;
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(f)?.[0];
  const value = digits === undefined ? null : Number(digits.replace(/,/g, ""));
  return { bound: "EXACT", low: value, high: value, counted: f.split(/\s+/).at(-1) ?? "" };
}

function propose(text: string, outlet: string): Proposal[] {
  const options = { outlet } as never;
  return proposeCandidates(text, options).map((c) => {
    // Older extractors proposed whole sentences only.
    const claim = (c as { claim?: { text: string } }).claim;
    return {
      start: c.sentence.start,
      end: c.sentence.end,
      claim: claim?.text ?? c.sentence.text,
      claimant: c.suggestedClaimant,
      figures: (c.figures as unknown[]).map(asFigure),
    };
  });
}

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, " ").replace(/\s+/g, " ").trim();
const claimantKey = (s: string | null) => norm((s ?? "").split(",")[0] ?? "");
const singular = (w: string) => w.replace(/ies$/, "y").replace(/(?<=[^s])s$/, "");
function countedKey(s: string): string {
  const n = norm(s.replace(/%/g, " percent").replace(/per cent/gi, "percent"));
  return singular(n.split(" ").at(-1) ?? "");
}
const words = (s: string) => new Set(norm(s).split(" ").filter((w) => w.length > 2));
function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / Math.max(1, x.size + y.size);
}
const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= Math.abs(b) * 0.01);

function figureMatches(gold: GoldFigure, got: Figure): boolean {
  if (gold.bound !== got.bound || countedKey(gold.counted) !== countedKey(got.counted)) return false;
  if (Array.isArray(gold.value)) return close(got.low, gold.value[0]) && close(got.high, gold.value[1]);
  if (gold.value === null) return true;
  const single = got.low ?? got.high;
  return close(single, gold.value);
}

type Score = { gold: number; found: number; proposed: number; paired: number; claimants: number; figures: number; figuresRight: number };
const empty = (): Score => ({ gold: 0, found: 0, proposed: 0, paired: 0, claimants: 0, figures: 0, figuresRight: 0 });
const add = (a: Score, b: Score) => (Object.keys(a) as Array<keyof Score>).forEach((k) => (a[k] += b[k]));

function score(name: string, text: string, gold: Gold): { score: Score; misses: string[] } {
  const proposals = propose(text, gold.source.outlet);
  const sentences = splitSentences(text);
  const used = new Set<number>();
  const misses: string[] = [];
  const s = empty();
  s.proposed = proposals.length;
  for (const claim of gold.claims) {
    s.gold++;
    const sentence = sentences.find((x) => x.text.includes(claim.sentence));
    const at = text.indexOf(claim.sentence);
    const inSentence = proposals
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !used.has(i) && (sentence ? p.start < sentence.end && p.end > sentence.start : p.start <= at && p.end > at));
    const best = inSentence.sort((a, b) => overlap(b.p.claim, claim.claim) - overlap(a.p.claim, claim.claim))[0];
    if (!best) {
      misses.push(`  MISSED   ${JSON.stringify(claim.claim)}`);
      continue;
    }
    used.add(best.i);
    s.found++;
    s.figures += claim.figures.length;
    s.paired++;
    if (claimantKey(best.p.claimant) === claimantKey(claim.claimant)) s.claimants++;
    else misses.push(`  CLAIMANT ${JSON.stringify(best.p.claimant)} for ${JSON.stringify(claim.claimant)} (${claim.sentence}…)`);
    const left = [...best.p.figures];
    for (const f of claim.figures) {
      const hit = left.findIndex((g) => figureMatches(f, g));
      if (hit >= 0) {
        s.figuresRight++;
        left.splice(hit, 1);
      } else {
        const got = best.p.figures.map((g) => `${g.bound} ${g.low ?? "?"}-${g.high ?? "?"} ${g.counted}`).join("; ") || "none";
        misses.push(`  FIGURE   ${f.bound} ${JSON.stringify(f.value)} ${f.counted} — got ${got} (${claim.sentence}…)`);
      }
    }
  }
  proposals.forEach((p, i) => {
    if (!used.has(i)) misses.push(`  EXTRA    ${JSON.stringify(p.claim.slice(0, 100))} (claimant ${JSON.stringify(p.claimant)})`);
  });
  void name;
  return { score: s, misses };
}

const ratio = (a: number, b: number) => (b === 0 ? "  –  " : (a / b).toFixed(2).padStart(5));
const line = (name: string, s: Score) =>
  console.log(
    `| ${name.padEnd(34)} | ${String(s.gold).padStart(4)} | ${ratio(s.found, s.gold)} | ${ratio(s.paired, s.proposed)} | ${ratio(s.claimants, s.found)} | ${ratio(s.figuresRight, s.figures)} |`,
  );

const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
const totals: Record<string, Score> = { all: empty() };
const allMisses: string[] = [];
console.log("| article                            | gold | recall | precision | claimant | figures |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const file of files) {
  const gold = JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as Gold;
  if (args.split && gold.source.split !== args.split) continue;
  const text = readFileSync(path.join(DIR, file.replace(/\.json$/, ".txt")), "utf8");
  const name = file.replace(/\.json$/, "");
  const { score: s, misses } = score(name, text, gold);
  line(`${name} (${gold.source.split})`, s);
  add(totals.all!, s);
  add((totals[gold.source.split] ??= empty()), s);
  if (misses.length) allMisses.push(`${name}:`, ...misses);
}
for (const [split, s] of Object.entries(totals)) line(`overall: ${split}`, s);
if (!args.quiet) console.log(`\nMisses\n${allMisses.join("\n")}`);
