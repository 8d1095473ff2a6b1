import { expect, test } from "@playwright/test";
import { validateClaimReview } from "../test/support/structured-data";
import { query, signIn } from "./helpers";
import { createClaimWithSource, submitVerdictAsChecker } from "./fixtures/publications";
import { seriousAxeViolations } from "./axe";

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
  await expect(page.getByRole("heading", { name: "Version history" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Version 2: Corrected/ })).toBeVisible();
  await expect(page.getByText("Upgraded from mostly true to true", { exact: false }).first()).toBeVisible();
});

test("public pages have no serious or critical accessibility violations", async ({ page }) => {
  for (const path of ["/", "/claims/tokayev-protesters-international-terrorists", "/stories/kazakhstan-unrest-january-2022", "/methodology", "/corrections", "/data"]) {
    await page.goto(path);
    const serious = await seriousAxeViolations(page);
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

test("a submitted check stays off the ledger until an editor approves and publishes it, then shows at once", async ({ page, browser }) => {
  const text = `The cabinet resigned at the president's request ${Date.now()}`;
  const claim = await createClaimWithSource(text);
  await submitVerdictAsChecker(claim.id);
  const state = async () => (await query<{ state: string }>("SELECT state FROM verdicts WHERE claim_id = $1", [claim.id]))[0]?.state;
  const reader = await browser.newPage();
  expect((await reader.goto(`/claims/${claim.slug}`))?.status()).toBe(404);
  expect((await reader.request.get(`/api/v1/claims/${claim.slug}`)).status()).toBe(404);
  await reader.goto(`/?q=${encodeURIComponent(text)}`);
  await expect(reader.getByRole("link", { name: text })).toHaveCount(0);

  await signIn(page, "editor2");
  await page.goto(`/desk/claims/${claim.slug}`);
  await page.getByLabel("Review comment").fill("Decree checked.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect.poll(state).toBe("APPROVED");
  await page.reload();
  await page.getByLabel("I checked the preview above", { exact: false }).check();
  await page.getByRole("button", { name: "Publish to the public ledger" }).click();
  await expect.poll(state).toBe("PUBLISHED");

  // No waiting for a cache to expire: the publish refreshed the ledger.
  await reader.goto(`/?q=${encodeURIComponent(text)}`);
  await expect(reader.getByRole("link", { name: text })).toBeVisible();
  expect((await reader.goto(`/claims/${claim.slug}`))?.status()).toBe(200);
  expect((await reader.request.get(`/api/v1/claims/${claim.slug}`)).status()).toBe(200);
  await reader.close();
});
