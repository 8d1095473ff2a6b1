import { readdirSync } from "node:fs";
import { defineConfig, devices, type Project } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/browser";
import { E2E_AUTH_SECRET, E2E_DATABASE_URL } from "./e2e/environment";

// Debian's chromium (e2e/browser.ts): Playwright cannot download its own browser on these machines.
const PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "e2e",
  // Spec files run side by side; each makes the data it needs (e2e/fixtures/make-claim.ts), so none
  // depends on another's leftovers or on the order. Tests inside one file keep their order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // Generous: the browser tests share two cores with the security and fault suites (scripts/test.ts),
  // and a step that waits on a state polls for it, so a passing test takes no longer for these limits.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Its own folder: Playwright empties it on start, and other suites write beside it (test-results/faults).
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: process.env.E2E_ORDER === "reverse" ? reversedProjects() : [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The path a newcomer takes (migrate, seed, serve) on the build `npm run test:e2e` made first.
    command: "npx tsx scripts/start.ts --no-build",
    url: `http://localhost:${PORT}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The server under test fetches no page: the suite sends nothing off this machine.
    env: { PORT: String(PORT), DATABASE_URL: E2E_DATABASE_URL, NEXTAUTH_SECRET: E2E_AUTH_SECRET, CLAIMDESK_DEMO: "1", CLAIMDESK_FETCH_DISABLED: "1" },
  },
});

/**
 * E2E_ORDER=reverse (with E2E_WORKERS=1): the spec files one after another, last name first, each a
 * project depending on the one before, to prove no spec relies on another having run first.
 */
function reversedProjects(): Project[] {
  const specs = readdirSync("e2e").filter((f) => f.endsWith(".spec.ts")).sort().reverse();
  return specs.map((file, i) => ({
    name: file,
    testMatch: file,
    dependencies: i === 0 ? [] : [specs[i - 1]!],
    use: { ...devices["Desktop Chrome"] },
  }));
}
