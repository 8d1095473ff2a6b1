// Loaded with `node --import` before any test module: points the app at the test database and
// refuses to run against anything that is not on this machine.
const DEFAULT_TEST_URL = "postgresql://postgres@127.0.0.1:5432/claimdesk_test";

process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_TEST_URL;
Object.assign(process.env, { NODE_ENV: "test" });

const host = new URL(process.env.DATABASE_URL).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
  throw new Error(`Refusing to run tests against a non-local database (${host}). Set TEST_DATABASE_URL to a local one.`);
}
