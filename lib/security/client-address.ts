import type { IncomingMessage } from "node:http";

/*
 * Where a request comes from, for the sign-in limits. Next keeps a client's own X-Forwarded-For
 * (it only fills the header when absent), so anyone could name any address. At start-up
 * (instrumentation.ts) the HTTP server is taught to append the socket's peer address to the
 * header, as a proxy does; the app then reads the entry TRUSTED_PROXY_HOPS places from the right:
 * 0 (the default) is the socket itself, 1 the address the one proxy in front saw, and so on.
 */

/** Appends the socket's address to X-Forwarded-For on every request the process serves. */
export function appendSocketAddress(request: IncomingMessage): void {
  const peer = request.socket?.remoteAddress ?? "unknown";
  const existing = request.headers["x-forwarded-for"];
  const list = Array.isArray(existing) ? existing.join(", ") : existing;
  request.headers["x-forwarded-for"] = list ? `${list}, ${peer}` : peer;
}

let installed = false;

/** Patches http.Server so every "request" event gets appendSocketAddress first (once per process). */
export function installSocketAddressHeader(http: typeof import("node:http")): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") appendSocketAddress(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/** The client's address: the X-Forwarded-For entry `trustedHops` places from the right. */
export function clientAddress(forwardedFor: unknown, trustedHops: number): string {
  const list = typeof forwardedFor === "string" ? forwardedFor.split(",").map((s) => s.trim()).filter(Boolean) : [];
  return list[Math.max(0, list.length - 1 - trustedHops)] ?? "unknown";
}
