import { test } from "node:test";
import assert from "node:assert/strict";
import { appendSocketAddress, clientAddress } from "./client-address";
import type { IncomingMessage } from "node:http";

const request = (headers: Record<string, string>, remoteAddress = "203.0.113.9") =>
  ({ headers: { ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage;

test("with no trusted proxy the socket's address wins over anything the client sends", () => {
  for (const forged of [undefined, "1.2.3.4", "1.2.3.4, 5.6.7.8", "", "garbage"]) {
    const req = request(forged === undefined ? {} : { "x-forwarded-for": forged });
    appendSocketAddress(req);
    assert.equal(clientAddress(req.headers["x-forwarded-for"], 0), "203.0.113.9");
  }
});

test("one trusted proxy: the address that proxy appended, not the client's own entries", () => {
  // The client forged 1.2.3.4; the proxy appended the client's real address; the socket is the proxy.
  const req = request({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }, "10.0.0.2");
  appendSocketAddress(req);
  assert.equal(clientAddress(req.headers["x-forwarded-for"], 1), "198.51.100.7");
  // More hops trusted than entries: the leftmost, never undefined.
  assert.equal(clientAddress("10.0.0.2", 3), "10.0.0.2");
  assert.equal(clientAddress(undefined, 0), "unknown");
});
