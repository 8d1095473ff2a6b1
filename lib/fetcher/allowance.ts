/**
 * The test-only allowance: CLAIMDESK_FETCH_ALLOW_LOOPBACK=1 lets the fetcher reach 127.0.0.0/8 and
 * ::1, so the test suites can serve pages from this machine. Production never honours it, whatever
 * the environment says: a misplaced flag must not open the server's own ports to anyone who can
 * attach a URL.
 */
export function isLoopbackAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NODE_ENV === "production") return false;
  return env.CLAIMDESK_FETCH_ALLOW_LOOPBACK === "1";
}

/**
 * CLAIMDESK_FETCH_DISABLED=1: this server fetches no page at all (an air-gapped newsroom; and the
 * browser, security and fault suites, whose servers must send nothing off the machine, not even a
 * name lookup). Every fetch is refused before its address is parsed or resolved.
 */
export function isFetchingDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CLAIMDESK_FETCH_DISABLED === "1";
}
