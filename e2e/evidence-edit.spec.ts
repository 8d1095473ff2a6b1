import { expect, test, type Page } from "@playwright/test";
import { openDisclosure, query, signIn } from "./helpers";
import { createClaimWithSource } from "./fixtures/publications";

type Row = { excerpt: string; stance: string; revision: number };
const evidenceRow = async (claimId: string) =>
  (await query<Row>("SELECT excerpt, stance::text AS stance, revision FROM evidence WHERE claim_id = $1", [claimId]))[0];

/** The claim page's evidence item from an outlet, with its edit form open. */
async function openEdit(page: Page, outlet: string) {
  const item = page.getByRole("article", { name: new RegExp(outlet) });
  await openDisclosure(item, "Edit");
  return item.locator("form", { has: page.getByRole("button", { name: "Save evidence" }) });
}

test("a checker edits an excerpt and its stance from the claim page; a stale edit from a second tab is refused", async ({ page, context }) => {
  const claim = await createClaimWithSource(`Twelve officers were killed in Almaty (${Date.now()}-${Math.random().toString(36).slice(2, 6)})`);
  await signIn(page, "checker");
  await page.goto(`/desk/claims/${claim.slug}`);
  // A second tab, opened on the same revision before the first one saves.
  const second = await context.newPage();
  await second.goto(`/desk/claims/${claim.slug}`);

  const form = await openEdit(page, "Wire Service");
  await expect(form.getByLabel("Exact excerpt")).toHaveValue("Twelve officers were killed, police said.");
  await expect(form.getByRole("radio", { name: /^Supports —/ })).toBeChecked();
  await form.getByLabel("Exact excerpt").fill("Eighteen officers were killed, police said.");
  await form.getByRole("radio", { name: /^Contradicts —/ }).check();
  await form.getByRole("button", { name: "Save evidence" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Evidence saved." })).toBeVisible();
  const item = page.getByRole("article", { name: /Wire Service/ });
  await expect(item.locator("blockquote, p", { hasText: "Eighteen officers were killed, police said." }).first()).toBeVisible();
  await expect(item.getByRole("heading", { level: 3 })).toContainText("Contradicts");
  await expect.poll(() => evidenceRow(claim.id)).toEqual({ excerpt: "Eighteen officers were killed, police said.", stance: "CONTRADICTS", revision: 2 });

  // The second tab still shows revision 1: its save is refused, and nothing is written.
  const stale = await openEdit(second, "Wire Service");
  await stale.getByLabel("Exact excerpt").fill("Six officers were killed.");
  await stale.getByRole("button", { name: "Save evidence" }).click();
  await expect(stale.getByRole("alert")).toContainText("Someone changed this evidence since you opened it");
  await expect(stale.getByLabel("Exact excerpt")).toHaveValue("Six officers were killed.");
  expect(await evidenceRow(claim.id)).toEqual({ excerpt: "Eighteen officers were killed, police said.", stance: "CONTRADICTS", revision: 2 });
  await second.close();
});

test("the attach form: a known URL fills the empty fields; an error in a closed part opens it", async ({ page }) => {
  const claim = await createClaimWithSource(`Known sources fill the form (${Date.now()}-${Math.random().toString(36).slice(2, 6)})`);
  const [known] = await query<{ url: string }>("SELECT s.url FROM sources s JOIN evidence e ON e.source_id = s.id WHERE e.claim_id = $1", [claim.id]);
  await signIn(page, "checker");
  await page.goto(`/desk/claims/${claim.slug}`);
  const summary = page.locator("summary", { hasText: "Attach a source" });
  const details = page.locator("details", { has: summary });
  if ((await details.getAttribute("open")) === null) await summary.click();

  // The figure's part, opened, half filled, then closed again: its error opens it on submit.
  await openDisclosure(details, "Reported figure");
  await details.getByLabel("Value", { exact: true }).fill("18");
  await details.locator("summary", { hasText: "Reported figure" }).click();
  await expect(details.getByLabel("Value", { exact: true })).toBeHidden();

  await details.getByLabel("Outlet", { exact: true }).fill("My own name for it");
  await details.getByLabel("URL", { exact: true }).fill(`${known!.url}?utm_source=newsletter`);
  await expect(details.getByText("Known source: fields filled from it.")).toBeVisible();
  await expect(details.getByLabel("Outlet", { exact: true })).toHaveValue("My own name for it");
  await expect(details.getByLabel("Type", { exact: true })).toHaveValue("NEWS_OUTLET");
  await openDisclosure(details, "Source details");
  await expect(details.getByLabel("Title (optional)")).toHaveValue("Wire Service report");

  await details.getByLabel("Exact excerpt").fill("Eighteen.");
  await details.getByRole("radio", { name: /^Contradicts —/ }).check();
  await details.getByRole("button", { name: "Attach source" }).click();
  await expect(details.getByRole("alert")).toContainText("Some fields need attention");
  const counted = details.getByLabel("What was counted");
  await expect(counted).toBeVisible();
  await expect(counted).toHaveAttribute("aria-invalid", "true");
  await expect(details.getByLabel("Value", { exact: true })).toHaveValue("18");
  await expect(details.getByLabel("Exact excerpt")).toHaveValue("Eighteen.");
});
