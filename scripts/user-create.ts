// `npm run user:create -- --email … --name … --role admin|editor|fact-checker`: creates an account
// on the configured database (the first admin of a new deployment). The password is asked on the
// terminal without echo, or read from standard input: `printf '%s\n' "$PW" | npm run user:create …`.
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { createUserAsOperator } from "../lib/services/operator-users";
import { runCli } from "./cli";
import { operator, options, readPassword, reportFailure } from "./operator";

const ROLES: Record<string, string> = { admin: "ADMIN", editor: "EDITOR", "fact-checker": "FACT_CHECKER", factchecker: "FACT_CHECKER" };

await runCli(async () => {
  const { email, name, role } = options(["email", "name", "role"]);
  if (!email || !name || !role) throw new Error("usage: npm run user:create -- --email you@newsroom.example --name \"Your Name\" --role admin");
  const password = await readPassword();
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const result = await createUserAsOperator(handle.db, { email, name, role: ROLES[role.toLowerCase()] ?? role, password }, operator("user:create"));
    if (!result.ok) return reportFailure(result);
    console.log(`Created ${result.data.role} ${result.data.email} (${result.data.id}).`);
  } finally {
    await handle.close();
  }
});
