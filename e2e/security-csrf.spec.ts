import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { query, signIn, USERS } from "./helpers";

// Cross-site request forgery, tried for real against the running server: a signed-in editor's
// browser context posts a Server Action and next-auth's sign-in from another origin, a `null`
// origin (sandboxed frame) and no origin. Each is refused and nothing is written; the same
// request from the site itself goes through, so the request is a working one.

function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!entry) throw new Error(`No Server Action named ${name} in the build`);
  return entry[0];
}

/** createClaimAction(prevState, formData) as React encodes it: the form's fields, then the root. */
function createClaimBody(text: string): FormData {
  const form = new FormData();
  form.append("_1_text", text);
  form.append("_1_claimant", "CSRF probe");
  form.append("_1_kind", "EVENT");
  form.append("_1_confirmDuplicate", "on");
  form.append("0", JSON.stringify([null, "$K1"]));
  return form;
}

async function postAction(request: APIRequestContext, cookie: string, text: string, origin: string | null) {
  return request.post("/desk/claims/new", {
    // The signed-in editor's cookies, sent as a browser would send them on a cross-site post
    // (the API client keeps Secure cookies to itself over plain http).
    headers: { Cookie: cookie, "Next-Action": actionId("createClaimAction"), Accept: "text/x-component", ...(origin === null ? {} : { Origin: origin }) },
    multipart: createClaimBody(text),
    maxRedirects: 0,
  });
}

const claimsWithText = async (text: string) => Number((await query<{ n: string }>("SELECT count(*) AS n FROM claims WHERE text = $1", [text]))[0]!.n);

test("a Server Action from another site, a null origin or no origin is refused and writes nothing", async ({ page, baseURL }) => {
  await signIn(page, "editor");
  const origin = new URL(baseURL!).origin;
  const { protocol, hostname, port } = new URL(origin);
  const lookAlike = `${protocol}//${hostname}.evil.example:${port}`;
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).toContain("session-token");
  for (const [label, header] of [["foreign", "https://evil.example"], ["null", "null"], ["missing", null], ["look-alike", lookAlike]] as const) {
    const text = `CSRF ${label} ${Date.now()}: the airport was closed by protesters.`;
    const response = await postAction(page.request, cookie, text, header);
    expect(response.status(), label).toBe(403);
    expect(await claimsWithText(text), label).toBe(0);
  }
  // The same request from the site itself is a valid action call: it creates the claim.
  const text = `CSRF control ${Date.now()}: the airport was closed by protesters.`;
  const response = await postAction(page.request, cookie, text, origin);
  expect(response.status(), await response.text()).toBeLessThan(400);
  expect(await claimsWithText(text), await response.text()).toBe(1);
});

async function credentialsPost(request: APIRequestContext, origin: string | null, fields: Record<string, string>) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers: origin === null ? {} : { Origin: origin },
    form: { csrfToken, json: "true", ...fields },
    maxRedirects: 0,
  });
}

test("next-auth's sign-in POST from another site is refused before it reads the password", async ({ playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const request = await playwright.request.newContext({ baseURL });
  // A sign-in that got as far as the password check records an attempt, for unknown emails too;
  // this email is this test's own, so no other test's sign-ins can be counted.
  const email = `csrf-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@claimdesk.test`;
  for (const header of ["https://evil.example", "null", null]) {
    const response = await credentialsPost(request, header, { email, password: USERS.checker.password });
    expect(response.status(), String(header)).toBe(403);
    expect(response.headers()["set-cookie"] ?? "", String(header)).not.toContain("session-token");
  }
  const attempts = await query<{ n: number }>("SELECT count(*)::int AS n FROM login_attempts WHERE email = $1", [email]);
  expect(attempts[0]!.n).toBe(0);
  // The same request from the site itself reaches the password check: refused as a wrong sign-in
  // (401, not the Origin check's 403), and the attempt is recorded.
  const same = await credentialsPost(request, origin, { email, password: USERS.checker.password });
  expect(same.status()).toBe(401);
  await expect.poll(async () => (await query<{ n: number }>("SELECT count(*)::int AS n FROM login_attempts WHERE email = $1", [email]))[0]!.n).toBe(1);
  const ok = await credentialsPost(request, origin, { email: USERS.checker.email, password: USERS.checker.password });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["set-cookie"]).toContain("session-token");
  await request.dispose();
});
