// `npm run user:password -- --email …`: sets a new password for an account (a locked-out admin),
// ends its sessions and clears its failed sign-ins. Password as for user:create.
import { resolveTarget } from "../lib/db/client";
import { openDatabase } from "../lib/db/open";
import { resetPasswordAsOperator } from "../lib/services/operator-users";
import { runCli } from "./cli";
import { operator, options, readPassword, reportFailure } from "./operator";

await runCli(async () => {
  const { email } = options(["email"]);
  if (!email) throw new Error("usage: npm run user:password -- --email admin@newsroom.example");
  const password = await readPassword();
  const handle = await openDatabase(resolveTarget(), { migrate: false });
  try {
    const result = await resetPasswordAsOperator(handle.db, { email, password }, operator("user:password"));
    if (!result.ok) return reportFailure(result);
    console.log(`New password set for ${result.data.email}; its sessions are ended and its failed sign-ins cleared.`);
  } finally {
    await handle.close();
  }
});
