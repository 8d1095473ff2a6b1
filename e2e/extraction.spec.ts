import { expect, test } from "@playwright/test";
import { query, signIn } from "./helpers";
import { axeViolations } from "./axe";

// Claims taken from an imported article: the article is offered as each claim's first source (its
// excerpt the sentence) unless unticked, and the duplicate check of "New claim" runs before anything
// is created, showing the similar claim.
test("candidates: the article is the first source, and a duplicate is shown before creating", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "checker");
  const tag = `Zorvale${Date.now()}`;
  const url = `https://news.example/${tag.toLowerCase()}`;
  const sentence = `Officials said the flood in ${tag} destroyed 412 homes in the valley.`;
  const rescue = `Rescuers pulled 9 people from the rubble of a school in ${tag} on Tuesday.`;

  await page.goto("/desk/documents/new");
  await page.getByLabel("Headline").fill(`Flood hits ${tag}`);
  await page.getByLabel("Outlet", { exact: true }).fill("Example Wire");
  await page.getByLabel("Web address (optional)").fill(url);
  await page.getByLabel("Language").selectOption({ label: "Detect from the text" });
  await page.getByLabel("Article text").fill(`Flood hits ${tag}\n\n${sentence} ${rescue}`);
  await page.getByRole("button", { name: "Import and find claims" }).click();
  await expect(page).toHaveURL(/\/desk\/documents\/[0-9a-f-]{36}$/);
  const [article] = await query<{ id: string; language: string }>("SELECT id, language FROM documents WHERE url = $1", [url]);
  expect(article?.language).toBe("en");

  // Both sentences are proposed, with their figures; the rescue claim is in the outlet's own voice.
  const flood = page.getByRole("checkbox", { name: sentence });
  const school = page.getByRole("checkbox", { name: rescue });
  await flood.check();
  await school.check();
  const floodSource = page.getByRole("checkbox", { name: "Add this article as the claim’s first source" }).first();
  await expect(floodSource).toBeChecked();
  await expect(page.getByLabel("Claimant", { exact: true }).nth(1)).toHaveValue("Example Wire");
  await expect(page.getByLabel("Claimant is").first()).toHaveValue("PERSON");
  await page.getByLabel("Claimant is").first().selectOption({ label: "An organisation" });
  await page.getByRole("checkbox", { name: "Add this article as the claim’s first source" }).nth(1).uncheck();

  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: test.info().outputPath("extraction-1366.png"), fullPage: true });

  await page.getByRole("button", { name: "Create 2 claims" }).click();
  // A rerun on the same database finds this spec's earlier claims similar: confirm those first.
  const createdNotice = page.getByRole("status").filter({ hasText: "Created 2 claims" });
  const anyway = page.getByRole("button", { name: "Create anyway" });
  await expect(createdNotice.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(createdNotice).toBeVisible();
  const created = await query<{ id: string; slug: string; sentence: string; claimant_type: string | null; sources: string }>(
    `SELECT c.id, c.slug, c.sentence, c.claimant_type,
            (SELECT string_agg(s.url || ' | ' || e.excerpt, ';') FROM evidence e JOIN sources s ON s.id = e.source_id WHERE e.claim_id = c.id) AS sources
     FROM claims c WHERE c.document_id = $1 ORDER BY c.sentence_start`,
    [article!.id],
  );
  expect(created.map((c) => [c.sentence, c.claimant_type, c.sources])).toEqual([
    [sentence, "ORGANISATION", `${url} | ${sentence}`],
    [rescue, "ORGANISATION", null], // the outlet, preset from the guess
  ]);

  // The same claim again: the similar one is shown and nothing is created until confirmed.
  await page.reload();
  await page.getByRole("checkbox", { name: sentence }).check();
  await page.getByRole("button", { name: "Create claim" }).click();
  const notice = page.getByRole("alert").filter({ hasText: /looks? like claims already on the desk/ });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("link", { name: sentence, exact: true })).toHaveAttribute("href", `/desk/claims/${created[0]!.slug}`);
  expect(await query("SELECT 1 FROM claims WHERE document_id = $1", [article!.id])).toHaveLength(2);
  await page.setViewportSize({ width: 390, height: 844 });
  // No sideways scrolling on a phone, even with a long unbroken name in the headline.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("extraction-390.png"), fullPage: true });
  await notice.getByRole("button", { name: "Create anyway" }).click();
  await expect.poll(async () => (await query("SELECT 1 FROM claims WHERE document_id = $1", [article!.id])).length).toBe(3);
});
