import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "./environment";
import { query, signIn, USERS } from "./helpers";

// Stored XSS: payloads planted in every text field through the real services render as text on
// every page that shows them. Each page is visited twice: with the Content-Security-Policy on (no
// violation may be reported) and with CSP bypassed, so the escaping itself is what is proven.

// One planting per run; the later tests read what the first one published.
test.describe.configure({ mode: "serial" });

const TAG = `x${Date.now().toString(36)}`;
/** The start of each planted payload: visible as text, `<script>` and all, when escaped. */
const shown = (where: string) => `${where} ${TAG} <script>window.__xss="${where}"</script>`;

type Planted = { claimSlug: string; storySlug: string; documentId: string; correctionId: string; personEmail: string };
let planted: Planted;

test.beforeAll(() => {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "e2e/fixtures/plant-xss.ts", TAG], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  });
  planted = JSON.parse(out.trim().split("\n").pop()!) as Planted;
});

async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

/** Visits a page and checks nothing ran, the payload is plain text, and (with CSP on) no violation. */
async function expectInert(page: Page, dialogs: string[], path: string, visible: string[], options: { csp: boolean }) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  for (const where of visible) await expect(page.getByText(shown(where)).filter({ visible: true }).first(), `${path}: ${where}`).toBeVisible();
  // An onerror handler (img src=x) would have fired once every image finished loading or failing.
  await page.waitForFunction(() => document.readyState === "complete" && [...document.images].every((img) => img.complete));
  const state = await page.evaluate((tag) => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    const planted = (el: Element) => [...el.attributes].some((a) => a.value.includes(tag) || a.value.includes("__xss"));
    return {
      xss: w.__xss ?? null,
      csp: w.__csp ?? [],
      // A planted script element would hold exactly the payload's code (Next's own inline scripts
      // carry the page data, payload text included, as escaped string literals).
      scripts: [...document.scripts].filter((s) => s.textContent?.trim().startsWith("window.__xss")).length,
      handlers: [...document.querySelectorAll("*")].filter((el) => planted(el) && [...el.attributes].some((a) => a.name.startsWith("on"))).length,
      images: document.querySelectorAll('img[src="x"]').length,
    };
  }, TAG);
  expect(state.xss, `${path}: a payload ran`).toBeNull();
  expect(state.scripts, `${path}: a payload became a script element`).toBe(0);
  expect(state.handlers, `${path}: a payload became an event handler`).toBe(0);
  expect(state.images, `${path}: a payload became an image`).toBe(0);
  expect(dialogs, path).toEqual([]);
  if (options.csp) expect(state.csp, `${path}: CSP violations`).toEqual([]);
}

async function signedIn(browser: Browser, who: keyof typeof USERS, options: { csp: boolean }) {
  const context = await browser.newContext({ bypassCSP: !options.csp });
  const page = await context.newPage();
  const dialogs = await watch(page);
  await signIn(page, who);
  return { context, page, dialogs };
}

test("payloads in every field render as text in the desk, the review queue, admin pages and the public ledger", async ({ browser }) => {
  test.setTimeout(180_000);
  const { claimSlug, storySlug, documentId, correctionId } = planted;

  for (const csp of [false, true]) {
    const desk = await signedIn(browser, "editor2", { csp });
    const { page, dialogs } = desk;
    await expectInert(page, dialogs, "/desk/review", ["claim-text", "claimant", "user-name"], { csp });
    await expectInert(page, dialogs, `/desk/claims/${claimSlug}`, ["claim-text", "claimant", "excerpt", "attribution", "source-outlet", "reasoning", "correction-note"], { csp });
    await expectInert(page, dialogs, "/desk/claims", ["claim-text"], { csp });
    await expectInert(page, dialogs, `/desk/documents/${documentId}`, ["document-title"], { csp });
    await expectInert(page, dialogs, "/desk/documents", ["document-title", "document-outlet"], { csp });
    await expectInert(page, dialogs, `/desk/vocabulary?story=${storySlug}`, ["figure-counted"], { csp });
    await desk.context.close();

    const admin = await signedIn(browser, "admin", { csp });
    await expectInert(admin.page, admin.dialogs, "/desk/admin/users", ["user-name"], { csp });
    await expectInert(admin.page, admin.dialogs, "/desk/admin/audit", ["user-name"], { csp });
    await admin.context.close();
  }

  // editor2 approves and publishes the correction in the desk, which also refreshes the ledger.
  const { context, page } = await signedIn(browser, "editor2", { csp: true });
  await page.goto(`/desk/claims/${claimSlug}`);
  await page.getByLabel("Review comment").fill(`Checked ${TAG} <script>window.__xss="comment"</script>`);
  await page.getByRole("button", { name: "Approve" }).click();
  const state = async () => (await query<{ state: string }>("SELECT state FROM verdicts WHERE id = $1", [correctionId]))[0]?.state;
  await expect.poll(state).toBe("APPROVED");
  await page.reload();
  await page.getByLabel("I checked the preview above", { exact: false }).check();
  await page.getByRole("button", { name: "Publish to the public ledger" }).click();
  await expect.poll(state).toBe("PUBLISHED");
  await context.close();

  for (const csp of [false, true]) {
    const context = await browser.newContext({ bypassCSP: !csp });
    const reader = await context.newPage();
    const dialogs = await watch(reader);
    await expectInert(reader, dialogs, "/", ["claim-text", "claimant"], { csp });
    await expectInert(reader, dialogs, `/?q=${TAG}`, ["claim-text"], { csp });
    await expectInert(reader, dialogs, `/claims/${claimSlug}`, ["claim-text", "claimant", "excerpt", "attribution", "source-outlet", "corrected-reasoning", "correction-note", "story-title"], { csp });
    await expectInert(reader, dialogs, `/stories/${storySlug}`, ["story-title", "claim-text"], { csp });
    await expectInert(reader, dialogs, "/corrections", ["claim-text", "correction-note"], { csp });
    await context.close();
  }
});

test("feeds and the API escape the payloads and say what they are", async ({ request }) => {
  for (const path of ["/feeds/verdicts.atom", "/feeds/corrections.atom"]) {
    const response = await request.get(path);
    expect(response.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    const body = await response.text();
    expect(body, path).toContain(`${TAG} &lt;script&gt;`);
    expect(body, path).not.toContain(`${TAG} <script>`);
  }
  const api = await request.get(`/api/v1/claims/${planted.claimSlug}`);
  expect(api.headers()["content-type"]).toMatch(/^application\/json/);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(((await api.json()) as { data: { text: string } }).data.text).toContain(shown("claim-text"));
});

test("the JSON-LD block cannot be closed early by a payload", async ({ page }) => {
  await page.goto(`/claims/${planted.claimSlug}`);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  expect(blocks[0]).not.toContain("</script>");
  const review = JSON.parse(blocks[0]!) as { claimReviewed: string };
  expect(review.claimReviewed).toContain(shown("claim-text"));
});

test("the policy itself blocks inline handlers and javascript: links, should escaping ever fail", async ({ page }) => {
  const dialogs = await watch(page);
  await page.goto("/");
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.innerHTML = `<img src="/no-such-image.png" onerror="window.__xss='onerror'"><a id="js-link" href="javascript:window.__xss='href'">x</a>`;
    document.body.append(box);
  });
  await page.locator("#js-link").click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations.every((v) => v.startsWith("script-src"))).toBe(true);
  expect(dialogs).toEqual([]);
});
