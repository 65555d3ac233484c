import { expect, test, type Page } from "@playwright/test";
import { signIn, uniqueEmail } from "./fixtures";

async function signUp(page: Page, email: string, password: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Pia Profile");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Organisation name").fill("Profile From Nothing");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

test("a person keeps their own account: name, e-mail, password, and where they are signed in", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("pia");
  await signUp(page, email, "first-long-passphrase");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, email, "first-long-passphrase");

  await page.getByRole("link", { name: /your profile/ }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(page.getByText("You are also signed in on 1 other browser.")).toBeVisible();
  const orgs = page.getByRole("region", { name: "Your organisations" });
  await expect(orgs.getByText("Profile From Nothing")).toBeVisible();
  await expect(orgs.getByText("Current")).toBeVisible();

  // The name, at once in the header.
  await page.getByLabel("Your name").fill("Pia Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Pia Renamed · Admin (your profile)" })).toBeVisible();

  // The e-mail needs the password; a wrong one is named beside its field and the typed address stays.
  const moved = uniqueEmail("pia-moved");
  const emailForm = page.getByRole("region", { name: "E-mail" });
  await emailForm.getByLabel("New e-mail address").fill(moved);
  await emailForm.getByLabel("Current password").fill("not-my-password");
  await emailForm.getByRole("button", { name: "Change e-mail" }).click();
  await expect(emailForm.getByText("That is not your current password.")).toBeVisible();
  await expect(emailForm.getByLabel("New e-mail address")).toHaveValue(moved);
  await emailForm.getByLabel("Current password").fill("first-long-passphrase");
  await emailForm.getByRole("button", { name: "Change e-mail" }).click();
  await expect(emailForm.getByText("E-mail changed.")).toBeVisible();
  await expect(emailForm.getByText(`You sign in with ${moved}.`)).toBeVisible();

  // A new password signs the other browser out and keeps this one.
  const passwordForm = page.getByRole("region", { name: "Password" });
  await passwordForm.getByLabel("Current password").fill("first-long-passphrase");
  await passwordForm.getByLabel("New password", { exact: true }).fill("second-long-passphrase");
  await passwordForm.getByLabel("New password again").fill("second-long-passphras");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByText("The two new passwords differ.")).toBeVisible();
  await passwordForm.getByLabel("New password again").fill("second-long-passphrase");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByText("Password changed. Every other browser has been signed out.")).toBeVisible();
  await expect(passwordForm.getByLabel("Current password")).toHaveValue("");
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await page.reload();
  await expect(page.getByText("You are signed in here only.")).toBeVisible();

  // The old address and the old password no longer sign in; the new ones do.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("/sign-in");
  await fresh.getByLabel("E-mail").fill(moved);
  await fresh.getByLabel("Password").fill("first-long-passphrase");
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByRole("alert")).toBeVisible();
  await signIn(fresh, moved, "second-long-passphrase");

  // Sign out everywhere asks first, then ends this browser's session and the other one.
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in/);
  await fresh.reload();
  await expect(fresh).toHaveURL(/\/sign-in/);
});
