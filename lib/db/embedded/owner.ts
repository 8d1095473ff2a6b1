import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { isSameProcessAlive, processStartTime } from "./process-identity";

/*
 * Exactly one process owns an embedded database directory. The owner is recorded in
 * `<dir>.owner.json` (PID, process start time, command, since when, and once it serves, the
 * address and password of its socket). A record whose PID is gone, or now belongs to a process
 * that started at another time, was left by a killed owner: it is stale and taken over. A live
 * owner is never taken over.
 *
 * Reading the record and replacing it happen under a short proper-lockfile lock, so two processes
 * that find the directory free (or the record stale) at the same moment cannot both claim it.
 */

export type OwnerRecord = {
  pid: number;
  startTime: string;
  command: string;
  since: string;
  dir: string;
  /** postgresql://… of the owner's socket, with its password; absent while the owner starts. */
  url?: string;
  /** The private folder of the socket behind it, removed when a stale record is taken over. */
  socketDir?: string;
};

export type Claim = {
  record: OwnerRecord;
  /** Records the socket address once the owner serves it. */
  publish(url: string, socketDir: string): void;
  release(): void;
};

export type ClaimResult = { claimed: Claim } | { owner: OwnerRecord };

export function ownerFile(dir: string): string {
  return `${path.resolve(dir)}.owner.json`;
}

function readRecord(file: string): OwnerRecord | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as OwnerRecord;
  } catch {
    return null;
  }
}

// Written whole to a temporary file and renamed, so a reader never sees half a record.
function writeRecord(file: string, record: OwnerRecord): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

function isLive(record: OwnerRecord): boolean {
  return isSameProcessAlive(record.pid, record.startTime);
}

function describeCommand(): string {
  const script = process.argv[1] ? path.relative(process.cwd(), process.argv[1]) : "node";
  const event = process.env.npm_lifecycle_event;
  return [event ? `npm run ${event}:` : "", script, ...process.argv.slice(2)].filter(Boolean).join(" ");
}

/** The current owner, when one is alive. */
export function readLiveOwner(dir: string): OwnerRecord | null {
  const record = readRecord(ownerFile(dir));
  return record && isLive(record) ? record : null;
}

/**
 * Claims the directory for this process, or names the live owner. A stale record (its process
 * is gone) is replaced.
 */
export async function claimOwnership(dir: string): Promise<ClaimResult> {
  const file = ownerFile(dir);
  mkdirSync(path.dirname(file), { recursive: true });
  const unlock = await lockfile.lock(file, {
    realpath: false,
    lockfilePath: `${file}.lock`,
    // Held for a few file operations only; a holder killed inside them leaves it stale after 10 s.
    stale: 10_000,
    retries: { retries: 100, minTimeout: 20, maxTimeout: 200 },
  });
  try {
    const current = readRecord(file);
    if (current && isLive(current) && current.pid !== process.pid) return { owner: current };
    // A killed owner could not remove its socket's folder (only ever one of ours under tmpdir).
    if (current?.socketDir?.startsWith(path.join(tmpdir(), "claimdesk-pglite-"))) rmSync(current.socketDir, { recursive: true, force: true });
    const startTime = processStartTime(process.pid);
    if (!startTime) throw new Error("cannot read this process's start time (needed to own the embedded database)");
    const record: OwnerRecord = { pid: process.pid, startTime, command: describeCommand(), since: new Date().toISOString(), dir: path.resolve(dir) };
    writeRecord(file, record);
    return { claimed: makeClaim(file, record) };
  } finally {
    await unlock();
  }
}

function makeClaim(file: string, record: OwnerRecord): Claim {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    // Only our own record is removed; nobody replaces a live owner's record, so no lock is needed.
    const current = readRecord(file);
    if (current?.pid === record.pid && current.startTime === record.startTime) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
  };
  process.once("exit", release);
  return {
    record,
    publish(url: string, socketDir: string) {
      Object.assign(record, { url, socketDir });
      writeRecord(file, record);
    },
    release,
  };
}

export class EmbeddedDatabaseBusyError extends Error {
  override name = "EmbeddedDatabaseBusyError";
  constructor(
    readonly owner: OwnerRecord,
    advice: string,
  ) {
    super(`The embedded database ${owner.dir} is in use by process ${owner.pid} (${owner.command}), its owner since ${owner.since}. ${advice}`);
  }
}
