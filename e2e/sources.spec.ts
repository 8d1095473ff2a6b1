import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { articleHtml, startPageServer } from "../test/support/page-server";
import { E2E_DATABASE_URL } from "./environment";
import { createClaimWithSource, publishVersion } from "./fixtures/publications";
import { openDisclosure, query, signIn } from "./helpers";

/*
 * Issue 20: a fact-checker cites a page, a copy is kept and the excerpt is found in it; the page
 * changes; `npm run sources:recheck` notices, the people on the claim are told, the desk shows what
 * changed, and once an editor confirms, readers of the published claim are told too. The page is
 * served from this process on 127.0.0.1: the server under test fetches nothing, so the copy and the
 * recheck run here through the fetcher's test-only loopback allowance (production refuses it).
 */

const run = promisify(execFile);
const FETCHING: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: E2E_DATABASE_URL, NODE_ENV: "test", CLAIMDESK_FETCH_ALLOW_LOOPBACK: "1", CLAIMDESK_FETCH_DISABLED: "0" };
const tsx = (script: string, args: string[]) => run(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], { env: FETCHING, timeout: 120_000 });

const PARAGRAPHS = [
  "The interior ministry said on Sunday that 4,266 people had been detained across the country since the unrest began.",
  "Officials added that order had been restored in all regions and that the state of emergency would remain in force.",
];

let site: Awaited<ReturnType<typeof startPageServer>>;
test.beforeAll(async () => {
  site = await startPageServer();
});
test.afterAll(() => site.close());

test("a cited page is kept, its change is noticed and shown, the checker is told, and readers learn once an editor confirms", async ({ page, browser }) => {
  const text = `Thousands were detained across the country ${Date.now()}`;
  const claim = await createClaimWithSource(text);
  const checker = (await query<{ id: string }>("SELECT id FROM users WHERE email = 'checker@claimdesk.test'"))[0]!.id;
  await query("UPDATE claims SET assignee_id = $1 WHERE id = $2", [checker, claim.id]);
  const path = `/statement-${claim.slug}`;
  const url = site.set(path, { body: articleHtml("Ministry statement", PARAGRAPHS) });

  // Attach the page with "Keep a copy" ticked: this server may not fetch, and it says so.
  await signIn(page, "checker");
  await page.goto(`/desk/claims/${claim.slug}`);
  const summary = page.locator("summary", { hasText: "Attach a source" });
  await summary.click();
  const form = page.locator("details", { has: summary });
  await form.getByLabel("URL", { exact: true }).fill(url);
  await form.getByLabel("Outlet", { exact: true }).fill("Interior Ministry");
  await form.getByLabel("Type", { exact: true }).selectOption({ label: "Official body" });
  await form.getByLabel("Exact excerpt").fill("4,266 people had been detained across the country");
  await form.getByRole("radio", { name: /^Supports —/ }).check();
  await openDisclosure(form, "Source details");
  await expect(form.getByLabel("Keep a copy of the page now")).toBeChecked();
  await form.getByRole("button", { name: "Attach source" }).click();
  await expect(page.getByText("No copy of the page was kept:", { exact: false })).toBeVisible();
  const [evidence] = await query<{ id: string; source_id: string }>(
    "SELECT e.id, e.source_id FROM evidence e JOIN sources s ON s.id = e.source_id WHERE e.claim_id = $1 AND s.url = $2",
    [claim.id, url],
  );
  expect(evidence, "the source is attached without a copy").toBeTruthy();

  // The copy, kept as the desk's button keeps it; the desk shows it and the excerpt's check.
  await tsx("e2e/fixtures/keep-copy.ts", [evidence!.id, "checker@claimdesk.test"]);
  await page.reload();
  const kept = page.getByRole("link", { name: /^Fetched / });
  await expect(kept).toBeVisible();
  await expect(page.getByText("Excerpt found in snapshot")).toBeVisible();
  await kept.click();
  await expect(page.getByRole("heading", { name: "Kept copy: Ministry statement", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Main text" })).toContainText("4,266 people had been detained");
  const raw = await page.request.get(await page.getByRole("link", { name: "Open the page as kept" }).getAttribute("href").then((h) => h!));
  expect(raw.status()).toBe(200);
  expect(raw.headers()["content-security-policy"]).toContain("sandbox");

  await publishVersion(claim.id, { rating: "TRUE", ratingValue: 5, reasoning: "The ministry's figure.", approver: "editor@claimdesk.test" });

  // The page changes; the recheck (as a scheduler runs it) keeps the new copy and raises an alert.
  site.set(path, { body: articleHtml("Ministry statement", [PARAGRAPHS[0]!.replace("4,266", "3,000"), PARAGRAPHS[1]!]) });
  const { stdout } = await tsx("scripts/sources-recheck.ts", ["--source", evidence!.source_id]);
  expect(stdout).toContain(`changed   ${url}`);
  expect(stdout).toContain("Sources rechecked: 1; unchanged 0, changed 1");

  // The assigned checker is told, in the header and on the notifications page.
  expect(await query("SELECT kind, actor_id FROM notifications WHERE claim_id = $1 AND recipient_id = $2", [claim.id, checker])).toEqual([{ kind: "SOURCE_CHANGED", actor_id: null }]);
  await page.goto("/desk/notifications");
  await expect(page.getByRole("listitem").filter({ hasText: "The source recheck found that a cited source changed" }).filter({ hasText: text })).toBeVisible();

  // The desk shows what changed; a checker may not tell readers.
  await page.goto(`/desk/claims/${claim.slug}`);
  const alerts = page.getByRole("region", { name: "Source alerts" });
  await expect(alerts.getByRole("heading", { name: /Interior Ministry: page changed/ })).toBeVisible();
  const diff = alerts.getByRole("region", { name: /Changes to the page's main text/ });
  await expect(diff.locator("del")).toContainText("4,266");
  await expect(diff.locator("ins")).toContainText("3,000");
  await expect(alerts.getByText("An editor decides whether readers are told.")).toBeVisible();

  // Readers see nothing yet; an editor confirms, and the published claim says the source changed.
  const reader = await browser.newPage();
  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByText("Interior Ministry", { exact: false }).first()).toBeVisible();
  await expect(reader.getByText("The source changed after it was cited")).toHaveCount(0);

  const editor = await browser.newPage();
  await signIn(editor, "editor");
  await editor.goto(`/desk/claims/${claim.slug}`);
  await editor.getByRole("button", { name: "Confirm: tell readers" }).click();
  await expect(editor.getByRole("region", { name: "Source alerts" }).getByText("Readers told")).toBeVisible();
  await expect.poll(async () => (await query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'source.alert_confirm' AND entity_id = $1", [evidence!.source_id]))[0]!.n).toBe(1);

  await expect(async () => {
    await reader.reload();
    await expect(reader.getByText("The source changed after it was cited", { exact: false })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await reader.close();
  await editor.close();
});
