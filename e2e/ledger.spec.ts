import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { validateClaimReview } from "../test/support/structured-data";
import { query, signIn } from "./helpers";

test("an anonymous reader searches, opens a claim, and sees sources, conflicts and corrections", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Search").fill("international terrorists");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=international/);
  await page.getByRole("link", { name: /international terrorists/ }).first().click();
  await expect(page).toHaveURL(/\/claims\/tokayev-protesters-international-terrorists$/);
  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expect(page.getByText("Akorda", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conflicting accounts" })).toBeVisible();
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(jsonLd).toHaveLength(1);
  const review: unknown = JSON.parse(jsonLd[0]!);
  expect(review).toMatchObject({ "@type": "ClaimReview", reviewRating: { alternateName: "Unproven" } });
  expect(validateClaimReview(review)).toEqual([]);

  await page.goto("/claims/lpg-price-cap-180-days");
  await expect(page.getByRole("heading", { name: "Corrections" })).toBeVisible();
  await expect(page.getByText("Upgraded from mostly true to true", { exact: false }).first()).toBeVisible();
});

test("public pages have no serious or critical accessibility violations", async ({ page }) => {
  for (const path of ["/", "/claims/tokayev-protesters-international-terrorists", "/stories/kazakhstan-unrest-january-2022", "/methodology", "/corrections"]) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path}: ${v.id} ${v.help}`)).toEqual([]);
  }
});

test("the ledger reads without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/?q=internet");
  await page.getByRole("link", { name: /internet/i }).first().click();
  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await context.close();
});

test("unpublished checks never reach the public ledger", async ({ page }) => {
  const response = await page.goto("/claims/mamin-cabinet-resigned");
  expect(response?.status()).toBe(404);
  const api = await page.request.get("/api/v1/claims/mamin-cabinet-resigned");
  expect(api.status()).toBe(404);
});

test("publishing in the desk shows on the ledger at once", async ({ page, browser }) => {
  const reader = await browser.newPage();
  await reader.goto("/");
  await expect(reader.getByText("Prime Minister Askar Mamin", { exact: false })).toHaveCount(0);

  await signIn(page, "editor2");
  await page.goto("/desk/claims/mamin-cabinet-resigned");
  await page.getByLabel("Review comment").fill("Decree checked.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect.poll(async () => (await query<{ state: string }>("SELECT v.state FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.slug = 'mamin-cabinet-resigned'"))[0]?.state).toBe("APPROVED");
  await page.reload();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect.poll(async () => (await query<{ state: string }>("SELECT v.state FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.slug = 'mamin-cabinet-resigned'"))[0]?.state).toBe("PUBLISHED");

  await reader.goto("/");
  await expect(reader.getByRole("link", { name: /Mamin/ }).first()).toBeVisible({ timeout: 1_000 });
  await reader.close();
});
