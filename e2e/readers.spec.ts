import { expect, test, type Page } from "@playwright/test";
import { issueFormToken } from "../lib/readers/form-token";
import { E2E_AUTH_SECRET } from "./environment";
import { query, signIn } from "./helpers";
import { createClaimWithSource, publishVersion } from "./fixtures/publications";
import { axeViolations } from "./axe";

// Readers' suggestions and correction requests (issue 21): a reader sends them with and without
// JavaScript and gets a reference; the desk triages them each way. The form refuses a post sooner
// than three seconds after it was rendered, so each post first waits for the form's own token to
// be old enough (polling the token's time, not a fixed sleep).

type Row = { status: string; close_reason: string | null; claim_id: string | null; kind: string; email: string | null; assignee_id: string | null };
const requestByRef = async (reference: string) => (await query<Row>("SELECT status, close_reason, claim_id, kind, email, assignee_id FROM reader_requests WHERE reference = $1", [reference]))[0];

async function publishedClaim(label: string) {
  const claim = await createClaimWithSource(`Twelve officers were killed ${label} ${Date.now()}`);
  await publishVersion(claim.id, { rating: "TRUE", ratingValue: 5, reasoning: "A wire report confirms the police count.", approver: "editor@claimdesk.test" });
  const story = (await query<{ slug: string }>("SELECT s.slug FROM stories s JOIN claims c ON c.story_id = s.id WHERE c.id = $1", [claim.id]))[0]!.slug;
  return { ...claim, story };
}

/** Waits until the form's token (its render time, in seconds) is more than the minimum fill time old. */
async function formOldEnough(page: Page, form = page.locator("form.reader-form").first()) {
  const token = await form.locator('input[name="token"]').getAttribute("value");
  const issued = Number(token?.split(".")[0]) * 1000;
  await expect.poll(() => Date.now() - issued, { timeout: 10_000 }).toBeGreaterThan(3_500);
}

async function referenceFrom(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { name: "Thank you: we have it" })).toBeVisible();
  const reference = (await page.locator(".reference").innerText()).trim();
  expect(reference).toMatch(/^R-[0-9A-Z]{8}$/);
  return reference;
}

test("without JavaScript: a correction request from a claim page, tied to the claim, with a reference; the e-mail is never shown", async ({ browser }) => {
  const claim = await publishedClaim("no-js");
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/claims/${claim.slug}`);
  await page.getByText("Report an error / request a correction").click();
  const form = page.locator("details[open] form.reader-form");
  await form.getByLabel("What is wrong, and what is right").fill("The count was fourteen, not twelve, according to the ministry.");
  await form.getByLabel("Link, or where you saw it (optional)").fill("https://ministry.example/briefing");
  const email = `reader-${Date.now()}@example.org`;
  await form.getByLabel("Your e-mail, if you want to hear back (optional)").fill(email);
  await page.screenshot({ path: "test-results/readers-claim-form-390.png", fullPage: true });
  await formOldEnough(page, form);
  await form.getByRole("button", { name: "Send correction request" }).click();
  const reference = await referenceFrom(page);
  expect(await page.content()).not.toContain(email);
  await page.screenshot({ path: "test-results/readers-received-390.png", fullPage: true });
  const row = await requestByRef(reference);
  expect(row).toMatchObject({ kind: "CORRECTION", status: "OPEN", claim_id: claim.id, email });
  await context.close();
});

test("with JavaScript: a claim suggestion from a story page; accessible forms and pages; the story's feed", async ({ page }) => {
  const claim = await publishedClaim("js");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/stories/${claim.story}`);
  await page.getByText("Suggest a claim to check").click();
  const form = page.locator("details[open] form.reader-form");
  await expect(form).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: "test-results/readers-story-390.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/readers-story-1366.png", fullPage: true });
  await form.getByLabel("The claim you want us to check").fill(`The governor said the airport reopened on Friday ${Date.now()}.`);
  await formOldEnough(page, form);
  await form.getByRole("button", { name: "Send suggestion" }).click();
  const reference = await referenceFrom(page);
  expect(await axeViolations(page)).toEqual([]);
  expect(await requestByRef(reference)).toMatchObject({ kind: "SUGGESTION", status: "OPEN", claim_id: null, email: null });

  const feed = await page.request.get(`/stories/${claim.story}`).then(() => page.request.get(`/feeds/stories/${claim.story}`));
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(`claim:${claim.slug}:v1`);
});

