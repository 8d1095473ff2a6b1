import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { testDb, unique } from "../support/db";
import { createClaim as makeClaim, createSource, createUser } from "../support/factories";
import { assignClaim, createClaim, transitionClaim, updateClaim } from "../../lib/services/claims";
import { attachEvidence, editEvidence, removeEvidence } from "../../lib/services/evidence";
import { assignClaimSchema, createClaimSchema, transitionClaimSchema, updateClaimSchema } from "../../lib/validations/claim";
import { attachEvidenceSchema, editEvidenceSchema, removeEvidenceSchema } from "../../lib/validations/evidence";
import type { SessionRef } from "../../lib/auth/actor";
import type { Result } from "../../lib/errors";
import type { z } from "zod";

// No input crashes a service: each returns ok, or VALIDATION with field errors (and then writes
// nothing). Inputs the schema accepts may still meet a business rule (NOT_FOUND, CONFLICT ...).

const db = await testDb();
const user = await createUser(db, "FACT_CHECKER");
const claim = await makeClaim(db);
const source = await createSource(db);
const evidence = await db.evidence.create({ data: { claimId: claim.id, sourceId: source.id, stance: "CONTEXT", excerpt: "kept" } });
// Edited by the editEvidence property (a valid edit is a legitimate write, and raises its revision).
const editable = await db.evidence.create({ data: { claimId: claim.id, sourceId: (await createSource(db)).id, stance: "CONTEXT", excerpt: "editable" } });
const NUM_RUNS = 60;

const wild = fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true });
const str = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constant(""), fc.constant("   "), fc.constant("\u0000"));
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, str, wild, fc.constant(undefined), fc.constant(null));
const number = fc.oneof(fc.double(), fc.integer().map(String), fc.constant("1e400"), fc.constant("-5"), fc.constant("12"));
const date = fc.oneof(fc.date().map((d) => (Number.isNaN(d.getTime()) ? "bad" : d.toISOString())), fc.constant("2022-01-06"), fc.constant("99999-01-01"));
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.org/a", "https://", "http://a b.com", "HTTPS://Example.org/%00"),
);

async function writes() {
  return {
    claims: await db.claim.count({ where: { createdById: user.id } }),
    evidence: await db.evidence.count({ where: { createdById: user.id } }),
    edited: await db.evidence.findUnique({ where: { id: editable.id }, select: { revision: true, excerpt: true, stance: true, citesSourceId: true } }),
    audit: await db.auditLog.count({ where: { actorId: user.id } }),
    claim: await db.claim.findUnique({ where: { id: claim.id }, select: { version: true, status: true, assigneeId: true, hasConflict: true } }),
  };
}

function checkService(name: string, options: {
  call: (session: SessionRef, input: unknown) => Promise<Result<unknown>>;
  schema: z.ZodType;
  fields: fc.Arbitrary<Record<string, unknown>>;
}) {
  describe(`${name} never crashes on random input`, () => {
    for (const [label, arbitrary] of [
      ["fc.anything()", wild],
      ["fc.object()", fc.object()],
      ["records of random and near-valid fields", options.fields],
    ] as const) {
      test(label, async () => {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (input) => {
            const valid = options.schema.safeParse(input).success;
            const before = await writes();
            const result = await options.call(user.session, input);
            if (result.ok) return;
            if (!valid) {
              assert.equal(result.code, "VALIDATION", `${result.code}: ${result.message}`);
              assert.equal(typeof result.fieldErrors, "object", "field errors are returned");
              assert.deepEqual(await writes(), before, "nothing is written for invalid input");
            } else {
              assert.ok(["VALIDATION", "NOT_FOUND", "CONFLICT", "INVALID_STATE"].includes(result.code), `${result.code}: ${result.message}`);
              if (result.code === "VALIDATION") assert.equal(typeof result.fieldErrors, "object", "a business-rule refusal names its field");
              assert.deepEqual(await writes(), before, "a refused action writes nothing");
            }
          }),
          { numRuns: NUM_RUNS },
        );
      });
    }
  });
}

const kind = fc.constantFrom("NUMERIC", "EVENT", "FRAMING", "QUOTE");
checkService("createClaim", {
  call: createClaim,
  schema: createClaimSchema,
  fields: fc.record(
    {
      text: maybe(fc.constant(`Property claim ${unique()}`)),
      claimant: maybe(fc.constant("A claimant")),
      kind: maybe(kind),
      claimedAt: maybe(date),
      storyId: maybe(fc.uuid()),
      documentId: maybe(fc.uuid()),
      sentence: maybe(fc.string()),
      assigneeId: maybe(fc.constantFrom(user.id)),
      confirmDuplicate: maybe(fc.constant("on")),
    },
    { requiredKeys: [] },
  ),
});

