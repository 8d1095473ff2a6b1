import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { corpusPath } from "../lib/corpus";
import { query, signIn } from "./helpers";

const POLICE_SENTENCE = "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.";

type Attach = { url: string; outlet: string; stance: "Supports" | "Contradicts"; excerpt: string; speaker: string; value: string; asOf: string };

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
  await details.getByLabel("Exact value").fill(source.value);
  await details.getByLabel("What was counted").fill("police killed");
  await details.getByLabel("As of", { exact: true }).fill(source.asOf);
  await details.getByRole("button", { name: "Attach source" }).click();
}

test("a fact-checker imports the report, creates claims from candidates, and records conflicting sources", async ({ page }) => {
  await signIn(page, "checker");

  // Import the corpus report.
  await page.goto("/desk/documents/new");
  const headline = `Russian-led troops arrive in Kazakhstan ${Date.now()}`;
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Outlet").fill("Demo wire");
  await page.getByLabel("Story").selectOption({ label: "Kazakhstan unrest, January 2022" });
  await page.getByLabel("Article text").fill(readFileSync(corpusPath(), "utf8"));
  await page.getByRole("button", { name: "Import and find claims" }).click();
  await expect(page).toHaveURL(/\/desk\/documents\/[0-9a-f-]{36}$/);
  const documents = await query<{ id: string }>("SELECT id FROM documents WHERE title = $1", [headline]);
  expect(documents).toHaveLength(1);
  const documentId = documents[0]!.id;

  // The proposals include the casualty figures, the framing and the airport claim; tick two.
  await expect(page.getByText("a gang of international terrorists", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Demonstrators took control of the airport", { exact: false }).first()).toBeVisible();
  await page.getByRole("checkbox", { name: POLICE_SENTENCE }).check();
  await page.getByRole("checkbox", { name: /Demonstrators took control of the airport/ }).check();
  await page.getByRole("button", { name: "Create 2 claims" }).click();
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
  const after = await query<{ has_conflict: boolean; evidence: string; figures: string }>(
    `SELECT c.has_conflict,
            (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence,
            (SELECT count(*) FROM reported_figures f JOIN evidence e ON e.id = f.evidence_id WHERE e.claim_id = c.id) AS figures
     FROM claims c WHERE c.slug = $1`,
    [police!.slug],
  );
  expect(after[0]).toEqual({ has_conflict: true, evidence: "2", figures: "2" });
});
