/**
 * Signs in through next-auth's credentials flow, as the sign-in form does: GET /api/auth/csrf
 * (token + cookie), POST /api/auth/callback/credentials, keep the session cookie. Returns the
 * Cookie header to send with desk requests.
 */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${origin}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  keep(csrfResponse);
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(), Origin: origin, "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/desk`, json: "true" }).toString(),
  });
  keep(response);
  const session = [...jar.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`Sign-in as ${email} failed (${response.status}): ${await response.text()}`);
  return cookieHeader();
}
