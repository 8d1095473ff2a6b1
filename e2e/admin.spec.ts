import { expect, test } from "@playwright/test";
import { query, signIn } from "./helpers";

test("an admin creates an account; a fact-checker cannot reach user management", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/desk/admin/users");
  const email = `new-${Date.now()}@claimdesk.test`;
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("New Editor");
  await form.getByLabel("Role").selectOption("EDITOR");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.locator(".field-error").first()).toBeVisible();
  expect(await query("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);
  // The refusal keeps what was typed.
  await expect(form.getByLabel("Email")).toHaveValue(email);

  await form.getByLabel("Initial password").fill("a long enough passphrase");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect.poll(async () => (await query<{ role: string }>("SELECT role FROM users WHERE email = $1", [email]))[0]?.role).toBe("EDITOR");

  await page.context().clearCookies();
  await signIn(page, "checker");
  await page.goto("/desk/admin/users");
  await expect(page).not.toHaveURL(/\/desk\/admin\/users/);
});
