// `npm run bench:linear`: how the work on pasted text grows with its size (it must grow linearly:
// see test/unit/redos.test.ts), and what the JSON Lines export costs on a loaded database.
//   Extraction (lib/extraction) and the ClaimReview import parser on adversarial inputs at 1/4, 1/2
//   and all of the size limit; then, when BENCH_DATABASE_URL holds a loaded benchmark dataset (or
//   --database-url names another), the export read end to end through the data layer.
import { parseArgs } from "node:util";
import { proposeCandidates } from "../lib/extraction/candidates";
import { MAX_DOCUMENT_CHARS } from "../lib/validations/document";
import { MAX_IMPORT_CHARS } from "../lib/validations/claim-review-import";
import { parseClaimReviews } from "../lib/claim-review/parse-import";

const { values: args } = parseArgs({ options: { "database-url": { type: "string" }, "skip-export": { type: "boolean", default: false } } });

const EXTRACTION = { "spaces": " ", "auxiliaries": "police had ", "appositive commas": "a, ", "short quotes": '"a" ', "figures": "January 5 12 ", "coordinated figures": "5 people and 6 were ", "number words": "fifty-two hundred and ", "later mentions": "Gudina said. ", "sentences on one line": "x. ", "Chinese with no stop": "人在冲突中丧生", "Thai with no stop": "ประชาชนเสียชีวิต" };
const IMPORT = { "<script ": "<script ", "<script> without close": "<script>", "<scriptx": "<scriptx" };

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

const row = (cells: Array<string | number>) => console.log(`| ${cells.join(" | ")} |`);

console.log("Extraction (proposeCandidates), ms by input size");
row(["input", ...[0.25, 0.5, 1].map((f) => `${Math.round(MAX_DOCUMENT_CHARS * f).toLocaleString("en")} chars`)]);
row(["---", "---", "---", "---"]);
for (const [name, unit] of Object.entries(EXTRACTION)) {
  row([name, ...[0.25, 0.5, 1].map((f) => Math.round(time(() => proposeCandidates(unit.repeat(Math.ceil((MAX_DOCUMENT_CHARS * f) / unit.length))))))]);
}

console.log("\nClaimReview import parser, ms by input size");
row(["input", ...[0.25, 0.5, 1].map((f) => `${Math.round(MAX_IMPORT_CHARS * f).toLocaleString("en")} chars`)]);
row(["---", "---", "---", "---"]);
for (const [name, unit] of Object.entries(IMPORT)) {
  row([name, ...[0.25, 0.5, 1].map((f) => Math.round(time(() => parseClaimReviews(unit.repeat(Math.ceil((MAX_IMPORT_CHARS * f) / unit.length))))))]);
}

if (!args["skip-export"]) {
  process.env.DATABASE_URL = args["database-url"] ?? process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_bench";
  const { iteratePublishedClaims, listPublishedClaims, getPublishedClaim } = await import("../lib/public/ledger");
  const { buildClaimReview, serializeJsonLd } = await import("../lib/public/claim-review");
  type Claim = NonNullable<Awaited<ReturnType<typeof getPublishedClaim>>>;

  // The export as it was before: a page of ids, then one query (and its relations) per claim.
  async function* perClaim(): AsyncGenerator<Claim> {
    let cursor: string | undefined;
    do {
      const page = await listPublishedClaims({ limit: 100, cursor });
      for (const item of page.items) {
        const claim = await getPublishedClaim(item.slug);
        if (claim) yield claim;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async function exportCost(name: string, claimsOf: () => AsyncGenerator<Claim>) {
    const started = performance.now();
    let claims = 0;
    let bytes = 0;
    let firstMs = 0;
    for await (const claim of claimsOf()) {
      if (claims === 0) firstMs = performance.now() - started;
      claims += 1;
      bytes += Buffer.byteLength(serializeJsonLd(buildClaimReview(claim, "https://factcheck.example"))) + 1;
    }
    row([name, claims.toLocaleString("en"), (bytes / 1e6).toFixed(1), Math.round(firstMs), Math.round(performance.now() - started)]);
  }

  console.log(`\nExport of every published claim (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, "//")}), through the data layer`);
  row(["read", "claims", "MB", "first line (ms)", "all (ms)"]);
  row(["---", "---", "---", "---", "---"]);
  await exportCost("batches of 200 (2 queries per batch)", () => iteratePublishedClaims());
  await exportCost("one query per claim (before)", perClaim);
  process.exit(0);
}
