import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { testDb } from "../support/db";
import { createUser } from "../support/factories";
import { importDocument } from "../../lib/services/documents";
import { importDocumentSchema } from "../../lib/validations/document";

// Strings with anything in them: control characters, NUL, astral and lone-surrogate code units.
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }));
const formLike = fc.record(
  {
    title: fc.oneof(anyText, fc.constant("Troops arrive")),
    outlet: fc.oneof(anyText, fc.constant("Wire")),
    url: fc.oneof(fc.constant(""), fc.webUrl(), anyText, fc.constantFrom("javascript:alert(1)", "ftp://x.test/a", "https://")),
    publishedAt: fc.oneof(fc.constant(""), fc.constantFrom("2022-01-06", "2022-02-30", "06/01/2022", "1800-01-01"), anyText),
    storyId: fc.oneof(fc.constant(""), fc.uuid(), anyText),
    text: fc.oneof(anyText, fc.lorem({ mode: "sentences" })),
  },
  { requiredKeys: [] },
);

describe("document import validation (property)", async () => {
  const db = await testDb();

  test("the schema never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), formLike), (input) => {
        importDocumentSchema.safeParse(input);
      }),
      { numRuns: 500 },
    );
  });

  test("invalid input is a VALIDATION result with field errors and writes nothing; valid input is stored intact", async () => {
    const checker = await createUser(db, "FACT_CHECKER");
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), formLike), async (input) => {
        const parsed = importDocumentSchema.safeParse(input);
        const before = await db.document.count({ where: { createdById: checker.id } });
        const result = await importDocument(checker.session, input);
        const after = await db.document.count({ where: { createdById: checker.id } });
        if (!parsed.success) {
          assert.equal(result.ok, false);
          if (result.ok) return;
          assert.equal(result.code, "VALIDATION");
          assert.ok(result.fieldErrors && Object.keys(result.fieldErrors).length > 0, "names the fields");
          assert.equal(after, before, "nothing written");
        } else if (result.ok) {
          stored++;
          const document = await db.document.findUniqueOrThrow({ where: { id: result.data.id }, select: { text: true, title: true } });
          assert.equal(document.text, parsed.data.text, "the stored text is what offsets are computed on");
          assert.equal(after, before + 1);
        } else {
          // A well-formed story id that does not exist.
          assert.equal(result.code, "VALIDATION");
          assert.ok(result.fieldErrors?.storyId);
          assert.equal(after, before);
        }
      }),
      { numRuns: 150 },
    );
    const audits = await db.auditLog.count({ where: { actorId: checker.id, action: "document.import" } });
    assert.equal(audits, stored, "one audit row per stored document and none for refusals");
  });
});
