import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { canonicalJson } from "../../lib/ledger/canonical";
import { entryHash, GENESIS, recordDigest } from "../../lib/ledger/format";
import { appendPendingPublications, readLog, readPublicRecord } from "../../lib/ledger/log";
import { testDb, throwawayDatabase } from "../support/db";
import { createClaim, createUser } from "../support/factories";
import { publishVerdict, retractPublishedClaim, type People } from "./ledger-fixtures";

describe("canonical JSON (RFC 8785)", () => {
  test("sorts keys by UTF-16 code units, drops whitespace, writes numbers as ECMAScript does", () => {
    assert.equal(canonicalJson({ b: [1e21, 0.1, -0], a: { "€": 1, "\r": 2, "1": 3 }, c: "\u20ac\n" }), '{"a":{"\\r":2,"1":3,"€":1},"b":[1e+21,0.1,0],"c":"€\\n"}');
    // RFC 8785 §3.2.3's ordering example.
    assert.equal(canonicalJson({ "\u20ac": 0, "\r": 0, "\ufb33": 0, "1": 0, "\u{1f600}": 0, "\u0080": 0, "\u00f6": 0 }), '{"\\r":0,"1":0,"\u0080":0,"\u00f6":0,"\u20ac":0,"\u{1f600}":0,"\ufb33":0}');
  });
});

describe("the public log of publications", () => {
  test("every publication event is appended in order, linked, with the digest of the record readers fetch", async () => {
    const db = await testDb();
    const people: People = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
    const claim = await createClaim(db);
    const first = await publishVerdict(db, people, claim.id, { rating: "FALSE" });
    await publishVerdict(db, people, claim.id, { rating: "TRUE", supersedes: { id: first, note: "Wrong city." } });
    await retractPublishedClaim(db, claim.id, { note: "Retracted.", by: people.reviewer });

    const entries = (await readLog(db, { after: 0, limit: 100_000 })).filter((e) => e.slug === claim.slug);
    assert.deepEqual(entries.map((e) => [e.version, e.kind, e.rating]), [[1, "ORIGINAL", "FALSE"], [2, "CORRECTION", "TRUE"], [3, "RETRACTION", "TRUE"]]);
    for (const entry of entries) {
      const record = await readPublicRecord(db, claim.slug, entry.version);
      assert.ok(record);
      assert.equal(entry.digest, createHash("sha256").update(canonicalJson(record), "utf8").digest("hex"));
      assert.equal(entry.digest, recordDigest(record));
      const { hash, ...rest } = entry;
      assert.equal(hash, entryHash(rest));
    }
    // The whole log is one chain.
    const all = await readLog(db, { after: 0, limit: 100_000 });
    all.forEach((entry, i) => {
      assert.equal(entry.seq, i + 1);
      assert.equal(entry.prevHash, i === 0 ? GENESIS : all[i - 1]!.hash);
    });
  });

  test("publications written without their entry (before the log, or by hand) are appended by the next catch-up", async (t) => {
    // Tampering (triggers off): on a database of its own, the shared one keeps a whole log.
    const { db, drop } = await throwawayDatabase("claimdesk_log");
    t.after(drop);
    const people: People = { author: await createUser(db, "FACT_CHECKER"), reviewer: await createUser(db, "EDITOR") };
    const claim = await createClaim(db);
    await publishVerdict(db, people, claim.id, { rating: "MIXED" });
    const publication = await db.publication.findFirstOrThrow({ where: { claimId: claim.id } });
    // As a superuser, the entry vanishes; the catch-up puts a new one at the end.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRaw`DELETE FROM publication_log WHERE publication_id = ${publication.id}::uuid`;
    });
    assert.equal(await db.$transaction((tx) => appendPendingPublications(tx)), 1);
    const entry = await db.publicationLogEntry.findUniqueOrThrow({ where: { publicationId: publication.id } });
    assert.equal(entry.claimSlug, claim.slug);
  });

  test("the app cannot update or delete log entries", async () => {
    const db = await testDb();
    const [entry] = await readLog(db, { after: 0, limit: 1 });
    assert.ok(entry);
    await assert.rejects(db.$executeRaw`UPDATE publication_log SET digest = ${"0".repeat(64)} WHERE seq = ${entry.seq}`, /append-only/);
    await assert.rejects(db.$executeRaw`DELETE FROM publication_log WHERE seq = ${entry.seq}`, /append-only/);
    await assert.rejects(db.$executeRawUnsafe("TRUNCATE publication_log"), /append-only/);
  });
});
