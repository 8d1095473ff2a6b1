import { expect, test, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";
import { hashPassword } from "../lib/auth/password";

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin invites a person without any password; a fact-checker cannot reach user management", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/desk/admin/users");
  // Nobody, admins included, types or sees a password on this page.
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  const email = `new-${Date.now()}@claimdesk.test`;
  const form = page.getByRole("form", { name: "Invite a person" });
  await form.getByLabel("Email").fill("not an email");
  await form.getByLabel("Name").fill("New Editor");
  await form.getByLabel("Role", { exact: true }).selectOption("EDITOR");
  await form.getByRole("button", { name: "Create invitation" }).click();
  await expect(form.locator(".field-error").first()).toBeVisible();
  // The refusal keeps what was typed.
  await expect(form.getByLabel("Name")).toHaveValue("New Editor");

  await form.getByLabel("Email").fill(email);
  // An admin invitation needs its explicit confirmation, on the server too.
  await form.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  await form.getByRole("button", { name: "Create invitation" }).click();
  await expect(form.getByText("Confirm that this person should become an admin")).toBeVisible();
  expect(await query("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);
  await form.getByLabel("Role", { exact: true }).selectOption("EDITOR");
  await expect(form.getByLabel(/Yes, make them an admin/)).toHaveCount(0);
  await form.getByRole("button", { name: "Create invitation" }).click();
  const link = form.getByLabel("Link for New Editor");
  await expect(link).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  const [row] = await query<{ role: string; links: string }>(
    "SELECT u.role, (SELECT count(*) FROM password_links l WHERE l.user_id = u.id AND l.purpose = 'INVITE' AND l.used_at IS NULL)::text AS links FROM users u WHERE email = $1",
    [email],
  );
  expect(row).toEqual({ role: "EDITOR", links: "1" });
  // Until the person chooses a password, the list says so and until when the link works.
  await page.goto(`/desk/admin/users?q=${encodeURIComponent(email)}`);
  const listed = page.getByRole("row").filter({ hasText: email });
  await expect(listed.getByText("Invited", { exact: true })).toBeVisible();
  await expect(listed.getByText(/No password yet; the link works until \d+ \w+ \d{4}/)).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "checker");
  await page.goto("/desk/admin/users");
  await expect(page).not.toHaveURL(/\/desk\/admin\/users/);
});

test("a reset link: the person sets a password in a fresh browser, signs in with it, and the old one stops working", async ({ page, browser }) => {
  const stamp = Date.now();
  const email = `reset-${stamp}@claimdesk.test`;
  const name = `Reset Person ${stamp}`;
  const oldPassword = `old passphrase ${stamp}`;
  const newPassword = `new passphrase ${stamp}`;
  await query("INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $2, 'FACT_CHECKER', $3, now())", [email, name, await hashPassword(oldPassword)]);

  await signIn(page, "admin");
  await page.goto(`/desk/admin/users?q=${encodeURIComponent(email)}`);
  const personRow = page.getByRole("row").filter({ hasText: email });
  page.once("dialog", (dialog) => void dialog.accept());
  await personRow.getByRole("button", { name: "Make reset link" }).click();
  const shown = personRow.getByLabel(`Link for ${name}`);
  await expect(shown).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  const path = new URL(await shown.inputValue()).pathname;

  // The person, in a browser with no session of anyone's.
  const person = await browser.newContext();
  const their = await person.newPage();
  const response = await their.goto(path);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(their.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(their.getByText(email)).toHaveCount(0);
  await their.getByLabel("New password").fill("too short");
  await their.getByLabel("The same password again").fill("too short");
  await their.getByRole("button", { name: "Set password" }).click();
  await expect(their.getByText("Use at least 12 characters.")).toBeVisible();
  await their.getByLabel("New password").fill(newPassword);
  await their.getByLabel("The same password again").fill(newPassword);
  await their.getByRole("button", { name: "Set password" }).click();
  await expect(their).toHaveURL(/\/login\?password=set/);
  await expect(their.getByText("Your password is set.")).toBeVisible();
  await signInAs(their, email, newPassword);
  await expect(their).toHaveURL(/\/desk/);

  // The link works once.
  const again = await person.newPage();
  await again.goto(path);
  await expect(again.getByText("This link is not valid")).toBeVisible();
  await expect(again.getByLabel("New password")).toHaveCount(0);
  await person.close();

  // The old password no longer works.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signInAs(stranger, email, oldPassword);
  await expect(stranger.getByText("Wrong email or password.")).toBeVisible();
  await expect(stranger).toHaveURL(/\/login/);
  await other.close();

  const audit = await query<{ action: string; actor: string | null }>(
    "SELECT a.action, a.actor_id::text AS actor FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE u.email = $1 ORDER BY a.id",
    [email],
  );
  expect(audit.map((a) => a.action)).toEqual(["user.password_link", "user.password_set"]);
  expect(audit[1]?.actor).toBeNull();
});

test("promotion to admin asks first, and the confirmed form carries the server's confirmation field", async ({ page }) => {
  const stamp = Date.now();
  const email = `promote-${stamp}@claimdesk.test`;
  await query("INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $2, 'EDITOR', 'scrypt$x', now())", [email, `Promoted ${stamp}`]);
  await signIn(page, "admin");
  await page.goto(`/desk/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByLabel(/Role for/).selectOption("ADMIN");
  page.once("dialog", (dialog) => void dialog.dismiss());
  await row.getByRole("button", { name: "Change role" }).click();
  // Dismissed: nothing was sent.
  expect((await query<{ role: string }>("SELECT role FROM users WHERE email = $1", [email]))[0]?.role).toBe("EDITOR");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Change role" }).click();
  await expect.poll(async () => (await query<{ role: string }>("SELECT role FROM users WHERE email = $1", [email]))[0]?.role).toBe("ADMIN");
});
