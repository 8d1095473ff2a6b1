import { expect, test, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";
import { createClaimWithSource, publishVersion } from "./fixtures/publications";

// As a reader sees it: desk work stays off the public page until it is published as a new
// version; updates and corrections show in the version history with what changed; a retracted
// check keeps its page with the notice. Each test makes its own claim.

const articleText = async (page: Page, slug: string) => {
  await page.goto(`/claims/${slug}`);
  return page.locator("article").innerText();
};

const verdictState = async (claimId: string) =>
  (await query<{ state: string }>("SELECT state FROM verdicts WHERE claim_id = $1 ORDER BY created_at DESC LIMIT 1", [claimId]))[0]?.state;

/** An amendment through the desk: the checker proposes and submits it, editor2 approves, editor publishes. */
async function amendThroughDesk(page: Page, claim: { id: string; slug: string }, o: { kind: "Update" | "Correction"; rating: string; reasoning: string; note: string }) {
  await page.context().clearCookies();
  await signIn(page, "checker");
  await page.goto(`/desk/claims/${claim.slug}`);
  await page.getByRole("button", { name: "Propose an update or correction" }).click();
  await page.getByRole("radio", { name: new RegExp(`^${o.kind}:`) }).check();
  await page.getByLabel("Rating", { exact: true }).selectOption(o.rating);
  await page.getByLabel("Reasoning").fill(o.reasoning);
  await page.getByLabel("Public note").fill(o.note);
  await page.getByRole("button", { name: "Save amendment draft" }).click();
  await expect(page.getByRole("heading", { name: "Update or correction in progress" })).toBeVisible();
  await page.getByLabel("Submit it without evidence").check();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect.poll(() => verdictState(claim.id)).toBe("SUBMITTED");

  await page.context().clearCookies();
  await signIn(page, "editor2");
  await page.goto(`/desk/claims/${claim.slug}`);
  await page.getByLabel("Review comment").fill("Checked the new sources.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect.poll(() => verdictState(claim.id)).toBe("APPROVED");

  await page.context().clearCookies();
  await signIn(page, "editor");
  await page.goto(`/desk/claims/${claim.slug}`);
  await page.getByLabel("I checked the preview above", { exact: false }).check();
  await page.getByRole("button", { name: "Publish to the public ledger" }).click();
  await expect(page.getByRole("link", { name: "View the public page" })).toBeVisible();
  await expect.poll(() => verdictState(claim.id)).toBe("PUBLISHED");
}

test("an update and a correction of a published claim, with the version history and the diff", async ({ page, browser }) => {
  test.setTimeout(150_000); // two amendments through three desk accounts on a shared 2-core machine
  const run = Date.now();
  const original = `Twelve police officers were killed in Almaty ${run}`;
  const claim = await createClaimWithSource(original);
  await publishVersion(claim.id, { rating: "TRUE", ratingValue: 5, reasoning: "The police count is confirmed by a wire report.", approver: "editor@claimdesk.test" });

  const reader = await browser.newPage();
  const published = await articleText(reader, claim.slug);
  expect(published).toContain(original);
  await expect(reader.getByText("Checked by Farida Checker", { exact: false }).first()).toBeVisible();
  await expect(reader.getByText("approved by editor Aigerim Editor", { exact: false }).first()).toBeVisible();

  // A fact-checker rewrites the published claim and attaches a source in the desk: saved, but the
  // public page does not move (attaching expires the ledger's cache, so the page is rendered anew).
  await signIn(page, "checker");
  await page.goto(`/desk/claims/${claim.slug}/edit`);
  await expect(page.getByText("pending amendment", { exact: false })).toBeVisible();
  const rewritten = `Eighteen police officers were killed in Almaty ${Date.now()}`;
  await page.getByLabel("Claim", { exact: true }).fill(rewritten);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(async () => (await query<{ text: string }>("SELECT text FROM claims WHERE id = $1", [claim.id]))[0]?.text).toBe(rewritten);
  await page.goto(`/desk/claims/${claim.slug}`);
  const summary = page.locator("summary", { hasText: "Attach a source" });
  const details = page.locator("details", { has: summary });
  if ((await details.getAttribute("open")) === null) await summary.click();
  await details.getByLabel("URL", { exact: true }).fill(`https://ministry.example/${Date.now()}`);
  await details.getByLabel("Outlet", { exact: true }).fill("Interior Ministry");
  await details.getByLabel("Type", { exact: true }).selectOption({ index: 1 });
  await details.getByLabel("Exact excerpt").fill("Eighteen officers died.");
  await details.getByRole("radio", { name: /^Supports —/ }).check();
  await details.getByRole("button", { name: "Attach source" }).click();
  await expect.poll(async () => (await query<{ n: number }>("SELECT count(*)::int AS n FROM evidence WHERE claim_id = $1", [claim.id]))[0]?.n).toBe(2);
  expect(await articleText(reader, claim.slug)).toBe(published);
  await page.reload();
  await expect(page.getByText("Pending amendment.", { exact: false })).toBeVisible();

  // Published as an update (approved by an editor who did not make the changes): the new text, the note and the diff.
  await amendThroughDesk(page, claim, { kind: "Update", rating: "TRUE", reasoning: "The ministry's count of eighteen is now the official figure.", note: `The interior ministry raised the count to eighteen; we quote it (${run}).` });
  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText(rewritten);
  const history = reader.locator("section", { has: reader.getByRole("heading", { name: "Version history" }) });
  await expect(history.getByRole("heading", { name: /Version 2: Updated/ })).toBeVisible();
  await expect(history.getByText(`The interior ministry raised the count to eighteen; we quote it (${run}).`)).toBeVisible();
  await expect(history.locator("del", { hasText: "Twelve" }).first()).toBeVisible();
  await expect(history.locator("ins", { hasText: "Eighteen" }).first()).toBeVisible();
  await expect(history.getByText("Added:", { exact: false })).toBeVisible();
  await expect(history.getByText("approved by editor Marat Editor", { exact: false }).first()).toBeVisible();

  // Then a correction: the rating changes; /corrections lists it apart from the update.
  await amendThroughDesk(page, claim, { kind: "Correction", rating: "MIXED", reasoning: "Two official counts disagree.", note: `Downgraded to mixed: the city's count differs from the ministry's (${run}).` });
  await reader.goto(`/claims/${claim.slug}`);
  await expect(history.getByRole("heading", { name: /Version 3: Corrected/ })).toBeVisible();
  await expect(history.locator("ins", { hasText: "Mixed" }).first()).toBeVisible();
  await reader.goto("/corrections");
  const corrections = reader.locator("section", { has: reader.getByRole("heading", { name: "Corrections", exact: true }) });
  const updates = reader.locator("section", { has: reader.getByRole("heading", { name: "Updates" }) });
  await expect(corrections.getByText(`Downgraded to mixed: the city's count differs from the ministry's (${run}).`)).toBeVisible();
  await expect(updates.getByText(`The interior ministry raised the count to eighteen; we quote it (${run}).`)).toBeVisible();
  await expect(corrections.getByText(`(${run})`, { exact: false })).toHaveCount(1);
  const api = await reader.request.get(`/api/v1/claims/${claim.slug}`);
  const body = (await api.json()) as { data: { version: number; versions: Array<{ kind: string }> } };
  expect(body.data.versions.map((v) => v.kind)).toEqual(["original", "update", "correction"]);
  await reader.close();
});

test("a retracted check keeps its page: the notice with its date and note, and the earlier version", async ({ page, browser }) => {
  const text = `Protesters seized the airport ${Date.now()}`;
  const claim = await createClaimWithSource(text);
  await publishVersion(claim.id, { rating: "FALSE", ratingValue: 1, reasoning: "No report places protesters there.", approver: "editor@claimdesk.test" });

  await signIn(page, "editor2");
  await page.goto(`/desk/claims/${claim.slug}`);
  const danger = page.locator("section", { has: page.getByRole("heading", { name: "Retract this published check" }) });
  await danger.getByRole("button", { name: "Retract…" }).click();
  const note = `We retract this check: the statement was misattributed to the police (${Date.now()}).`;
  await danger.getByLabel("Public note").fill(note);
  await danger.getByRole("button", { name: "Confirm retraction" }).click();
  await expect.poll(async () => (await query<{ status: string }>("SELECT status FROM claims WHERE id = $1", [claim.id]))[0]?.status).toBe("RETRACTED");

  const reader = await browser.newPage();
  const response = await reader.goto(`/claims/${claim.slug}`);
  expect(response?.status()).toBe(200);
  const notice = reader.locator("section", { has: reader.getByRole("heading", { name: "This fact-check was retracted" }) });
  await expect(notice.getByText(note)).toBeVisible();
  await expect(notice.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText(text);
  await expect(reader.getByRole("heading", { name: /Version 2: Retracted/ })).toBeVisible();
  await expect(reader.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await reader.goto("/corrections");
  const retractions = reader.locator("section", { has: reader.getByRole("heading", { name: "Retractions" }) });
  await expect(retractions.getByText(note)).toBeVisible();
  const api = await reader.request.get(`/api/v1/claims/${claim.slug}`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { data: { status: string } }).data.status).toBe("retracted");
  const feed = await (await reader.request.get("/feeds/corrections.atom")).text();
  expect(feed).toContain(`tag:claimdesk,2026:retraction:${claim.slug}:v2`);
  await reader.close();
});
