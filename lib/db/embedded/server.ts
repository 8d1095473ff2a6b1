import { randomBytes, createHash, timingSafeEqual } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/*
 * The owner serves its PGlite to other processes over the PostgreSQL wire protocol, so the app,
 * every CLI, psql and pg_dump reach it with the same `pg` driver as a real server.
 *
 * pglite-socket's server multiplexes connections onto PGlite's single session but has no
 * authentication, and its multiplexer can interleave two connections' extended-protocol messages
 * (Parse/Bind/Execute/Sync): under concurrent load a query ran on another connection's portal
 * ("portal \"\" does not exist", or another query's rows). So it listens on a Unix socket in a
 * private (0700) temporary directory, and clients use a loopback TCP port in front of it that
 *  - asks for a password (kept in the owner record, readable by this OS user only), and
 *  - gives the session to one connection at a time: from a connection's first message until
 *    PGlite answers ReadyForQuery "idle", so a whole request, and a whole transaction, runs alone.
 */

export type EmbeddedServer = { url: string; socketDir: string; close(): Promise<void> };

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const USER = "claimdesk";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function fatal(code: string, text: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C${code}`, `M${text}`].map((f) => Buffer.from(`${f}\0`, "utf8"));
  return message("E", Buffer.concat([...fields, Buffer.from([0])]));
}

/**
 * Reads the start-up packet (answering SSL/GSS requests with "no"), asks for the password and
 * checks it. Resolves with the start-up packet to hand on, or null when the client was refused.
 */
function authenticate(socket: net.Socket, password: string): Promise<Buffer | null> {
  const expected = digest(password);
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    let startup: Buffer | null = null;
    const done = (result: Buffer | null) => {
      socket.removeListener("data", onData);
      socket.removeListener("error", onEnd);
      socket.removeListener("close", onEnd);
      if (!result) socket.destroy();
      resolve(result);
    };
    const refuse = (code: string, text: string) => {
      socket.end(fatal(code, text));
      done(null);
    };
    const onEnd = () => done(null);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (!startup && buffer.length >= 8) {
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (length === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
          socket.write("N");
          buffer = buffer.subarray(8);
          continue;
        }
        if (code === CANCEL_REQUEST) return done(null); // PGlite cannot cancel a running statement.
        if (code !== PROTOCOL_3 || length > 10_000) return refuse("08P01", "unsupported start-up packet");
        if (buffer.length < length) return;
        startup = Buffer.from(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        // AuthenticationCleartextPassword: loopback only, the password never leaves this machine.
        const ask = Buffer.alloc(4);
        ask.writeInt32BE(3);
        socket.write(message("R", ask));
      }
      if (!startup || buffer.length < 5) return;
      if (buffer.toString("latin1", 0, 1) !== "p") return refuse("08P01", "expected a password message");
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      const given = buffer.toString("utf8", 5, length).replace(/\0$/, "");
      if (!timingSafeEqual(digest(given), expected)) {
        return refuse("28P01", `password authentication failed for the embedded database (the password is in its .owner.json)`);
      }
      done(startup);
    };
    socket.on("data", onData);
    socket.once("error", onEnd);
    socket.once("close", onEnd);
  });
}

/** A first-come, first-served lock over PGlite's one session. */
class SessionLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
const ROLLBACK = message("Q", Buffer.from("ROLLBACK\0", "latin1"));

/** Splits a stream of typed protocol messages (type byte, int32 length) into their types. */
function framer(onMessage: (type: number, first: number | undefined) => void): (chunk: Buffer) => void {
  let tail: Buffer = Buffer.alloc(0);
  return (chunk) => {
    tail = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    while (tail.length >= 5) {
      const size = tail.readInt32BE(1) + 1;
      if (tail.length < size) break;
      onMessage(tail[0] ?? 0, tail[5]);
      tail = tail.subarray(size);
    }
  };
}

const [SYNC_TYPE, QUERY_TYPE, READY_TYPE, IDLE] = [0x53, 0x51, 0x5a, 0x49]; // S Q Z I

/**
 * Relays one authenticated connection to the inner server, holding `lock` from the moment the
 * client sends something until PGlite has answered every Sync and Query it was sent and is idle
 * (ReadyForQuery "I"), so no other connection's message lands in the middle.
 */
function relay(client: net.Socket, upstream: net.Socket, lock: SessionLock, startup: Buffer): void {
  let holding = false;
  let queued = false;
  let pending: Buffer[] = [startup];
  let closed = false;
  // ReadyForQuery answers still to come: one for the start-up packet, one per Sync or Query.
  let awaiting = 1;
  let idle = false;

  const release = () => {
    if (!holding) return;
    holding = false;
    lock.release();
  };
  const flush = () => {
    if (queued || holding || pending.length === 0) return;
    queued = true;
    void lock.acquire().then(() => {
      queued = false;
      holding = true;
      if (closed) {
        release();
        return;
      }
      upstream.write(Buffer.concat(pending));
      pending = [];
    });
  };
  const countSent = framer((type) => {
    if (type === SYNC_TYPE || type === QUERY_TYPE) awaiting += 1;
  });
  const countAnswered = framer((type, status) => {
    if (type !== READY_TYPE) return;
    awaiting -= 1;
    idle = status === IDLE;
    if (awaiting > 0 || !idle) return;
    if (closed) {
      release();
      upstream.destroy();
      return;
    }
    release();
    flush();
  });

  client.on("data", (chunk: Buffer) => {
    countSent(chunk);
    if (holding) upstream.write(chunk);
    else {
      pending.push(chunk);
      flush();
    }
  });
  upstream.on("data", (chunk: Buffer) => {
    if (!closed) client.write(chunk);
    countAnswered(chunk);
  });
  client.on("close", () => {
    closed = true;
    pending = [];
    if (!holding) {
      upstream.destroy();
      return;
    }
    // It left in the middle of a request or a transaction: end both before anyone else goes.
    awaiting += 2;
    upstream.write(Buffer.concat([SYNC, ROLLBACK]));
  });
  upstream.on("close", () => {
    release();
    client.destroy();
  });
  upstream.on("error", () => upstream.destroy());
  client.on("error", () => client.destroy());
  flush();
}

/** Serves `pglite` on 127.0.0.1 (a random port) behind a random password. */
export async function serveEmbedded(pglite: PGlite): Promise<EmbeddedServer> {
  const privateDir = mkdtempSync(path.join(tmpdir(), "claimdesk-pglite-"));
  const innerPath = path.join(privateDir, "socket");
  const inner = new PGLiteSocketServer({ db: pglite, path: innerPath, maxConnections: 1000 });
  await inner.start();

  const password = randomBytes(24).toString("base64url");
  const lock = new SessionLock();
  const open = new Set<net.Socket>();
  const front = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.once("error", () => client.destroy());
    void authenticate(client, password).then((startup) => {
      if (!startup) return;
      const upstream = net.connect(innerPath);
      open.add(upstream);
      upstream.on("close", () => open.delete(upstream));
      upstream.setNoDelay(true);
      client.setNoDelay(true);
      relay(client, upstream, lock, startup);
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(0, "127.0.0.1", () => resolve());
  });
  const address = front.address() as net.AddressInfo;

  return {
    url: `postgresql://${USER}:${password}@127.0.0.1:${address.port}/postgres`,
    socketDir: privateDir,
    async close() {
      await new Promise<void>((resolve) => {
        front.close(() => resolve());
        for (const socket of open) socket.destroy();
      });
      await inner.stop();
      rmSync(privateDir, { recursive: true, force: true });
    },
  };
}