test("a refused post says why and keeps the reader on the form", async ({ page }) => {
  await page.goto("/requests/new?kind=SUGGESTION");
  await page.getByLabel("The claim you want us to check").fill("Sent at once, as a script would.");
  // "At once" whatever the machine's load: the form's token is re-signed for this very moment.
  const token = page.locator('form:has(button:text("Send suggestion")) input[name="token"]');
  await token.evaluate((input, value) => ((input as HTMLInputElement).value = value), issueFormToken(E2E_AUTH_SECRET));
  await page.getByRole("button", { name: "Send suggestion" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not sent." })).toContainText("within seconds of the page opening");
  expect(await axeViolations(page)).toEqual([]);
});

test("the desk triages each way: assign, turn into a claim, link to an existing claim, close with a reason", async ({ page }) => {
  const claim = await publishedClaim("desk");
  const reference = () => `R-${Array.from({ length: 8 }, () => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[Math.floor(Math.random() * 32)]).join("")}`;
  const insert = async (kind: string, text: string, claimId: string | null = null) =>
    (
      await query<{ id: string; reference: string }>(
        "INSERT INTO reader_requests (reference, kind, text, fingerprint, claim_id) VALUES ($1, $2, $3, md5($3), $4) RETURNING id, reference",
        [reference(), kind, text, claimId],
      )
    )[0]!;
  const run = Date.now();
  const suggestion = await insert("SUGGESTION", `The minister said bread prices fell by half ${run}`);
  const duplicate = await insert("SUGGESTION", `Did twelve officers die? ${run}`);
  const correction = await insert("CORRECTION", `The excerpt is misquoted ${run}`, claim.id);

  await signIn(page, "editor");
  await page.goto("/desk/claims");
  await expect(page.getByRole("status").filter({ hasText: "Readers:" })).toContainText("correction request");
  await page.goto("/desk/requests?kind=SUGGESTION");
  await expect(page.getByRole("link", { name: suggestion.reference })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/readers-queue-1366.png", fullPage: true });

  // Assign, then turn into a claim through the new-claim form (prefilled; the duplicate check runs).
  await page.getByRole("link", { name: suggestion.reference }).click();
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect.poll(async () => (await requestByRef(suggestion.reference))?.assignee_id).not.toBeNull();
  await page.getByRole("link", { name: "Turn into a claim" }).click();
  await expect(page.getByLabel("Claim", { exact: true })).toHaveValue(`The minister said bread prices fell by half ${run}`);
  await page.getByLabel("Claimant", { exact: true }).fill("The minister");
  await page.getByLabel("Kind", { exact: true }).selectOption("NUMERIC");
  await page.getByRole("button", { name: "Save claim" }).click();
  const saveAnyway = page.getByRole("button", { name: "Save anyway, it is a different claim" });
  const saved = page.getByRole("heading", { level: 1, name: /bread prices fell by half/ });
  await expect(saveAnyway.or(saved)).toBeVisible();
  if (await saveAnyway.isVisible()) await saveAnyway.click();
  await expect(saved).toBeVisible();
  await expect.poll(async () => (await requestByRef(suggestion.reference))?.close_reason).toBe("CLAIM_CREATED");

  // Link a suggestion to a claim already on the desk.
  await page.goto("/desk/requests?kind=SUGGESTION");
  await page.getByRole("link", { name: duplicate.reference }).click();
  await page.getByLabel("Existing claim (its address or slug)").fill(`http://localhost/desk/claims/${claim.slug}`);
  await page.getByRole("button", { name: "Link to this claim" }).click();
  await expect.poll(async () => (await requestByRef(duplicate.reference))?.close_reason).toBe("LINKED");

  // A correction request is shown on its claim's desk page; close it with a reason.
  await page.goto(`/desk/claims/${claim.slug}`);
  await expect(page.getByRole("heading", { name: /Readers ask for a correction/ })).toBeVisible();
  await page.getByRole("link", { name: correction.reference }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/readers-request-390.png", fullPage: true });
  await page.getByLabel("Reason").selectOption("NO_ERROR_FOUND");
  await page.getByRole("button", { name: "Close request" }).click();
  await expect.poll(async () => (await requestByRef(correction.reference))?.status).toBe("DECLINED");
});
