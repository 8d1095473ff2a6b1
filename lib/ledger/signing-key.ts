import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, getEnv, type Env } from "../env";

/** Where a local run keeps its key, beside the session secret (never committed). */
export const LOCAL_SIGNING_KEY_FILE = ".data/ledger-signing-key.pem";

const EXISTS = "already exists; a new key would break every head readers kept";

/**
 * Writes a new Ed25519 private key (PKCS#8 PEM, mode 0600) to `file`, never over an existing one:
 * written aside, then hard-linked into place, so concurrent first runs agree on one whole key.
 */
export function writeNewSigningKey(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync("ed25519");
  const aside = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(aside, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new Error(`${file} ${EXISTS}`, { cause: error });
    throw error;
  } finally {
    unlinkSync(aside);
  }
}

/** A local run's key file, created on first use. */
export function ensureLocalSigningKey(file = LOCAL_SIGNING_KEY_FILE): string {
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    try {
      writeNewSigningKey(file);
    } catch (error) {
      // Another process created it first: use theirs.
      if (!existsSync(/*turbopackIgnore: true*/ file)) throw error;
    }
  }
  return file;
}

function readKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(file));
  } catch (error) {
    throw new ConfigError(`Configuration error: LEDGER_SIGNING_KEY_FILE: cannot read an Ed25519 private key from ${file} (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new ConfigError(`Configuration error: LEDGER_SIGNING_KEY_FILE: ${file} holds a ${key.asymmetricKeyType} key; the public log is signed with Ed25519`);
  }
  return key;
}

/**
 * The key that signs the public log's heads and the audit checkpoints. It lives outside the
 * database: production names its file (LEDGER_SIGNING_KEY_FILE) and refuses to start without it;
 * development and tests keep one in .data/ like the session secret.
 */
export function signingKeyFile(env: Env = getEnv()): string {
  if (env.LEDGER_SIGNING_KEY_FILE) return env.LEDGER_SIGNING_KEY_FILE;
  if (env.NODE_ENV === "production") {
    throw new ConfigError(
      "Configuration error: LEDGER_SIGNING_KEY_FILE is missing; production needs the Ed25519 key that signs the public log (create one with npm run ledger:keygen -- <file>)",
    );
  }
  return ensureLocalSigningKey();
}

/** Start-up's check (instrumentation.ts, scripts/start.ts, scripts/setup.ts): the key is there and is one. */
export function checkSigningKey(env: Env = getEnv()): void {
  signingKeys(env);
}

const cache = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();

export function signingKeys(env: Env = getEnv()): { privateKey: KeyObject; publicKey: KeyObject } {
  const file = signingKeyFile(env);
  let keys = cache.get(file);
  if (!keys) {
    const privateKey = readKey(file);
    keys = { privateKey, publicKey: createPublicKey(privateKey) };
    cache.set(file, keys);
  }
  return keys;
}
