import { createPublicKey, createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { keyIdOf, rawPublicKey } from "../lib/ledger/format";
import { writeNewSigningKey } from "../lib/ledger/signing-key";
import { runCli } from "./cli";

// `npm run ledger:keygen -- <file>`: a new Ed25519 signing key for production (LEDGER_SIGNING_KEY_FILE).
await runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run ledger:keygen -- <file>");
  writeNewSigningKey(file);
  const publicKey = createPublicKey(createPrivateKey(readFileSync(file)));
  console.log(`Wrote ${file} (keep it outside the database and its backups; mode 0600).`);
  console.log(`Public key (publish it): ${rawPublicKey(publicKey)}  key id ${keyIdOf(publicKey)}`);
});
