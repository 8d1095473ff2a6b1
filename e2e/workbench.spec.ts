import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { corpusPath } from "../lib/corpus";
import { openDisclosure, query, signIn } from "./helpers";

const POLICE_SENTENCE = "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.";

type Attach = {
  url: string;
  outlet: string;
  stance: "Supports" | "Contradicts";
  excerpt: string;
  speaker: string;
  value: string;
  asOf: string;
  /** Whom it cites, picked with the "cites" search: what to type, and the option to choose. */
  cites?: { search: string; pick: RegExp };
};

async function attachSource(page: Page, source: Attach) {
  const summary = page.locator("summary", { hasText: "Attach a source" });
  const details = page.locator("details", { has: summary });
  if ((await details.getAttribute("open")) === null) await summary.click();
  await details.getByLabel("URL", { exact: true }).fill(source.url);
  await details.getByLabel("Outlet", { exact: true }).fill(source.outlet);
  await details.getByLabel("Type", { exact: true }).selectOption({ index: 1 });
  await details.getByLabel("Exact excerpt").fill(source.excerpt);
  await details.getByLabel("Who speaks in the source").fill(source.speaker);
  await details.getByRole("radio", { name: new RegExp(`^${source.stance} —`) }).check();
  await openDisclosure(details, "Reported figure");
  await details.getByLabel("Value", { exact: true }).fill(source.value);
  await details.getByLabel("What was counted").fill("police killed");
  await details.getByLabel("As of", { exact: true }).fill(source.asOf);
  if (source.cites) {
    await openDisclosure(details, "Cited source");
    // The picker loads nothing with the page: focusing the search lists the claim's own sources,
    // typing searches all of them (GET /desk/sources), and the result count is announced.
    const search = details.getByLabel("Find a source we have");
    const status = details.getByRole("status").filter({ hasText: /already on this claim|match|Type at least|Searching/ });
    await search.focus();
    await expect(status).toHaveText(/already on this claim/);
    await search.fill("zz-no-such-outlet-qq");
    await expect(status).toHaveText(/No source matches “zz-no-such-outlet-qq”/);
    await search.fill(source.cites.search);
    await expect(status).toHaveText(/\d+ sources? match/);
    await details.getByRole("radio", { name: source.cites.pick }).check();
  }
  await details.getByRole("button", { name: "Attach source" }).click();
}

