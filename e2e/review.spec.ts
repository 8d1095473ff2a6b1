import { expect, test, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";
import { createClaimWithSource } from "./fixtures/publications";

let SLUG = "";
test.beforeEach(async () => {
  SLUG = (await createClaimWithSource(`The CSTO deployment is for a limited period ${Date.now()}`)).slug;
});

async function signOut(page: Page) {
  await page.context().clearCookies();
}

async function verdictStates() {
  return query<{ state: string; rating: string; correction_note: string | null }>(
    `SELECT v.state, v.rating, v.correction_note FROM verdicts v JOIN claims c ON c.id = v.claim_id
     WHERE c.slug = $1 ORDER BY v.created_at`,
    [SLUG],
  );
}

test("draft, submit, four-eyes, approve, publish, then a correction with both versions visible", async ({ page }) => {
  // A fact-checker drafts and submits.
  await signIn(page, "checker");
  await page.goto(`/desk/claims/${SLUG}`);
  const panel = page;
  await panel.getByLabel("Rating").selectOption("MOSTLY_TRUE");
  await panel.getByLabel("Reasoning").fill("The CSTO statement and TASS both say the deployment is for a limited period; no end date was given.");
  await panel.getByRole("button", { name: "Save draft" }).click();
  await expect(panel.getByRole("heading", { name: "Verdict in progress" })).toBeVisible();
  // No evidence ticked: a warning, and submitting needs a confirmation.
  await expect(panel.getByText("This verdict cites no evidence.", { exact: false })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Submit for review" })).toBeDisabled();
  await panel.getByLabel("Submit it without evidence").check();
  await panel.getByRole("button", { name: "Submit for review" }).click();
  await expect.poll(async () => (await verdictStates()).map((v) => v.state)).toEqual(["SUBMITTED"]);

  // The author is signed in as a fact-checker: no approve control at all.
  await page.reload();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await signOut(page);

  // An editor approves and publishes.
  await signIn(page, "editor");
  await page.goto("/desk/review");
  await expect(page.getByText("limited period", { exact: false }).first()).toBeVisible();
  await page.goto(`/desk/claims/${SLUG}`);
  // The approve step shows what readers will see: the sources being approved.
  await expect(page.getByRole("region", { name: "What you approve: readers will see exactly this" }).getByText("Wire Service", { exact: false })).toBeVisible();
  await page.getByLabel("Review comment").fill("Checked against the CSTO statement.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect.poll(async () => (await verdictStates()).map((v) => v.state)).toEqual(["APPROVED"]);
  await page.reload();
  // Publishing shows a preview and asks for a confirmation, then links to the public page.
  await expect(page.getByRole("region", { name: "Preview of the public page" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish to the public ledger" })).toBeDisabled();
  await page.getByLabel("I checked the preview above", { exact: false }).check();
  await page.getByRole("button", { name: "Publish to the public ledger" }).click();
  await expect(page.getByRole("link", { name: "View the public page" })).toHaveAttribute("href", `/claims/${SLUG}`);
  await expect.poll(async () => (await verdictStates()).map((v) => v.state)).toEqual(["PUBLISHED"]);
  const claims = await query<{ status: string }>("SELECT status FROM claims WHERE slug = $1", [SLUG]);
  expect(claims[0]?.status).toBe("PUBLISHED");

  // The editor drafts a correction; they wrote it, so they cannot approve it.
  await page.reload();
  await page.getByRole("button", { name: "Propose an update or correction" }).click();
  await page.getByLabel("Correction: the rating or the substance changed").check();
  await page.getByLabel("Rating", { exact: true }).selectOption("TRUE");
  await page.getByLabel("Reasoning").fill("The CSTO later set and met a withdrawal date; the limited period held.");
  await page.getByLabel("Public note").fill("Upgraded to true: the troops withdrew within the announced period.");
  await page.getByRole("button", { name: "Save amendment draft" }).click();
  await expect(page.getByRole("heading", { name: "Update or correction in progress" })).toBeVisible();
  await page.getByLabel("Submit it without evidence").check();
  await page.getByRole("button", { name: "Submit for review" }).click();
  // Reload only once the submission is stored, or the reload cancels it.
  await expect.poll(async () => (await verdictStates()).map((v) => v.state)).toEqual(["PUBLISHED", "SUBMITTED"]);
  await page.reload();
  await expect(page.getByRole("button", { name: "Approve" })).toBeDisabled();
  await signOut(page);

  // A second editor approves and publishes the correction.
  await signIn(page, "editor2");
  await page.goto(`/desk/claims/${SLUG}`);
  await page.getByLabel("Review comment").fill("Correction checked.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect.poll(async () => (await verdictStates()).map((v) => v.state)).toEqual(["PUBLISHED", "APPROVED"]);
  await page.reload();
  await page.getByLabel("I checked the preview above", { exact: false }).check();
  await page.getByRole("button", { name: "Publish to the public ledger" }).click();
  await expect.poll(async () => (await verdictStates()).map((v) => v.state)).toEqual(["SUPERSEDED", "PUBLISHED"]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Earlier published versions" })).toBeVisible();
  await expect(page.getByText("Upgraded to true: the troops withdrew within the announced period.").first()).toBeVisible();
  const states = await verdictStates();
  expect(states[1]?.correction_note).toContain("Upgraded to true");
  const publications = await query<{ version: number; kind: string }>(
    "SELECT p.version, p.kind FROM publications p JOIN claims c ON c.id = p.claim_id WHERE c.slug = $1 ORDER BY p.version",
    [SLUG],
  );
  expect(publications).toEqual([{ version: 1, kind: "ORIGINAL" }, { version: 2, kind: "CORRECTION" }]);
});
