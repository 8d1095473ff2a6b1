import { expect, test } from "@playwright/test";
import { query, signIn } from "./helpers";
import { createClaimWithSource } from "./fixtures/publications";

test("the app starts and the public home page renders", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Claim ledger" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kazakhstan unrest, January 2022" }).first()).toBeVisible();
});

test("the desk refuses anonymous visitors and sends them to sign in", async ({ page }) => {
  await page.goto("/desk/claims");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to the desk" })).toBeVisible();
});

test("a wrong password gets a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("checker@claimdesk.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
});

test("a fact-checker signs in and finds the story's newest claim first in the desk list", async ({ page }) => {
  const seeded = await query<{ n: number }>(
    "SELECT count(*)::int AS n FROM claims c JOIN stories s ON s.id = c.story_id WHERE s.slug = 'kazakhstan-unrest-january-2022'",
  );
  expect(seeded[0]!.n).toBeGreaterThanOrEqual(12);
  const text = `Internet access was cut across the country ${Date.now()}`;
  await createClaimWithSource(text);
  await signIn(page, "checker");
  await page.goto("/desk/claims");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Claims");
  await expect(page.getByRole("link", { name: text })).toBeVisible();
});
