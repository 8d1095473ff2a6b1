import "server-only";
import { enterDatabaseWork, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/availability";
import { loggerFor, requestIdOf } from "../log";
import { admit } from "./fair-use";
import { errorResponse } from "./http";

/** 503 with Retry-After: the database is saturated or restarting; nothing was changed. */
export function unavailableResponse(): Response {
  const response = errorResponse("UNAVAILABLE", "The service is busy or restarting. Retry shortly.", 503);
  response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return response;
}

function internalErrorResponse(requestId: string): Response {
  return errorResponse("INTERNAL", `Something went wrong (reference ${requestId}).`, 500);
}

/**
 * Wraps a public Route Handler: one log line per request (method, path, status, duration, request
 * id), the fair-use limit per client address (./fair-use: 429 + Retry-After over it), a database
 * that cannot take the request → 503 + Retry-After, anything unexpected → logged and a 500 JSON
 * body that names the request id.
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
      const admission = await admit(request);
      if (admission?.refused) {
        response = admission.refused;
      } else {
        release = enterDatabaseWork();
        response = await handler(request, ...rest);
        if (admission) response = await admission.settle(response);
      }
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
