/** The end-to-end database: the server under test and the specs' own fixtures both use it. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/claimdesk_e2e";

/** The server under test's secret (NEXTAUTH_SECRET): specs that must forge a signed value use it. */
export const E2E_AUTH_SECRET = "e2e-secret-0123456789-0123456789-abcdef";