checkService("updateClaim", {
  call: updateClaim,
  schema: updateClaimSchema,
  fields: fc.record(
    {
      id: maybe(fc.constant(claim.id)),
      version: maybe(fc.oneof(number, fc.constant(1))),
      text: maybe(fc.string({ minLength: 1 })),
      claimant: maybe(fc.string({ minLength: 1 })),
      kind: maybe(kind),
      claimedAt: maybe(date),
      storyId: maybe(fc.uuid()),
      documentId: maybe(fc.uuid()),
      sentence: maybe(fc.string()),
    },
    { requiredKeys: [] },
  ),
});

checkService("transitionClaim", {
  call: transitionClaim,
  schema: transitionClaimSchema,
  fields: fc.record({ id: maybe(fc.constant(claim.id)), to: maybe(fc.constantFrom("IN_REVIEW", "PUBLISHED", "NEW", "BOGUS")) }, { requiredKeys: [] }),
});

checkService("assignClaim", {
  call: assignClaim,
  schema: assignClaimSchema,
  fields: fc.record({ id: maybe(fc.constant(claim.id)), assigneeId: maybe(fc.uuid()) }, { requiredKeys: [] }),
});

checkService("attachEvidence", {
  call: attachEvidence,
  schema: attachEvidenceSchema,
  fields: fc.record(
    {
      claimId: maybe(fc.oneof(fc.constant(claim.id), fc.uuid())),
      url: maybe(url),
      outlet: maybe(fc.constant("Outlet")),
      type: maybe(fc.constantFrom("WIRE", "OFFICIAL", "NOPE")),
      language: maybe(fc.constantFrom("en", "ru", "kk-Cyrl", "EN", "english")),
      publishedAt: maybe(date),
      archiveUrl: maybe(url),
      excerpt: maybe(fc.constant("An excerpt")),
      stance: maybe(fc.constantFrom("SUPPORTS", "CONTRADICTS", "maybe")),
      citesSourceId: maybe(fc.oneof(fc.constant(source.id), fc.uuid())),
      citesUrl: maybe(url),
      citesOutlet: maybe(fc.constant("Police")),
      figureBound: maybe(fc.constantFrom("EXACT", "RANGE", "ESTIMATE", "AT_LEAST", "MORE_THAN", "UP_TO", "FEWER_THAN", "SOME")),
      figureValue: maybe(number),
      figureLow: maybe(number),
      figureHigh: maybe(number),
      figureWords: maybe(fc.constant("dozens")),
      figureCounted: maybe(fc.constant("Dead")),
      figureAsOf: maybe(date),
      figureAsOfEnd: maybe(date),
    },
    { requiredKeys: [] },
  ),
});

checkService("editEvidence", {
  call: editEvidence,
  schema: editEvidenceSchema,
  fields: fc.record(
    {
      id: maybe(fc.oneof(fc.constant(editable.id), fc.uuid())),
      revision: maybe(fc.constantFrom("1", "2", 1, "0", "-1", "99999999999")),
      excerpt: maybe(fc.constant("An edited excerpt")),
      stance: maybe(fc.constantFrom("SUPPORTS", "CONTRADICTS", "maybe")),
      excerptLanguage: maybe(fc.constantFrom("en", "ru", "EN")),
      translation: maybe(fc.constant("A translation")),
      citesSourceId: maybe(fc.oneof(fc.constant(source.id), fc.uuid())),
      citesUrl: maybe(url),
      citesOutlet: maybe(fc.constant("Police")),
      figureBound: maybe(fc.constantFrom("EXACT", "RANGE", "AT_LEAST", "SOME")),
      figureValue: maybe(number),
      figureLow: maybe(number),
      figureHigh: maybe(number),
      figureCounted: maybe(fc.constant("Dead")),
      figureAsOf: maybe(date),
    },
    { requiredKeys: [] },
  ),
});

checkService("removeEvidence", {
  call: removeEvidence,
  schema: removeEvidenceSchema,
  // The one real evidence id is left out: removing it would be a legitimate write.
  fields: fc.record({ id: maybe(fc.uuid()) }, { requiredKeys: [] }),
});

test("the evidence used as a fixture is still there", async () => {
  assert.equal(await db.evidence.count({ where: { id: evidence.id } }), 1);
});
