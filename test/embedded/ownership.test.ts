// One owner per embedded database directory: racing openers, a second `npm start`, a killed owner,
// and no acknowledged write lost on the way (issue: two owners silently lost ~32,000 writes).
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../../lib/db/open";
import { connectEmbedded } from "../../lib/db/embedded/connect";
import { claimOwnership, EmbeddedDatabaseBusyError, ownerFile, readLiveOwner, type OwnerRecord } from "../../lib/db/embedded/owner";
import { processStartTime } from "../../lib/db/embedded/process-identity";
import { spawnTs, tempDataDir, type Child } from "./support";
import { freePort } from "../support/ports";

const WRITER = "test/embedded/fixtures/writer.ts";
// One directory for the whole file: migrating a fresh one takes seconds.
const dir = tempDataDir();

after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

async function rowsOf(tag: string): Promise<number[]> {
  const handle = await openDatabase({ kind: "pglite", dir }, { migrate: false });
  try {
    assert.equal(handle.embedded?.isOwner, true, "nothing else runs now: this process owns the directory");
    const rows = await handle.db.loginAttempt.findMany({ where: { email: `writer-${tag}` }, select: { ip: true } });
    return rows.map((r) => Number(r.ip)).sort((a, b) => a - b);
  } finally {
    await handle.close();
  }
}

const ready = (child: Child) => child.waitFor((e) => e.event === "ready" || e.event === "refused");
const done = (child: Child) => child.waitFor((e) => e.event === "done" || e.event === "refused");

test("two processes racing to open a fresh directory: exactly one owns it, the other goes through it, and no acknowledged write is lost", async () => {
  // The owner keeps serving 15 s after its own writes, so the other (which may start writing
  // seconds later on a busy machine) finishes cleanly through it.
  const a = spawnTs(WRITER, [dir, "race-a", "2500", "15000"]);
  const b = spawnTs(WRITER, [dir, "race-b", "2500", "15000"]);
  const [readyA, readyB] = await Promise.all([ready(a), ready(b)]);
  assert.equal(readyA.event, "ready", a.stderr());
  assert.equal(readyB.event, "ready", b.stderr());
  const owners = [readyA, readyB].filter((e) => e.isOwner === true);
  assert.equal(owners.length, 1, `exactly one owner: ${JSON.stringify([readyA, readyB])}`);
  const ownerPid = owners[0]?.ownerPid;
  assert.equal(readyA.ownerPid, ownerPid);
  assert.equal(readyB.ownerPid, ownerPid);

  const [doneA, doneB] = await Promise.all([done(a), done(b)]);
  await Promise.all([a.exited, b.exited]);
  assert.equal(doneA.failure, undefined, String(doneA.failure));
  assert.equal(doneB.failure, undefined, String(doneB.failure));
  assert.ok(Number(doneA.acked) > 0 && Number(doneB.acked) > 0);
  assert.equal(existsSync(ownerFile(dir)), false, "the owner record goes when its owner closes");

  // Reopened: exactly the acknowledged rows, no more, no fewer.
  const expected = (n: number) => Array.from({ length: n }, (_, i) => i);
  assert.deepEqual(await rowsOf("race-a"), expected(Number(doneA.acked)));
  assert.deepEqual(await rowsOf("race-b"), expected(Number(doneB.acked)));
});

test("a live owner is never taken over: npm start beside it stops with a message naming the owner", async () => {
  const owner = spawnTs(WRITER, [dir, "live", "60000"]);
  try {
    const readyEvent = await ready(owner);
    assert.equal(readyEvent.isOwner, true, owner.stderr());
    await assert.rejects(connectEmbedded(dir, { mustOwn: true }), (error: unknown) => {
      assert.ok(error instanceof EmbeddedDatabaseBusyError);
      assert.match(error.message, new RegExp(`in use by process ${owner.process.pid} \\(.*writer\\.ts`));
      assert.match(error.message, /its owner since \d{4}-\d\d-\d\dT/);
      return true;
    });
    // The real entry point: fails before it builds anything, exit code 1, the owner unharmed.
    const start = spawnTs("scripts/start.ts", ["--no-build"], { DATABASE_URL: "", PGLITE_DIR: dir, PORT: String(await freePort()), NEXTAUTH_SECRET: "x".repeat(40) });
    assert.equal(await start.exited, 1);
    assert.match(start.stderr(), new RegExp(`in use by process ${owner.process.pid}`));
    assert.match(start.stderr(), /Is claimdesk already running\? Stop it first/);
    assert.equal(readLiveOwner(dir)?.pid, owner.process.pid);
    assert.equal(owner.process.exitCode, null, "the owner still runs");
  } finally {
    owner.process.kill("SIGTERM");
    await owner.exited;
  }
});

test("SIGKILL of the owner in the middle of writes: the next opener takes over the stale lock and every acknowledged write is there", async () => {
  const owner = spawnTs(WRITER, [dir, "killed", "60000"]);
  const readyEvent = await ready(owner);
  assert.equal(readyEvent.isOwner, true, owner.stderr());
  await owner.waitFor((e) => e.event === "ack" && Number(e.acked) >= 300);
  owner.process.kill("SIGKILL");
  await owner.exited;
  const acked = Math.max(...owner.events.filter((e) => e.event === "ack").map((e) => Number(e.acked)));

  // The record is still there, naming a process that no longer exists.
  const stale = JSON.parse(readFileSync(ownerFile(dir), "utf8")) as OwnerRecord;
  assert.equal(stale.pid, owner.process.pid);
  assert.equal(readLiveOwner(dir), null);
  assert.ok(stale.socketDir && existsSync(stale.socketDir), "the killed owner's socket folder is left behind");

  const rows = await rowsOf("killed");
  assert.equal(existsSync(stale.socketDir), false, "taking over removes it");
  assert.ok(rows.length >= acked, `${rows.length} rows, ${acked} acknowledged`);
  assert.deepEqual(rows.slice(0, acked), Array.from({ length: acked }, (_, i) => i), "every acknowledged write is present");
});

test("a record whose PID runs but started at another time is stale (a reused PID); the same PID and start time is live", async () => {
  const file = ownerFile(dir);
  const parent = process.ppid;
  const base = { command: "an older owner", since: new Date(0).toISOString(), dir };
  writeFileSync(file, JSON.stringify({ ...base, pid: parent, startTime: `${processStartTime(parent)}-but-another-start` }));
  const taken = await claimOwnership(dir);
  assert.ok("claimed" in taken, "a reused PID is not the owner");
  taken.claimed.release();

  writeFileSync(file, JSON.stringify({ ...base, pid: parent, startTime: processStartTime(parent) }));
  const refused = await claimOwnership(dir);
  assert.ok("owner" in refused && refused.owner.pid === parent, "a live owner is kept");
  rmSync(file);
});
