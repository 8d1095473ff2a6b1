import { z } from "zod";

/**
 * Configuration, parsed once. A missing or malformed value stops start-up with one message that
 * names it (see scripts/setup.ts and instrumentation.ts).
 */
const postgresUrl = (name: string) => z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, `${name} must look like postgresql://user@host:5432/database`);

const positiveInt = (fallback: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int("must be a whole number").positive("must be positive").default(fallback));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl("DATABASE_URL").optional()),
  /**
   * Runs the migrations (the tables' owner; it creates the app role claimdesk_app). Unset: DATABASE_URL
   * migrates too, which is for local use (docs/deployment.md#2-database-and-roles).
   */
  DATABASE_MIGRATION_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl("DATABASE_MIGRATION_URL").optional()),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** The Ed25519 private key (PKCS#8 PEM) that signs the public log's heads; required in production. */
  LEDGER_SIGNING_KEY_FILE: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /** Where `npm run audit:checkpoint` appends signed checkpoints (outside the database). */
  AUDIT_CHECKPOINT_FILE: z.string().default(".data/audit-checkpoints.jsonl"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be a URL").optional(),
  /** Where readers reach the site: every link in feeds, JSON-LD, the API and the export. See publicBaseUrl. */
  PUBLIC_BASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .url("PUBLIC_BASE_URL must be a URL such as https://factcheck.example")
      .refine((v) => /^https?:\/\//.test(v), "PUBLIC_BASE_URL must start with http:// or https://")
      .optional(),
  ),
  PORT: z.string().regex(/^\d{1,5}$/, "PORT must be a port number").optional(),
  /** Where the page cache asks this instance for a page it renders (default: the address Next serves on). */
  PAGE_RENDER_ORIGIN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^https?:\/\/[^/?#]+$/, "PAGE_RENDER_ORIGIN must be an origin such as http://127.0.0.1:3000").optional(),
  ),
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
  /**
   * How many proxies in front of the app append to X-Forwarded-For (0: none, the socket's address is
   * the client's). Only raise it when every request passes through that many proxies you run.
   */
  TRUSTED_PROXY_HOPS: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    z.number().int("must be a whole number").min(0, "must be 0 or more").max(5, "must be at most 5").default(0),
  ),
  /** Readers' suggestions and correction requests (docs/readers.md): submissions per address and in all, per window. */
  READER_LIMIT_PER_ADDRESS: positiveInt(5),
  READER_LIMIT_GLOBAL: positiveInt(300),
  READER_LIMIT_WINDOW_MINUTES: positiveInt(60),
  /** Readers' e-mail addresses are deleted this many days after their request arrived (npm run readers:purge). */
  READER_EMAIL_RETENTION_DAYS: positiveInt(90),
  /** Optional: smtp://user:pass@host:587 to tell readers when their correction request was answered. Unset: no mail is sent. */
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional()),
  SMTP_FROM: z.string().trim().min(3).default("claimdesk <corrections@localhost>"),
  /** "1": also e-mail each desk notification (through SMTP_URL) to its recipient. Off by default, so SMTP for readers does not mail the desk. */
  DESK_NOTIFICATION_EMAILS: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
  /** Load the demo story and accounts (and allow their published passwords) outside the embedded database. */
  CLAIMDESK_DEMO: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
  /**
   * Fair use of the public API, feeds and exports (docs/api.md#fair-use): requests per client
   * address per window. The exports are whole-ledger files, so their window is longer.
   */
  RATE_LIMIT_API_REQUESTS: positiveInt(300),
  RATE_LIMIT_API_WINDOW_SECONDS: positiveInt(60),
  RATE_LIMIT_EXPORT_REQUESTS: positiveInt(60),
  RATE_LIMIT_EXPORT_WINDOW_SECONDS: positiveInt(3600),
  /**
   * Optional: redis://host:6379/0, shared by every instance for Next's data cache (next.config.js,
   * lib/cache/redis-cache-handler.js) and the fair-use counters. Unset: each process caches and counts alone.
   */
  REDIS_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional()),
  /** Prefix of every key the app writes in Redis, so several deployments (or tests) can share one server. */
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "REDIS_KEY_PREFIX may hold letters, digits, _ : . - (at most 64)").default("claimdesk:"),
  /** The licence the newsroom publishes its data under (the /data page, the exports' Dataset description, the OpenAPI info). */
  DATA_LICENSE_NAME: z.string().trim().min(1).max(200).default("CC BY 4.0"),
  DATA_LICENSE_URL: z.string().url("DATA_LICENSE_URL must be a URL").default("https://creativecommons.org/licenses/by/4.0/"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The parsed configuration, with PUBLIC_BASE_URL always resolved (see publicBaseUrl). */
export type Env = Omit<z.infer<typeof envSchema>, "PUBLIC_BASE_URL"> & { PUBLIC_BASE_URL: string };

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
  return { ...result.data, PUBLIC_BASE_URL: publicBaseUrl(result.data) };
}

/**
 * Production must say where readers reach it: a wrong default would publish feeds, JSON-LD and
 * export links to somebody else's host. Locally (development, tests, `npm start`, which sets it
 * before switching to production mode) it is this machine on the port actually served.
 */
function publicBaseUrl(env: { NODE_ENV: string; PUBLIC_BASE_URL?: string; PORT?: string }): string {
  if (env.PUBLIC_BASE_URL) return env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  if (env.NODE_ENV === "production") {
    throw new ConfigError(
      "Configuration error: PUBLIC_BASE_URL is missing; production needs the address readers use, such as https://factcheck.example",
    );
  }
  return `http://localhost:${env.PORT ?? "3000"}`;
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
