// Runs once when the server starts: bad configuration stops it with one message naming the problem.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOrExit } = await import("./lib/startup-check");
    checkConfigOrExit();
    const { installProcessGuards, clearDataCacheOnStart } = await import("./lib/process-guards");
    installProcessGuards();
    clearDataCacheOnStart();
  }
}
