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

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  PGLITE_DIR: z.string().default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be a URL").optional(),
  PUBLIC_BASE_URL: z.string().url("PUBLIC_BASE_URL must be a URL").default("http://localhost:3000"),
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
