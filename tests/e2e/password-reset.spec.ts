import { expect, test, uniqueEmail } from "./fixtures";

test("a forgotten password: the admin hands over a one-time link, the new password works, the old one and old sessions do not", async ({
  as,
  browser,
}) => {
  const admin = await as("admin");
  await admin.goto("/settings");
  await admin.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  const invite = await admin.getByLabel("Invitation link").inputValue();

  const email = uniqueEmail("forgetful");
  const before = await browser.newPage();
  await before.goto(invite);
  await before.getByLabel("Your name").fill("Flo Forgetful");
  await before.getByLabel("E-mail").fill(email);
  await before.getByLabel("Password").fill("first-long-passphrase");
  await before.getByRole("button", { name: "Create account and join" }).click();
  await expect(before.getByText("Flo Forgetful · Member")).toBeVisible();

  // Signed out, Flo finds the way to ask for a link; the page asks for nothing, so it reveals nothing.
  const flo = await browser.newPage();
  await flo.goto("/sign-in");
  await flo.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(flo.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expect(flo.getByText("Ask an admin of your organisation for a password reset link.")).toBeVisible();

  await admin.reload();
  const row = admin.getByRole("row", { name: /Flo Forgetful/ });
  await row.getByRole("button", { name: "Reset link for Flo Forgetful" }).click();
  const link = await row.getByLabel("Password reset link for Flo Forgetful").inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);

  await flo.goto(link);
  await flo.getByLabel("New password").fill("password123");
  await flo.getByRole("button", { name: "Set new password" }).click();
  await expect(flo.getByText(/one of the most common passwords/)).toBeVisible();
  await expect(flo.getByLabel("New password")).toHaveValue("password123");
  await flo.getByLabel("New password").fill("second-long-passphrase");
  await flo.getByRole("button", { name: "Set new password" }).click();
  await expect(flo).toHaveURL(/\/log$/);
  await expect(flo.getByText("Flo Forgetful · Member")).toBeVisible();

  // The browser signed in before the reset is signed out; the link worked once; the old password is refused.
  await before.reload();
  await expect(before).toHaveURL(/\/sign-in/);
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await again.goto("/sign-in");
  await again.getByLabel("E-mail").fill(email);
  await again.getByLabel("Password").fill("first-long-passphrase");
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByRole("alert")).toBeVisible();
  await expect(again).toHaveURL(/\/sign-in/);
});