test("a fact-checker imports the report, creates claims from candidates, and records conflicting sources", async ({ page }) => {
  test.setTimeout(120_000); // three attachments, a search and two paged views on a shared 2-core machine
  await signIn(page, "checker");

  // Import the corpus report.
  await page.goto("/desk/documents/new");
  const headline = `Russian-led troops arrive in Kazakhstan ${Date.now()}`;
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Outlet", { exact: true }).fill("Demo wire");
  await page.getByLabel("Story", { exact: true }).selectOption({ label: "Kazakhstan unrest, January 2022" });
  await page.getByLabel("Article text").fill(readFileSync(corpusPath(), "utf8"));
  await page.getByRole("button", { name: "Import and find claims" }).click();
  await expect(page).toHaveURL(/\/desk\/documents\/[0-9a-f-]{36}$/);
  const documents = await query<{ id: string }>("SELECT id FROM documents WHERE title = $1", [headline]);
  expect(documents).toHaveLength(1);
  const documentId = documents[0]!.id;

  // The proposals include the casualty figures, the framing and the airport claim; tick two.
  await expect(page.getByText("a gang of international terrorists", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Demonstrators took control of the airport", { exact: false }).first()).toBeVisible();
  // The police sentence holds two claims (the injured, the killed): tick the first.
  await page.getByRole("checkbox", { name: "Almaty police said 353 police and security personnel were injured in the clashes", exact: true }).check();
  await page.getByRole("checkbox", { name: /Demonstrators took control of the airport/ }).check();
  await page.getByRole("button", { name: "Create 2 claims" }).click();
  // The demo data may already hold a similar claim: the desk shows it first, then creates on request.
  const anyway = page.getByRole("button", { name: "Create anyway" });
  await expect(page.getByRole("status").filter({ hasText: "Created 2 claims" }).or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect.poll(async () => (await query("SELECT 1 FROM claims WHERE document_id = $1", [documentId])).length).toBe(2);
  const claims = await query<{ slug: string; sentence: string; sentence_start: number; kind: string; status: string }>(
    "SELECT slug, sentence, sentence_start, kind, status FROM claims WHERE document_id = $1 ORDER BY sentence_start",
    [documentId],
  );
  const police = claims.find((c) => c.sentence === POLICE_SENTENCE);
  expect(police).toBeDefined();
  expect(police!.status).toBe("NEW");
  // Offsets point into the document text as stored (normalised line endings, trimmed).
  const stored = await query<{ text: string }>("SELECT text FROM documents WHERE id = $1", [documentId]);
  const text = stored[0]!.text;
  expect(text.slice(police!.sentence_start, police!.sentence_start + POLICE_SENTENCE.length)).toBe(POLICE_SENTENCE);

  // Two sources with opposite stances and figures that cannot both be true.
  await page.goto(`/desk/claims/${police!.slug}`);
  const stamp = Date.now();
  await attachSource(page, {
    url: `https://www.gov.kz/almaty-police/statement-${stamp}`,
    outlet: "Almaty police",
    stance: "Supports",
    excerpt: "353 police and security personnel were injured in the clashes and 12 were killed",
    speaker: "Almaty police press service",
    value: "12",
    asOf: "2022-01-06T09:00",
  });
  await expect(page.getByText("Almaty police press service").first()).toBeVisible();
  await attachSource(page, {
    url: `https://example.org/interior-ministry-${stamp}`,
    outlet: "Interior ministry briefing",
    stance: "Contradicts",
    excerpt: "Eight police officers were killed in Almaty",
    speaker: "Deputy interior minister",
    value: "8",
    asOf: "2022-01-06T15:00",
  });

  await expect(page.getByText("Conflicting accounts").first()).toBeVisible();
  await expect(page.getByRole("img").filter({ has: page.locator("circle, rect, line") }).first()).toBeVisible();

  // A wire report citing the police statement, picked from our sources: one more source, no new origin.
  await attachSource(page, {
    url: `https://wire.example/kazakhstan-police-toll-${stamp}`,
    outlet: "Wire service",
    stance: "Supports",
    excerpt: "Twelve police officers were killed, Almaty police said",
    speaker: "Almaty police, quoted by the wire",
    value: "12",
    asOf: "2022-01-06T10:00",
    cites: { search: `statement-${stamp}`, pick: new RegExp(`^Almaty police — .*statement-${stamp}$`) },
  });
  await expect(page.getByText("Wire service → citing Almaty police")).toBeVisible();
  await expect(page.getByText("3 sources, 2 independent origins")).toBeVisible();
  const cited = await query<{ cites: string | null; police: string }>(
    `SELECT e.cites_source_id AS cites, (SELECT id FROM sources WHERE url = $2) AS police
     FROM evidence e JOIN sources s ON s.id = e.source_id WHERE s.url = $1`,
    [`https://wire.example/kazakhstan-police-toll-${stamp}`, `https://www.gov.kz/almaty-police/statement-${stamp}`],
  );
  expect(cited).toHaveLength(1);
  expect(cited[0]!.cites).toBe(cited[0]!.police);
  const after = await query<{ has_conflict: boolean; evidence: string; figures: string }>(
    `SELECT c.has_conflict,
            (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence,
            (SELECT count(*) FROM reported_figures f JOIN evidence e ON e.id = f.evidence_id WHERE e.claim_id = c.id) AS figures
     FROM claims c WHERE c.slug = $1`,
    [police!.slug],
  );
  expect(after[0]).toEqual({ has_conflict: true, evidence: "3", figures: "3" });

  // Thirty more background sources: the list shows 25 with a link to all; counts and conflicts use every item.
  await query(
    `WITH bulk AS (
       INSERT INTO sources (id, url, normalized_url, outlet, type, updated_at)
       SELECT gen_random_uuid(), u, u, 'Background outlet ' || lpad(i::text, 2, '0'), 'NEWS_OUTLET', now()
       FROM generate_series(1, 30) i, LATERAL (SELECT 'https://background.example/' || $2 || '/' || i AS u) x
       RETURNING id, outlet)
     INSERT INTO evidence (id, claim_id, source_id, stance, excerpt, updated_at)
     SELECT gen_random_uuid(), c.id, bulk.id, 'CONTEXT', 'Background from ' || bulk.outlet, now() FROM bulk, claims c WHERE c.slug = $1`,
    [police!.slug, String(stamp)],
  );
  await page.reload();
  const section = page.getByRole("region", { name: "Sources and evidence" });
  await expect(section.locator("ol > li")).toHaveCount(25);
  await expect(section.getByText("The first 25 of 33 sources, oldest first.")).toBeVisible();
  await expect(page.getByText("33 sources, 32 independent origins")).toBeVisible();
  await expect(page.getByText("Conflicting accounts").first()).toBeVisible();
  const accounts = page.getByRole("region", { name: "Conflicting accounts" }).getByRole("table", { name: "Accounts by source" });
  await expect(accounts.locator("tbody tr")).toHaveCount(25);
  await expect(page.getByText("The first 25 of 33 accounts, earliest first.")).toBeVisible();
  await section.getByRole("link", { name: "Show all 33 sources" }).click();
  await expect(page).toHaveURL(/\?evidence=all/);
  await expect(section.locator("ol > li")).toHaveCount(33);
  await expect(accounts.locator("tbody tr")).toHaveCount(33);
  await expect(page.getByRole("link", { name: "Show all 33 accounts" })).toHaveCount(0);
  await expect(section.getByRole("link", { name: "Show the first 25 only" })).toBeVisible();

  // The paging link is a plain server-rendered link: it works with JavaScript switched off.
  const browser = page.context().browser()!;
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL: new URL(page.url()).origin });
  const plain = await noScript.newPage();
  await plain.goto(`/desk/claims/${police!.slug}`);
  const plainSection = plain.getByRole("region", { name: "Sources and evidence" });
  await expect(plainSection.locator("ol > li")).toHaveCount(25);
  await plainSection.getByRole("link", { name: "Show all 33 sources" }).click();
  await expect(plain).toHaveURL(/\?evidence=all/);
  await expect(plainSection.locator("ol > li")).toHaveCount(33);
  await noScript.close();
});
