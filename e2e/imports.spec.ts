import { expect, test } from "@playwright/test";
import { query, signIn } from "./helpers";

test("a fact-checker imports another organisation's ClaimReview and sees it as their check", async ({ page }) => {
  await signIn(page, "checker");
  await page.goto("/desk/imports");
  const reviewUrl = `https://factcheck.example/${Date.now()}`;
  const review = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: "Foreign fighters led the Almaty riots",
    url: reviewUrl,
    author: { "@type": "Organization", name: "Example Fact Check" },
    datePublished: "2022-01-10",
    reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A state TV host" } },
  };
  await page.getByLabel("ClaimReview markup").fill(JSON.stringify(review));
  await page.getByRole("button", { name: "Import checks" }).click();
  await expect.poll(async () => (await query("SELECT 1 FROM claims WHERE external_review->>'reviewUrl' = $1", [reviewUrl])).length).toBe(1);
  await page.reload();
  const recent = page.getByRole("table").filter({ hasText: "Foreign fighters led the Almaty riots" });
  await expect(recent.getByText("Example Fact Check")).toBeVisible();
  await recent.getByRole("link", { name: "Foreign fighters led the Almaty riots" }).click();
  await expect(page.getByRole("heading", { name: "Prior checks by other organisations" })).toBeVisible();
  await expect(page.getByText("Imported from Example Fact Check.")).toBeVisible();
});
