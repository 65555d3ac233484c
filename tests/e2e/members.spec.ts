import { expect, test, uniqueEmail } from "./fixtures";

test("an admin invites a colleague by link, the colleague joins, and disabling them ends their access on the next request", async ({
  as,
  browser,
}) => {
  const admin = await as("admin");
  await admin.goto("/catalogue");
  await admin.getByRole("link", { name: "Settings" }).click();
  await admin.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

  const email = uniqueEmail("newcomer");
  const newcomer = await browser.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Join Northwind Software" })).toBeVisible();
  await newcomer.getByLabel("Your name").fill("Nia Newcomer");
  await newcomer.getByLabel("E-mail").fill(email);
  await newcomer.getByLabel("Password").fill("welcome-aboard-2026");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(/\/log$/);
  await expect(newcomer.getByText("Nia Newcomer · Member")).toBeVisible();

  // The link worked once.
  const reuse = await browser.newPage();
  await reuse.goto(link);
  await expect(reuse.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await reuse.close();

  await admin.reload();
  const row = admin.getByRole("row", { name: /Nia Newcomer/ });
  // A saved role stays shown, with a confirmation (it used to snap back to the old one).
  await row.getByLabel("Role of Nia Newcomer").selectOption("MANAGER");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved: Manager");
  await expect(row.getByLabel("Role of Nia Newcomer")).toHaveValue("MANAGER");
  // Disabling asks first.
  await row.getByRole("button", { name: "Disable Nia Newcomer" }).click();
  await row.getByRole("button", { name: "Yes, disable" }).click();
  await expect(row.getByRole("cell", { name: "Disabled" })).toBeVisible();

  await newcomer.getByRole("link", { name: "Barriers" }).click();
  await expect(newcomer).toHaveURL(/\/no-organisation$/);
  await expect(newcomer.getByRole("heading", { name: "You are not in an organisation" })).toBeVisible();
});
