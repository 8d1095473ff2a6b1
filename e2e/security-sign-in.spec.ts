import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, USERS } from "./helpers";

// Sign-in: the session cookie's flags, where the sign-in callback may send you, and refusals that
// do not tell an unknown email from a wrong password.

test("the session cookie is HttpOnly, Secure (production build) and SameSite=Lax", async ({ page, context }) => {
  const setCookie = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await signIn(page, "checker");
  const header = (await (await setCookie).headerValue("set-cookie")) ?? "";
  const session = header.split("\n").find((c) => c.includes("next-auth.session-token="));
  expect(session).toBeDefined();
  expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);

  const cookie = (await context.cookies()).find((c) => c.name === "__Secure-next-auth.session-token");
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
  // Scripts on the page cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

/** The desk home, or the start page it sends this role to (an editor lands on the review queue). */
const onDesk = (origin: string) => new RegExp(`^${origin.replace(/[.]/g, "\\.")}/desk(/claims|/review|/my-work|/admin)?$`);

const OFF_SITE = ["https://evil.example/desk", "//evil.example", "/\\evil.example", "/.//evil.example", "/\t/evil.example"];

test("the sign-in form never sends you to another site", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of OFF_SITE.slice(0, 3)) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(USERS.editor.email);
    await page.getByLabel("Password").fill(USERS.editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(onDesk(origin));
  }
  // A same-site callback is honoured.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/desk/review")}`);
  await page.getByLabel("Email").fill(USERS.editor.email);
  await page.getByLabel("Password").fill(USERS.editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/desk/review`);
});

test("a signed-in visit to the sign-in page stays on the site", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await signIn(page, "editor");
  for (const callbackUrl of OFF_SITE) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(new URL(page.url()).origin, callbackUrl).toBe(origin);
    await expect(page).toHaveURL(onDesk(origin));
  }
});

async function credentials(request: APIRequestContext, origin: string, fields: Record<string, string>) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { headers: { Origin: origin }, form: { csrfToken, json: "true", ...fields }, maxRedirects: 0 });
  return { status: response.status(), body: (await response.json()) as { url: string } };
}

test("next-auth's redirect callback keeps the callback URL on the site", async ({ playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const request = await playwright.request.newContext({ baseURL });
  for (const callbackUrl of OFF_SITE) {
    const { status, body } = await credentials(request, origin, { email: USERS.editor.email, password: USERS.editor.password, callbackUrl });
    expect(status, callbackUrl).toBe(200);
    expect(new URL(body.url).origin, callbackUrl).toBe(origin);
  }
  const kept = await credentials(request, origin, { email: USERS.editor.email, password: USERS.editor.password, callbackUrl: `${origin}/desk/review` });
  expect(kept.body.url).toBe(`${origin}/desk/review`);
  await request.dispose();
});

test("an unknown email and a wrong password get the same answer", async ({ playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const request = await playwright.request.newContext({ baseURL });
  const wrongPassword = await credentials(request, origin, { email: USERS.checker2.email, password: "not-the-password" });
  const unknownEmail = await credentials(request, origin, { email: `nobody-${Date.now()}@claimdesk.test`, password: "not-the-password" });
  expect(wrongPassword.status).toBe(unknownEmail.status);
  const error = (r: { body: { url: string } }) => new URL(r.body.url).searchParams.get("error");
  expect(error(wrongPassword)).toBe("Wrong email or password.");
  expect(error(unknownEmail)).toBe(error(wrongPassword));
  await request.dispose();
});
