import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withPostgres } from "../../lib/db/connect";
import { testDb } from "../support/db";
import { diffShapes, shapeFromDatabase, shapeFromSchema } from "../support/schema-drift";

const schemaPath = "prisma/schema.prisma";

async function databaseShape() {
  await testDb(); // migrated
  return withPostgres(process.env.DATABASE_URL!, shapeFromDatabase);
}

test("the migrated database matches schema.prisma (tables, columns, types, nullability, indexes, enums)", async () => {
  const expected = shapeFromSchema(await readFile(schemaPath, "utf8"));
  assert.ok(expected.columns.size > 50, "the schema was parsed");
  assert.deepEqual(diffShapes(expected, await databaseShape()), []);
});

test("a column added to schema.prisma without a migration is reported as drift", async () => {
  const schema = await readFile(schemaPath, "utf8");
  const changed = schema.replace("model Claim {\n", "model Claim {\n  reviewedTwice Boolean @default(false) @map(\"reviewed_twice\")\n");
  assert.notEqual(changed, schema);
  const problems = diffShapes(shapeFromSchema(changed), await databaseShape());
  assert.deepEqual(problems, ["column claims.reviewed_twice is missing in the database"]);
});

test("changed nullability, a new index, a new enum value and a new model are each reported", async () => {
  const schema = await readFile(schemaPath, "utf8");
  const changed = schema
    .replace("  claimant         String\n", "  claimant         String?\n")
    .replace("  @@index([assigneeId])\n", "  @@index([assigneeId])\n  @@index([claimant])\n")
    .replace("  RETRACTED\n}", "  RETRACTED\n  ARCHIVED\n}")
    .concat("\nmodel Tag {\n  id String @id\n  @@map(\"tags\")\n}\n");
  const problems = diffShapes(shapeFromSchema(changed), await databaseShape());
  assert.deepEqual(problems, [
    "column claims.claimant is NOT NULL in the database",
    "column tags.id is missing in the database",
    "enum ClaimStatus has [NEW,RESEARCHING,VERDICT_DRAFTED,IN_REVIEW,PUBLISHED,RETRACTED] in the database, [NEW,RESEARCHING,VERDICT_DRAFTED,IN_REVIEW,PUBLISHED,RETRACTED,ARCHIVED] in the schema",
    "index claims(claimant) index is missing in the database",
    "index tags(id) unique is missing in the database",
  ]);
});
