// Runs once when the server starts: bad configuration stops it with one message naming the problem.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOrExit, refuseDemoPasswordsOrExit, warnIfPrivilegedRole } = await import("./lib/startup-check");
    checkConfigOrExit();
    // The sign-in limits need the peer address, which Next does not pass on (lib/security/client-address.ts).
    const { installSocketAddressHeader } = await import("./lib/security/client-address");
    installSocketAddressHeader(await import("node:http"));
    const { installProcessGuards } = await import("./lib/process-guards");
    installProcessGuards();
    await refuseDemoPasswordsOrExit();
    await warnIfPrivilegedRole();
  }
}
