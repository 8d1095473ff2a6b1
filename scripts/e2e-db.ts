// Gives the browser tests a fresh database: dropped and created again before every `npm run test:e2e`.
import { runCli } from "./cli";
import { recreateDatabase } from "./test-database";
import { E2E_DATABASE_URL } from "../e2e/environment";

await runCli(async () => {
  await recreateDatabase(new URL(E2E_DATABASE_URL));
});
