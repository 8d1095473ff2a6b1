// Loaded with `node --import` before any test module: points the app at the test database and
// refuses to run against anything that is not on this machine.
import fc from "fast-check";

// A failed property says why in its own message (the test reporter does not print an error's cause).
fc.configureGlobal({ includeErrorInReport: true });

const DEFAULT_TEST_URL = "postgresql://postgres@127.0.0.1:5432/claimdesk_test";

process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_TEST_URL;
Object.assign(process.env, { NODE_ENV: "test" });
// Several test files share one PostgreSQL on two cores: waiting a while for a connection is normal
// here, not an overload to shed. The tests of shedding (test/faults) set their own limit.
process.env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS ??= "30000";

const host = new URL(process.env.DATABASE_URL).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
  throw new Error(`Refusing to run tests against a non-local database (${host}). Set TEST_DATABASE_URL to a local one.`);
}

// Audit checkpoints belong to one database: the tests' commands never read the checkpoints a
// developer keeps for their own (.data/audit-checkpoints.jsonl); a test that wants some names its file.
process.env.AUDIT_CHECKPOINT_FILE = `${process.env.TMPDIR ?? "/tmp"}/claimdesk-test-no-checkpoints-${process.pid}.jsonl`;
