import "server-only";
import { enterDatabaseWork, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/availability";
import { loggerFor, requestIdOf } from "../log";
import { CORS_HEADERS } from "./http";

/** 503 with Retry-After: the database is saturated or restarting; nothing was changed. */
export function unavailableResponse(): Response {
  const body = JSON.stringify({ error: { code: "UNAVAILABLE", message: "The service is busy or restarting. Retry shortly." } });
  return new Response(body, {
    status: 503,
    headers: {
      ...CORS_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
    },
  });
}

function internalErrorResponse(requestId: string): Response {
  const body = JSON.stringify({ error: { code: "INTERNAL", message: `Something went wrong (reference ${requestId}).` } });
  return new Response(body, { status: 500, headers: { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Wraps a public Route Handler: one log line per request (method, path, status, duration, request
 * id), a database that cannot take the request → 503 + Retry-After, anything unexpected → logged
 * and a 500 JSON body that names the request id.
 */
export function withRoute<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const log = loggerFor(requestId);
    const { pathname } = new URL(request.url);
    let response: Response;
    let release: (() => void) | undefined;
    try {
      release = enterDatabaseWork();
      response = await handler(request, ...rest);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        log.warn({ event: "http.unavailable", err: error }, "database unavailable");
        response = unavailableResponse();
      } else {
        log.error({ event: "http.error", err: error }, "route failed");
        response = internalErrorResponse(requestId);
      }
    } finally {
      release?.();
    }
    log.info({ event: "http", method: request.method, path: pathname, status: response.status, durationMs: Math.round(performance.now() - started) }, "request");
    return response;
  };
}
