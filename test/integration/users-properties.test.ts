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
    const emails = new Set<string>();
    const invalid = fc.oneof(fc.anything(), formLike).filter((input) => !createUserSchema.safeParse(input).success);
    await fc.assert(
      fc.asyncProperty(invalid, async (input) => {
        const email = (input as { email?: unknown } | null)?.email;
        // PostgreSQL text cannot hold NUL: no account can exist under such an address, and looking
        // one up would itself be refused, so those are left out of the check below.
        if (typeof email === "string" && !email.includes("\u0000")) emails.add(email.trim().toLowerCase());
        const result = await createUserService(admin.session, input);
        assert.equal(result.ok, false);
        if (result.ok) return;
        assert.equal(result.code, "VALIDATION");
        assert.ok(result.fieldErrors && Object.keys(result.fieldErrors).length > 0);
      }),
      { numRuns: 200 },
    );
    assert.equal(await db.auditLog.count({ where: { actorId: admin.id } }), 0, "no audit row: nothing was created");
    // Other test files add users concurrently: no account exists under any email this test sent.
    assert.ok(emails.size > 0, "the generator sent emails");
    assert.equal(await db.user.count({ where: { email: { in: [...emails] } } }), 0, "no account was created");
  });
});
