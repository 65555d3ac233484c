import { expect, test } from "@playwright/test";
import { signUpOrganisation } from "./support/new-org";

// Issue 21's retention policy from sign-up: a new organisation's admin finds the policy in settings, a period
// below the floor is refused beside its field with everything typed kept, and a valid one is saved and shown.

test("an admin reads and changes how long observers, notes and audit events are kept", async ({ page }) => {
  await signUpOrganisation(page, "Privacy From Nothing");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Privacy and retention" }).click();
  await expect(page.getByRole("heading", { name: "Privacy and retention", level: 1 })).toBeVisible();
  await expect(page.getByText(/keeps its observer for 180 days/)).toBeVisible();
  await expect(page.getByText(/Not applied yet/)).toBeVisible();

  const observers = page.getByLabel("Keep who observed, in days");
  const notes = page.getByLabel("Keep observation notes, in days");
  await observers.fill("3");
  await notes.fill("90");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(observers).toHaveAccessibleDescription(/from 7 to 3650/);
  await expect(observers).toHaveValue("3");
  await expect(notes).toHaveValue("90");

  await observers.fill("30");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Retention saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/keeps its observer for 30 days/)).toBeVisible();
  await expect(page.getByText(/Notes written with observations are deleted after 90 days/)).toBeVisible();
  await expect(page.getByLabel("Keep who observed, in days")).toHaveValue("30");
});
