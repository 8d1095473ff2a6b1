import { test } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import { NUL_MESSAGE } from "./claim";
import { updateClaimantSchema } from "./claimant";
import { createCountedThingSchema } from "./counted-thing";
import { candidateClaimSchema } from "./document";
import { linkReaderRequestSchema } from "./reader-request";
import { draftVerdictSchema, reviewVerdictSchema } from "./verdict";

/*
 * PostgreSQL refuses NUL in text (a 500 from the database, found by the HTTP action fuzz in the
 * counted things' synonyms): each of these fields answers with its own field error instead.
 */
const NUL = "before\u0000after";
const cases: Array<[string, z.ZodType, Record<string, unknown>, string]> = [
  ["counted thing synonyms", createCountedThingSchema, { label: "deaths", synonyms: `killed, ${NUL}` }, "synonyms"],
  ["claimant aliases", updateClaimantSchema, { id: "00000000-0000-4000-8000-000000000000", name: "Tokayev", aliases: NUL }, "aliases"],
  ["verdict reasoning", draftVerdictSchema, { claimId: "00000000-0000-4000-8000-000000000000", rating: "TRUE", reasoning: NUL }, "reasoning"],
  ["review comment", reviewVerdictSchema, { verdictId: "00000000-0000-4000-8000-000000000000", revision: 1, outcome: "REJECTED", comment: NUL }, "comment"],
  ["a candidate claim's text", candidateClaimSchema, { sentenceStart: 0, sentence: "A sentence.", text: NUL, claimant: "Police", kind: "NUMERIC" }, "text"],
  ["a candidate claim's claimant", candidateClaimSchema, { sentenceStart: 0, sentence: "A sentence.", text: "A claim.", claimant: NUL, kind: "NUMERIC" }, "claimant"],
  ["reader request's claim", linkReaderRequestSchema, { id: "00000000-0000-4000-8000-000000000000", claimSlug: NUL }, "claimSlug"],
];

for (const [name, schema, input, field] of cases) {
  test(`${name}: NUL is a field error, never a value for the database`, () => {
    const result = schema.safeParse(input);
    assert.equal(result.success, false, `${name} accepted NUL`);
    const issues = result.error!.issues.filter((issue) => issue.path[0] === field);
    assert.ok(issues.some((issue) => issue.message === NUL_MESSAGE), `${name}: ${JSON.stringify(result.error!.issues)}`);
  });
}
