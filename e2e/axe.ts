import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/**
 * Every axe rule on the page as it is now; only the violations are returned. Axe still runs every
 * rule, but gathers no details for the nodes that pass (resultTypes), which was most of its time
 * on the long desk pages.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  return violations;
}

/** The violations axe rates serious or critical. */
export async function seriousAxeViolations(page: Page): Promise<Violation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
}
