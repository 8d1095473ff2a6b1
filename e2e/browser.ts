import { existsSync } from "node:fs";

/*
 * The browser every suite drives: Debian's chromium-headless-shell (the old headless mode, which
 * Playwright's own downloads use for headless runs) when installed, else Debian's full chromium in
 * its new headless mode. The full browser runs its compositor and a software GPU process for
 * every page; on the two-core machine that was about a fifth of the CPU the test run used.
 * CHROMIUM_PATH picks another binary.
 */
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

/** No sandbox (root in a container), no GPU, and none of the browser's own network traffic, which this machine refuses. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
