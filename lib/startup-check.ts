import { checkStartupConfig, ConfigError, getEnv } from "./env";
import { checkSigningKey } from "./ledger/signing-key";
import { systemLog } from "./log";
import { DemoPasswordError, refuseDemoPasswords } from "./seed/demo-policy";

export function checkConfigOrExit(): void {
  try {
    checkSigningKey(checkStartupConfig());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * A production server on PostgreSQL (not a demo: CLAIMDESK_DEMO unset; the embedded database is
 * always one) refuses to run while an account still has a published demo password. A database that cannot be asked now does not stop the start (the
 * app answers 503 until it is back); the check is logged as skipped.
 */
export async function refuseDemoPasswordsOrExit(): Promise<void> {
  const env = getEnv();
  if (env.NODE_ENV !== "production" || env.CLAIMDESK_DEMO || !env.DATABASE_URL) return;
  const { getDb } = await import("./db");
  try {
    await refuseDemoPasswords(await getDb());
  } catch (error) {
    if (error instanceof DemoPasswordError) {
      console.error(error.message);
      process.exit(1);
    }
    systemLog().warn({ err: error, event: "startup.demo_password_check_skipped" }, "could not check accounts for demo passwords");
  }
}

/**
 * A production server (not a demo) says so in its log when it connects as a superuser or as the
 * audit log's owner: either could switch the append-only triggers off (docs/security.md#database-roles).
 */
export async function warnIfPrivilegedRole(): Promise<void> {
  const env = getEnv();
  if (env.NODE_ENV !== "production" || env.CLAIMDESK_DEMO || !env.DATABASE_URL) return;
  const { getDb } = await import("./db");
  try {
    const db = await getDb();
    const [row] = await db.$queryRaw<Array<{ role: string; privileged: boolean }>>`
      SELECT current_user::text AS "role",
             coalesce((SELECT r."rolsuper" FROM pg_roles r WHERE r."rolname" = current_user), false)
             OR EXISTS (SELECT 1 FROM pg_tables t WHERE t."tablename" = 'audit_log' AND t."tableowner" = current_user) AS "privileged"`;
    if (row?.privileged) {
      systemLog().warn(
        { event: "startup.privileged_database_role", role: row.role },
        "the app connects as a superuser or the tables' owner, which can disable the audit log's protections; connect as claimdesk_app (docs/deployment.md)",
      );
    }
  } catch (error) {
    systemLog().warn({ err: error, event: "startup.database_role_check_skipped" }, "could not check the database role");
  }
}
