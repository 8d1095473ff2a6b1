import { expect, test, type Page } from "@playwright/test";
import { openDisclosure, query, signIn } from "./helpers";
import { createClaimWithSource, publishVersion } from "./fixtures/publications";
import { seriousAxeViolations } from "./axe";

type Figure = { outlet: string; kind: string; value: string; words: string; counted: string; asOf: string };

async function attachFigure(page: Page, figure: Figure) {
  const summary = page.locator("summary", { hasText: "Attach a source" });
  const details = page.locator("details", { has: summary });
  if ((await details.getAttribute("open")) === null) await summary.click();
  await details.getByLabel("URL", { exact: true }).fill(`https://${figure.outlet.toLowerCase().replace(/\W+/g, "-")}.example/${Date.now()}-${Math.random().toString(36).slice(2)}`);
  await details.getByLabel("Outlet", { exact: true }).fill(figure.outlet);
  await details.getByLabel("Type", { exact: true }).selectOption({ label: "Official body" });
  await details.getByLabel("Exact excerpt").fill(`${figure.words} were killed, ${figure.outlet} said.`);
  await details.getByRole("radio", { name: /^Context —/ }).check();
  await openDisclosure(details, "Reported figure");
  await details.getByLabel("Kind of figure").selectOption({ label: figure.kind });
  await details.getByLabel("Value", { exact: true }).fill(figure.value);
  await details.getByLabel("Source’s words").fill(figure.words);
  // The field suggests the story's vocabulary (a native datalist): the checker picks a synonym.
  const counted = details.getByLabel("What was counted");
  await expect(counted).toHaveAttribute("list", "ev-counted-options");
  await expect(page.locator(`#ev-counted-options option[value="${figure.counted}"]`)).toHaveCount(1);
  await counted.fill(figure.counted);
  await details.getByLabel("As of", { exact: true }).fill(figure.asOf);
  await details.getByRole("button", { name: "Attach source" }).click();
  await expect(page.getByText(/^Source attached/)).toBeVisible();
}

async function expectNoSeriousAxeViolations(page: Page) {
  const serious = await seriousAxeViolations(page);
  expect(serious.map((v) => `${page.url()}: ${v.id} ${v.help}`)).toEqual([]);
}

test("a checker records “at least 164”; readers see the toll rise on the claim's chart and the story's timeline, not a conflict", async ({ page }) => {
  const text = `At least 164 people were killed in the unrest (${Date.now()}-${Math.random().toString(36).slice(2, 6)})`;
  const claim = await createClaimWithSource(text);
  await signIn(page, "checker");
  const [story] = await query<{ slug: string }>("SELECT s.slug FROM stories s JOIN claims c ON c.story_id = s.id WHERE c.id = $1", [claim.id]);

  // The story has no vocabulary yet: the checker adds "deaths", with the words sources use for it.
  await page.goto(`/desk/vocabulary?story=${story!.slug}`);
  await expect(page.getByText("No counted things yet.")).toBeVisible();
  const add = page.getByRole("form", { name: "Add a counted thing" });
  await add.getByLabel("What was counted").fill("Deaths");
  await add.getByLabel("Synonyms (optional)").fill("people killed, fatalities");
  await expect(add.getByLabel("A running total")).toBeChecked();
  await add.getByRole("button", { name: "Add counted thing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added “deaths”." })).toBeVisible();
  await expect(page.getByRole("row", { name: /deaths people yes people killed, fatalities 0/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const [vocabulary] = await query<{ label: string; synonyms: string[]; cumulative: boolean }>(
    "SELECT ct.label, ct.synonyms, ct.cumulative FROM counted_things ct JOIN stories s ON s.id = ct.story_id WHERE s.slug = $1",
    [story!.slug],
  );
  expect(vocabulary).toEqual({ label: "deaths", synonyms: ["people killed", "fatalities"], cumulative: true });

  await page.goto(`/desk/claims/${claim.slug}`);
  // An open bound needs one number: no fake range 164–164.
  await attachFigure(page, { outlet: "Health ministry", kind: "At least", value: "164", words: "at least 164 people", counted: "people killed", asOf: "2022-01-09T09:00" });
  const [stored] = await query<{ bound: string; low: string; high: string | null; words: string }>(
    "SELECT f.bound, f.low::text AS low, f.high::text AS high, f.words FROM reported_figures f JOIN evidence e ON e.id = f.evidence_id WHERE e.claim_id = $1",
    [claim.id],
  );
  expect(stored).toEqual({ bound: "AT_LEAST", low: "164.00", high: null, words: "at least 164 people" });
  // The synonym filed the figure under the vocabulary's label, which reads naturally.
  await expect(page.getByText("at least 164 deaths").first()).toBeVisible();

  // A week later, a higher count: an evolution of the toll, not a conflict.
  await attachFigure(page, { outlet: "Prosecutor general", kind: "Exact value", value: "225", words: "225 people", counted: "deaths", asOf: "2022-01-15T08:00" });
  await expect(page.getByText("225 deaths").first()).toBeVisible();
  const [flag] = await query<{ has_conflict: boolean }>("SELECT has_conflict FROM claims WHERE id = $1", [claim.id]);
  expect(flag?.has_conflict).toBe(false);

  await publishVersion(claim.id, { rating: "TRUE", ratingValue: 5, reasoning: "The toll rose from at least 164 to 225.", approver: "editor@claimdesk.test" });

  // The public claim page: one chart for "deaths", the open bound drawn as such, a table for screen readers.
  await page.goto(`/claims/${claim.slug}`);
  const figures = page.getByRole("region", { name: "Reported figures over time" });
  await expect(figures.getByRole("img", { name: /at least 164/ })).toBeVisible();
  await expect(figures.getByRole("table", { name: /Reported deaths/ })).toContainText("at least 164");
  await expect(figures).toContainText("Also reported as “people killed”, “fatalities”.");
  await expect(figures).toContainText("Rose from at least 164 on 9 Jan 2022 to 225 on 15 Jan 2022.");
  await expect(figures.getByRole("listitem").filter({ hasText: "Prosecutor general" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Conflicting accounts" })).toContainText("The sources do not contradict each other.");
  await expectNoSeriousAxeViolations(page);

  // The story page: how the figure evolved, and dated rows that name their claim.
  await page.goto(`/stories/${story!.slug}`);
  await expect(page.getByRole("region", { name: "How the figures evolved" }).getByRole("img", { name: /at least 164.*225|225.*at least 164/ })).toBeVisible();
  const timeline = page.getByRole("region", { name: "What was reported when" });
  const row = timeline.getByRole("row").filter({ hasText: "Reported at least 164 deaths" });
  await expect(row.getByRole("link", { name: text })).toHaveAttribute("href", `/claims/${claim.slug}`);
  await expect(timeline.getByRole("row").filter({ hasText: "Reported 225 deaths" })).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
});
