import { expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";

import { E2E_DATABASE_URL } from "./environment";

export const USERS = {
  checker: { email: "checker@claimdesk.test", password: "checker-demo-pass" },
  checker2: { email: "checker2@claimdesk.test", password: "checker2-demo-pass" },
  editor: { email: "editor@claimdesk.test", password: "editor-demo-pass" },
  editor2: { email: "editor2@claimdesk.test", password: "editor2-demo-pass" },
  admin: { email: "admin@claimdesk.test", password: "admin-demo-pass" },
} as const;

export async function signIn(page: Page, who: keyof typeof USERS) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS[who].email);
  await page.getByLabel("Password").fill(USERS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk/);
}

/** Reads the e2e database directly, to assert what a UI action really stored. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}


/** Opens a form's disclosure (a <details> part of the attach or edit form) by its summary's words, unless open. */
export async function openDisclosure(scope: Locator, summary: string | RegExp) {
  const toggle = scope.locator("summary", { hasText: summary }).first();
  if (!(await toggle.evaluate((element) => (element.parentElement as HTMLDetailsElement).open))) await toggle.click();
  await expect(toggle.locator("xpath=..")).toHaveAttribute("open", "");
}
