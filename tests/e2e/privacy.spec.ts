import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import { addValue, createTeam, invite, join, signUpOrganisation } from "./support/new-org";

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

test("a member downloads a copy of their own data, with their entries and no one else's", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUpOrganisation(page, "My Data From Nothing");
  await addValue(page, "Solve the customer's problem");
  await createTeam(page, "Front desk");
  const [miaLink] = await invite(page, [
    { email: uniqueEmail("mia"), name: "Mia Member", role: "Member", teams: "Front desk" },
  ]);
  const mia = await join(browser, miaLink!, "mia-long-passphrase");
  await mia.goto("/profile");
  const download = mia.waitForEvent("download");
  await mia.getByRole("link", { name: "Download my data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^my-data-from-nothing-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(doc).toMatchObject({
    format: "conduct-personal-data",
    organisation: "My Data From Nothing",
    account: { name: "Mia Member" },
    membership: { role: "MEMBER", teams: ["Front desk"] },
    observationsLogged: [],
  });
  expect(JSON.stringify(doc)).not.toContain("Ada Admin");
});

test("a member reads, from the footer, the privacy page generated from what the admin just set", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUpOrganisation(page, "Notice From Nothing");
  await page.goto("/settings/privacy");
  await page.getByLabel("Keep who observed, in days").fill("45");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Retention saved" })).toBeVisible();
  // The admin's own way to the members' view, from both settings pages.
  await page.getByRole("link", { name: "What members see" }).click();
  await expect(page.getByRole("heading", { name: "Privacy", level: 1 })).toBeVisible();
  await page.goto("/settings");
  await page.getByRole("link", { name: "Privacy: what members see" }).click();
  await expect(page.getByText(/keeps its observer for 45 days/)).toBeVisible();

  const [miaLink] = await invite(page, [{ email: uniqueEmail("mia"), name: "Mia Member", role: "Member" }]);
  const mia = await join(browser, miaLink!, "mia-long-passphrase");
  await mia.getByRole("contentinfo").getByRole("link", { name: "Privacy: what Conduct keeps about you" }).click();
  await expect(mia.getByRole("heading", { name: "Privacy", level: 1 })).toBeVisible();
  await expect(mia.getByText(/keeps its observer for 45 days/)).toBeVisible();
  await expect(mia.getByText(/Notes written with observations are deleted after 365 days/)).toBeVisible();
  await expect(mia.getByText("The nightly clean-up has not run for this organisation yet.")).toBeVisible();

  const table = mia.getByRole("table", { name: "Who sees what" });
  await expect(table.getByRole("columnheader", { name: "Member (you)" })).toBeVisible();
  const cells = (line: RegExp) => table.getByRole("row", { name: line }).getByRole("cell");
  await expect(cells(/^Review the honesty guard's names/)).toHaveText(["Yes", "No", "No", "No"]);
  await expect(cells(/^See who logged each entry/)).toHaveText(["Yes", "Yes", "Yes", "Yes"]);
  await expect(cells(/^Export data/)).toHaveText(["Yes", "No", "No", "No"]);
  await expect(cells(/^Manage members/)).toHaveText(["Yes", "No", "No", "No"]);
  await expect(cells(/^Read the adoption dashboards/)).toHaveText(["Yes", "Yes", "Yes", "No"]);

  await expect(mia.getByText(/fewer than 5 opportunities in the period shows no rate/)).toBeVisible();
  await expect(mia.getByText(/ask an admin of Notice From Nothing: Ada Admin\./)).toBeVisible();
  await expect(mia.getByRole("link", { name: "Download my data" })).toHaveAttribute("href", "/profile/my-data");
  await expect(mia.getByRole("heading", { name: "Single sign-on" })).toHaveCount(0);

  for (const colorScheme of ["light", "dark"] as const) {
    await mia.emulateMedia({ colorScheme });
    // Colours fade (transition-colors): check them once the switch of scheme has finished (as accessibility.spec.ts).
    await mia.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    const { violations } = await new AxeBuilder({ page: mia })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)),
      colorScheme,
    ).toEqual([]);
  }
});
