import { expect, test } from "@playwright/test";
import { query, signIn } from "./helpers";
import { axeViolations } from "./axe";

test("a fact-checker imports another organisation's ClaimReview and sees it as their check", async ({ page }) => {
  await signIn(page, "checker");
  await page.goto("/desk/imports");
  const stamp = Date.now();
  const reviewUrl = `https://factcheck.example/${stamp}`;
  // Its own text, so a second run on the same database finds exactly this import.
  const claimed = `Foreign fighters led the Almaty riots (${stamp})`;
  const review = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: claimed,
    url: reviewUrl,
    author: { "@type": "Organization", name: "Example Fact Check" },
    datePublished: "2022-01-10",
    reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A state TV host" } },
  };
  // A second check of a near-identical claim: each claim page then lists the other under "Similar
  // claims checked elsewhere" (a table with a visually-hidden link label), on the first run too.
  const similar = { ...review, claimReviewed: `Die Regierung hat die Gaspreise verdoppelt, sagt ein Post (${stamp})`, url: `https://faktencheck.example/${stamp}/b/` };
  await page.getByLabel("ClaimReview markup").fill(JSON.stringify([review, similar]));
  await page.getByRole("button", { name: "Import checks" }).click();
  await expect.poll(async () => (await query("SELECT 1 FROM claims WHERE external_review->>'reviewUrl' = $1", [reviewUrl])).length).toBe(1);
  await page.reload();
  const recent = page.getByRole("row").filter({ hasText: claimed });
  await expect(recent.getByText("Example Fact Check")).toBeVisible();
  await recent.getByRole("link", { name: claimed }).click();
  await expect(page.getByRole("heading", { name: "Prior checks by other organisations" })).toBeVisible();
  await expect(page.getByText("Imported from Example Fact Check.")).toBeVisible();
});

test("another publisher's rating shows on our scale beside their own words, and the desk filters imports by it", async ({ page }) => {
  await signIn(page, "checker");
  await page.goto("/desk/imports");
  const stamp = Date.now();
  const claimed = `Die Regierung hat die Gaspreise verdoppelt (${stamp})`;
  // A Correctiv-style review: German words only, a journalist and the organisation as authors, two appearances.
  const review = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: claimed,
    url: `https://faktencheck.example/${stamp}/`,
    inLanguage: "de",
    author: [{ "@type": "Person", name: "A. Reporterin" }, { "@type": "Organization", name: "Faktencheck Beispiel", url: "https://faktencheck.example" }],
    reviewRating: { "@type": "Rating", alternateName: "Größtenteils falsch" },
    itemReviewed: { "@type": "Claim", datePublished: "2022-11-30T00:00+01:00", appearance: ["https://social.example/a", "https://social.example/b"] },
  };
  // A second check of a near-identical claim: each claim page then lists the other under "Similar
  // claims checked elsewhere" (a table with a visually-hidden link label), on the first run too.
  const similar = { ...review, claimReviewed: `Die Regierung hat die Gaspreise verdoppelt, sagt ein Post (${stamp})`, url: `https://faktencheck.example/${stamp}/b/` };
  await page.getByLabel("ClaimReview markup").fill(JSON.stringify([review, similar]));
  await page.getByRole("button", { name: "Import checks" }).click();
  const results = page.getByRole("region", { name: "Import results" });
  await expect(results.getByText("Größtenteils falsch").first()).toBeVisible();
  await expect.poll(async () => (await query("SELECT external_review->>'normalisedRating' AS r FROM claims WHERE text = $1", [claimed]))[0]?.r).toBe("mostly_false");

  await page.getByLabel("Rating on our scale").selectOption("mostly_false");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/rating=mostly_false/);
  const row = page.getByRole("row").filter({ hasText: claimed });
  await expect(row.getByText("Theirs: Größtenteils falsch")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(row.getByText("Theirs: Größtenteils falsch")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (process.env.SCREENSHOTS_DIR) await page.getByRole("region", { name: "Recently imported" }).screenshot({ path: `${process.env.SCREENSHOTS_DIR}/imports-${width}.png` });
  }

  await page.goto("/desk/imports?rating=satire");
  await expect(page.getByRole("row").filter({ hasText: claimed })).toHaveCount(0);

  await page.goto("/desk/imports");
  await page.getByRole("row").filter({ hasText: claimed }).getByRole("link", { name: claimed }).click();
  await expect(page.getByText("Mostly false (from their words)")).toBeVisible();
  await expect(page.getByText("2022-11-30T00:00+01:00")).toBeVisible();
  await expect(page.getByText("A. Reporterin")).toBeVisible();
  await expect(page.getByRole("link", { name: "social.example" })).toHaveCount(2);
  await expect(page.getByRole("table", { name: "Similar claims checked elsewhere" }).getByRole("link", { name: similar.claimReviewed })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const section = page.getByRole("region", { name: "Prior checks by other organisations" });
    if (process.env.SCREENSHOTS_DIR) await section.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/imported-claim-${width}.png` });
  }
});
