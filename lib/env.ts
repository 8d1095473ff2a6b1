import { z } from "zod";

/**
 * Configuration, parsed once. A missing or malformed value stops start-up with one message that
 * names it (see scripts/setup.ts and instrumentation.ts).
 */
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "DATABASE_URL must look like postgresql://user@host:5432/database");

const positiveInt = (fallback: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int("must be a whole number").positive("must be positive").default(fallback));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  PGLITE_DIR: z.string().default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be a URL").optional(),
  PUBLIC_BASE_URL: z.string().url("PUBLIC_BASE_URL must be a URL").default("http://localhost:3000"),
  // Connection pool (PostgreSQL only). Every wait is bounded so no request can hang on the database.
  DATABASE_POOL_MAX: positiveInt(10),
  /** How long a request waits for a pooled connection (or a new one) before it gets a 503. */
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: positiveInt(3000),
  /** Requests allowed to queue for a connection; beyond that they get a 503 at once. */
  DATABASE_POOL_QUEUE_MAX: positiveInt(100),
  /** Server-side limit per statement (PostgreSQL statement_timeout). */
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(15000),
  /** Client-side limit per query, a little above the statement timeout (covers a dead server). */
  DATABASE_QUERY_TIMEOUT_MS: positiveInt(20000),
  /** A transaction left idle this long is ended by the server, releasing its locks. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt(30000),
  /** Shown in pg_stat_activity, so operators (and the fault tests) can tell the app's sessions apart. */
  DATABASE_APPLICATION_NAME: z.string().trim().min(1).max(63).default("claimdesk"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

// Development and tests only. `npm start` (scripts/start.ts) generates a per-machine secret in .data/.
const DEVELOPMENT_SECRET = "claimdesk-development-secret-do-not-use-in-production";

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Configuration error: ${name}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The session-signing secret. Production refuses to run without one. */
export function getAuthSecret(env: Env = getEnv()): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new ConfigError(
      "Configuration error: NEXTAUTH_SECRET is missing; production needs a secret of at least 32 characters",
    );
  }
  return DEVELOPMENT_SECRET;
}

/** Everything start-up must refuse, checked at once (instrumentation.ts, scripts/start.ts). */
export function checkStartupConfig(source: NodeJS.ProcessEnv = process.env): Env {
  const env = parseEnv(source);
  getAuthSecret(env);
  return env;
}
