import pg from "pg";

/** The least-privileged role the app connects as (created by migration 20261130200000). */
export const APP_ROLE = "claimdesk_app";

/**
 * For a local run with one URL: the same database as `url`, logged in as claimdesk_app without a
 * password (trust or peer authentication), or null when the server does not let it in.
 */
export async function appRoleUrl(url: string): Promise<string | null> {
  const candidate = Object.assign(new URL(url), { username: APP_ROLE, password: "" }).toString();
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return candidate;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
