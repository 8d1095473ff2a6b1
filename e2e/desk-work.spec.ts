import { expect, test, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";
import { createClaimWithSource } from "./fixtures/publications";

// Issue 19: each role's start page, a mention that reaches a colleague's header without a reload,
// bulk assignment, a story created in the desk, and the keyboard shortcuts' help.

const userId = async (email: string) => (await query<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]))[0]!.id;

test("sign-in lands each role on its start page, with the demo's work on it", async ({ browser }) => {
  const checker = await browser.newPage();
  await signIn(checker, "checker");
  await expect(checker).toHaveURL(/\/desk\/my-work$/);
  await expect(checker.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();
  const assigned = checker.getByRole("region", { name: /Assigned to you/ });
  await expect(assigned.getByRole("link").first()).toBeVisible();
  const sentBack = checker.getByRole("region", { name: /Sent back to you/ });
  await expect(sentBack.getByText("Cite the decree itself", { exact: false })).toBeVisible();
  await expect(checker.getByRole("region", { name: /Your draft verdicts/ }).getByRole("link").first()).toBeVisible();
  await expect(checker.getByRole("region", { name: /Mentions/ }).getByText("second source", { exact: false }).first()).toBeVisible();
  await checker.close();

  const editor = await browser.newPage();
  await signIn(editor, "editor");
  await expect(editor).toHaveURL(/\/desk\/review$/);
  const waiting = Number((await query<{ n: string }>("SELECT count(*) AS n FROM verdicts WHERE state = 'SUBMITTED'"))[0]!.n);
  await expect(editor.getByRole("link", { name: /^Review queue \(\d+\)$/ })).toBeVisible();
  expect(waiting).toBeGreaterThan(0);
  await editor.close();

  const admin = await browser.newPage();
  await signIn(admin, "admin");
  await expect(admin).toHaveURL(/\/desk\/admin$/);
  await expect(admin.getByRole("heading", { name: "Recent audit events" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Manage users" })).toBeVisible();
  await admin.close();
});

async function unreadShown(page: Page): Promise<number> {
  return Number(await page.getByTestId("unread-count").textContent());
}

test("a comment that mentions a colleague raises their header count without a reload", async ({ browser }) => {
  const claim = await createClaimWithSource(`Officials said the airport reopened ${Date.now()}`);
  const mentioned = await browser.newPage();
  await signIn(mentioned, "checker2");
  await mentioned.goto("/desk/my-work");
  const before = await unreadShown(mentioned);
  await mentioned.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const author = await browser.newPage();
  await signIn(author, "editor");
  await author.goto(`/desk/claims/${claim.slug}`);
  await author.getByRole("textbox", { name: "Comment", exact: true }).fill(`@checker2 could you confirm the reopening time with the airport? (${claim.slug})`);
  await author.getByRole("button", { name: "Post comment" }).click();
  await expect(author.getByText("1 colleague notified", { exact: false })).toBeVisible();
  await expect(author.getByRole("list", { name: "Comments" }).getByText(claim.slug, { exact: false })).toBeVisible();
  const rows = await query<{ kind: string }>(
    "SELECT n.kind FROM notifications n JOIN claims c ON c.id = n.claim_id WHERE c.slug = $1 AND n.recipient_id = $2",
    [claim.slug, await userId("checker2@claimdesk.test")],
  );
  expect(rows).toEqual([{ kind: "MENTIONED" }]);

  // Back on the colleague's open page (a background tab does not poll): the count rises on its own.
  await mentioned.bringToFront();
  await expect.poll(() => unreadShown(mentioned), { timeout: 30_000 }).toBeGreaterThan(before);
  expect(await mentioned.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  await mentioned.getByRole("link", { name: /^Notifications/ }).click();
  const item = mentioned.getByRole("listitem").filter({ hasText: claim.slug });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: "Mark read" }).click();
  await expect(item.getByRole("button", { name: "Mark read" })).toHaveCount(0);
  const readAt = async () =>
    (
      await query<{ read_at: Date | null }>(
        "SELECT n.read_at FROM notifications n JOIN claims c ON c.id = n.claim_id WHERE c.slug = $1 AND n.recipient_id = $2 AND n.kind = 'MENTIONED'",
        [claim.slug, await userId("checker2@claimdesk.test")],
      )
    ).map((row) => row.read_at !== null);
  await expect.poll(readAt).toEqual([true]);
});

test("bulk assign from the claims list: each claim assigned and audited", async ({ page }) => {
  const tag = `bulk${Date.now()}`;
  const claims = [await createClaimWithSource(`Bulk one ${tag} police reported`), await createClaimWithSource(`Bulk two ${tag} police reported`)];
  await signIn(page, "editor");
  await page.goto(`/desk/claims?q=${tag}`);
  await page.getByRole("checkbox", { name: `Tick: Bulk one ${tag} police reported` }).check();
  await page.getByRole("checkbox", { name: `Tick: Bulk two ${tag} police reported` }).check();
  await page.getByLabel("With the ticked claims").selectOption("assign");
  await page.getByLabel("Assignee").selectOption({ label: "Daniyar Checker" });
  await page.getByRole("button", { name: "Apply to ticked claims" }).click();
  await expect(page.getByText("2 claims changed.")).toBeVisible();
  const rows = await query<{ slug: string; email: string }>(
    "SELECT c.slug, u.email FROM claims c JOIN users u ON u.id = c.assignee_id WHERE c.slug = ANY($1) ORDER BY c.slug",
    [claims.map((c) => c.slug)],
  );
  expect(rows.map((r) => r.email)).toEqual(["checker2@claimdesk.test", "checker2@claimdesk.test"]);
  const audit = await query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE action = 'claim.assign' AND entity_id = ANY($1)", [claims.map((c) => c.id)]);
  expect(Number(audit[0]!.n)).toBe(2);
  await expect(page.getByRole("row", { name: new RegExp(`Bulk one ${tag}`) })).toContainText("Daniyar Checker");
});

test("an editor creates a story in the desk and a fact-checker sees it", async ({ page }) => {
  const title = `Mudslides in Almaty region ${Date.now()}`;
  await signIn(page, "editor");
  await page.goto("/desk/stories");
  await page.getByRole("button", { name: "Create story" }).click();
  await expect(page.getByText("Enter the story's title.")).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary (optional)").fill("Heavy rain set off mudslides in the foothills.");
  await page.getByRole("button", { name: "Create story" }).click();
  await expect(page).toHaveURL(/\/desk\/stories\/[0-9a-f-]{36}\?saved=1$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const rows = await query<{ slug: string; summary: string }>("SELECT slug, summary FROM stories WHERE title = $1", [title]);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.slug).toMatch(/^mudslides-in-almaty-region-/);
  expect(rows[0]!.summary).toBe("Heavy rain set off mudslides in the foothills.");
  const audit = await query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE action = 'story.create' AND entity_type = 'story' AND entity_id = (SELECT id::text FROM stories WHERE title = $1)", [title]);
  expect(Number(audit[0]!.n)).toBe(1);

  await page.context().clearCookies();
  await signIn(page, "checker");
  await page.goto("/desk/stories");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create story" })).toHaveCount(0);
});

test("keyboard: ? opens the shortcuts help, typing ? in a field does not; j moves through claims", async ({ page }) => {
  await signIn(page, "checker");
  await page.goto("/desk/claims");
  await page.getByLabel("Search claims and claimants").fill("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  await page.getByRole("heading", { name: "Claims", level: 1 }).click();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByText("Assign the open claim to me")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await page.keyboard.press("j");
  await expect(page.locator("[data-shortcut-item]").first()).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.locator("[data-shortcut-item]").nth(1)).toBeFocused();
});
