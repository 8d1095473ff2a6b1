import { openPglite } from "../connect";
import { claimOwnership, EmbeddedDatabaseBusyError, type Claim, type OwnerRecord } from "./owner";
import { serveEmbedded } from "./server";

/*
 * How a process reaches the embedded database: through its owner's socket when another process
 * owns the directory, or by becoming the owner (open PGlite, serve it, record the address) when
 * nobody does. Either way the caller gets a postgresql:// URL for the `pg` driver.
 */

export type EmbeddedConnection = {
  url: string;
  /** True when this process owns the directory (and serves it until close). */
  isOwner: boolean;
  owner: OwnerRecord;
  close(): Promise<void>;
};

export type ConnectOptions = {
  /** Refuse to go through another process (the long-running servers: npm start, npm run dev). */
  mustOwn?: boolean;
  /** What to tell the user when `mustOwn` and another process owns the directory. */
  advice?: string;
  /** How long to wait for an owner that is still opening the database to serve it. */
  waitMs?: number;
};

const DEFAULT_ADVICE =
  "Only one process may open it: stop that process first, or run this command while it runs and it goes through it. Several app instances need PostgreSQL (DATABASE_URL).";

export async function connectEmbedded(dir: string, options: ConnectOptions = {}): Promise<EmbeddedConnection> {
  // Opening and migrating a fresh directory can take minutes on a busy machine.
  const deadline = Date.now() + (options.waitMs ?? 300_000);
  for (;;) {
    const result = await claimOwnership(dir);
    if ("claimed" in result) return becomeOwner(dir, result.claimed);
    const { owner } = result;
    if (options.mustOwn) throw new EmbeddedDatabaseBusyError(owner, options.advice ?? DEFAULT_ADVICE);
    if (owner.url) return { url: owner.url, isOwner: false, owner, close: async () => {} };
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseBusyError(owner, "It has not started serving it yet; try again in a moment, or stop that process.");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function becomeOwner(dir: string, claim: Claim): Promise<EmbeddedConnection> {
  try {
    const pglite = await openPglite(dir);
    const server = await serveEmbedded(pglite);
    claim.publish(server.url, server.socketDir);
    let closing: Promise<void> | undefined;
    return {
      url: server.url,
      isOwner: true,
      owner: claim.record,
      close() {
        closing ??= (async () => {
          await server.close();
          await pglite.close();
          claim.release();
        })();
        return closing;
      },
    };
  } catch (error) {
    claim.release();
    throw error;
  }
}
