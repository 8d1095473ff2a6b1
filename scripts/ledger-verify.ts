import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { appendCheckpoint, readCheckpoints } from "../lib/audit-checkpoints";
import { verifyLedger } from "../lib/ledger/verify";

// `npm run ledger:verify -- <base-url> [--state <file>]`: checks any claimdesk instance from the
// outside (docs/api.md#verify-us). It keeps the heads it saw (one signed head a line) in the state
// file, and the instance's public key beside it (<file>.key), pinned on first use. Exit code 1 on
// any problem. Needs nothing but this checkout's dependencies: no database, no configuration.
function parseArgs(argv: string[]): { base: string; state: string } {
  const base = argv.find((arg, i) => !arg.startsWith("--") && argv[i - 1] !== "--state");
  if (!base || !/^https?:\/\//.test(base)) throw new Error("Usage: npm run ledger:verify -- <base-url> [--state <file>]");
  const i = argv.indexOf("--state");
  const host = new URL(base).host.replace(/[^a-z0-9.-]/gi, "_");
  return { base, state: i >= 0 && argv[i + 1] ? argv[i + 1]! : path.join(".ledger-verify", `${host}.jsonl`) };
}

try {
  const { base, state } = parseArgs(process.argv.slice(2));
  const keyFile = `${state}.key`;
  const pinned = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : undefined;
  const heads = readCheckpoints(state);
  const result = await verifyLedger(base, { publicKey: pinned, heads });
  for (const problem of result.problems) console.error(`PROBLEM ${problem.kind}${problem.slug ? ` [${problem.slug}]` : ""}: ${problem.message}`);
  if (result.head) {
    appendCheckpoint(state, result.head);
    if (!pinned) {
      const key = (await (await fetch(`${base.replace(/\/+$/, "")}/.well-known/claimdesk-ledger-key`)).json()) as { publicKey: string };
      writeFileSync(keyFile, `${key.publicKey}\n`);
    }
  }
  const summary = `${result.size} log entries, ${result.records} public records recomputed, ${result.claims} public claims, ${heads.length} earlier heads checked (kept in ${state})`;
  if (result.problems.length > 0) {
    console.error(`Ledger NOT verified: ${result.problems.length} problems; ${summary}`);
    process.exitCode = 1;
  } else {
    console.log(`Ledger verified: ${summary}`);
  }
} catch (error) {
  console.error(`ledger:verify: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
