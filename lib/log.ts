import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

/*
 * Structured logs: one JSON object per line on stdout (no transports, so no worker threads), each
 * with a `requestId`. Inside a request the id comes from the `x-request-id` header that proxy.ts
 * sets; outside one (start-up, pool events, scripts, tests) a fresh id is made. Secrets never reach
 * a line: known fields are redacted and connection strings are stripped of their credentials.
 */

export type { Logger };

const REDACT_PATHS = [
  "password",
  "passwordHash",
  "newPassword",
  "currentPassword",
  "*.password",
  "*.passwordHash",
  "*.newPassword",
  "*.currentPassword",
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
  "cookie",
  "authorization",
  "NEXTAUTH_SECRET",
  "*.NEXTAUTH_SECRET",
  "DATABASE_URL",
  "*.DATABASE_URL",
  "connectionString",
  "*.connectionString",
];

/** `postgresql://user:secret@host` → `postgresql://user:[redacted]@host`, anywhere in a string. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, "$1[redacted]@")
    .replace(/\bscrypt\$\d+\$\d+\$\d+\$[^\s"]+|\$argon2[a-z]*\$[^\s"]+|\$2[aby]\$[^\s"]+/g, "[redacted hash]");
}

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubSecrets(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: scrubSecrets(error.message),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    stack: error.stack ? scrubSecrets(error.stack) : undefined,
    ...(error.cause ? { cause: serializeError(error.cause) } : {}),
  };
}

function level(): pino.LevelWithSilent {
  const value = process.env.LOG_LEVEL;
  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
  if (value && levels.includes(value)) return value as pino.LevelWithSilent;
  return process.env.NODE_ENV === "test" ? "warn" : "info";
}

function createRootLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: level(),
      base: { service: "claimdesk" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      // Messages are free text: strip credentials and password hashes from them too.
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg: unknown) => (typeof arg === "string" ? scrubSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const globalForLog = globalThis as unknown as { claimdeskLogger?: Logger };

function root(): Logger {
  globalForLog.claimdeskLogger ??= createRootLogger();
  return globalForLog.claimdeskLogger;
}

/** Tests: send every line to `destination` (a stream they read back) at the given level. */
export function setLogDestination(destination: DestinationStream, options: { level?: pino.LevelWithSilent } = {}): void {
  globalForLog.claimdeskLogger = createRootLogger(destination);
  if (options.level) globalForLog.claimdeskLogger.level = options.level;
}

/** A new id for work that is not an HTTP request (start-up, pool events, scripts). */
export function newRequestId(): string {
  return randomUUID();
}

/** A logger whose every line carries `requestId`. */
export function loggerFor(requestId: string, bindings: Record<string, unknown> = {}): Logger {
  return root().child({ requestId, ...bindings });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of the current request (`x-request-id`, set by proxy.ts), or a new one outside a request.
 * `headers()` throws outside a request scope (scripts, tests) and inside cached scopes.
 */
export async function currentRequestId(): Promise<string> {
  try {
    const { headers } = await import("next/headers");
    const id = (await headers()).get("x-request-id");
    if (id && REQUEST_ID.test(id)) return id;
  } catch {
    // not in a request
  }
  return newRequestId();
}

/** The logger for the current request (see currentRequestId). */
export async function requestLogger(bindings: Record<string, unknown> = {}): Promise<Logger> {
  return loggerFor(await currentRequestId(), bindings);
}

/** The id a route handler should use for `request`: the proxy's header, else a new one. */
export function requestIdOf(request: Request): string {
  const id = request.headers.get("x-request-id");
  return id && REQUEST_ID.test(id) ? id : newRequestId();
}

/** For events outside any request: each line gets its own id. */
export function systemLog(): Logger {
  return loggerFor(newRequestId(), { scope: "system" });
}
