import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { testDb } from "../support/db";
import { createUser } from "../support/factories";
import { createUser as createUserService } from "../../lib/services/users";
import { createUserSchema } from "../../lib/validations/user";

const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }));
// Mostly invalid on purpose: a valid input would create an account and hash a password (slow).
const formLike = fc.record(
  {
    email: fc.oneof(anyText, fc.constantFrom("no-at-sign", "UPPER@", "@x.test", "a b@x.test")),
    name: fc.oneof(anyText, fc.constantFrom("", "   ", "\u0000")),
    role: fc.oneof(anyText, fc.constantFrom("OWNER", "admin", "")),
    password: fc.oneof(anyText, fc.string({ maxLength: 11 })),
  },
  { requiredKeys: [] },
);

describe("user creation validation (property)", async () => {
  const db = await testDb();

  test("the schema never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), formLike, fc.record({ email: fc.emailAddress(), name: anyText, role: fc.constantFrom("EDITOR", "ADMIN"), password: anyText })), (input) => {
        createUserSchema.safeParse(input);
      }),
      { numRuns: 500 },
    );
  });

  test("invalid input is a VALIDATION result with field errors and writes nothing", async () => {
    const admin = await createUser(db, "ADMIN");
    const users = await db.user.count();
    const invalid = fc.oneof(fc.anything(), formLike).filter((input) => !createUserSchema.safeParse(input).success);
    await fc.assert(
      fc.asyncProperty(invalid, async (input) => {
        const result = await createUserService(admin.session, input);
        assert.equal(result.ok, false);
        if (result.ok) return;
        assert.equal(result.code, "VALIDATION");
        assert.ok(result.fieldErrors && Object.keys(result.fieldErrors).length > 0);
      }),
      { numRuns: 200 },
    );
    assert.equal(await db.auditLog.count({ where: { actorId: admin.id } }), 0, "no audit row: nothing was created");
    // Other test files may add users concurrently, so only check that this admin created none.
    assert.ok((await db.user.count()) >= users);
  });
});
