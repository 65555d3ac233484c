import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

test("a new organisation creates a value stream and teams, puts people in them, archives and deletes", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Tia Teams");
  await page.getByLabel("Work e-mail").fill(uniqueEmail("teams"));
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByLabel("Organisation name").fill("Teams From Nothing");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
  // The first-run checklist starts empty and points at the first step.
  await expect(page.getByRole("heading", { name: "Getting started: 0 of 7 done" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a value" })).toBeVisible();

  // Nothing to log for yet: the Log pad sends the admin to create a team.
  await page.goto("/log");
  await page.getByRole("link", { name: "Create a team and add its people" }).click();
  await expect(page).toHaveURL(/\/teams$/);
  const create = page.getByRole("form", { name: "Create a team or value stream" });
  await expect(page.getByRole("heading", { name: "Create your first team" })).toBeVisible();

  await create.getByRole("radio", { name: /^Value stream/ }).check();
  await create.getByLabel("Name").fill("Payments");
  await create.getByRole("button", { name: "Create value stream" }).click();
  await expect(create.getByRole("status")).toHaveText(/Value stream created/);

  await create.getByRole("radio", { name: /^Team/ }).check();
  await create.getByLabel("Name").fill("Checkout");
  await create.getByRole("combobox", { name: "Value stream" }).selectOption({ label: "Payments" });
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(create.getByRole("status")).toHaveText(/Team created/);
  // A clash is refused beside the field, and what was typed stays.
  await create.getByLabel("Name").fill("Payments");
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(
    create.getByText("Another team or value stream in your organisation already has this name."),
  ).toBeVisible();
  await expect(create.getByLabel("Name")).toHaveValue("Payments");
  await create.getByLabel("Name").fill("Platform");
  await create.getByRole("combobox", { name: "Value stream" }).selectOption({ label: "None" });
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(create.getByRole("status")).toHaveText(/Team created/);

  const payments = page.getByRole("region", { name: /Payments/ });
  await expect(payments.getByRole("link", { name: /Checkout/ })).toBeVisible();
  await page
    .getByRole("region", { name: "Teams in no value stream" })
    .getByRole("link", { name: /Platform/ })
    .click();

  // The admin puts themself in the team: the Log pad now offers it.
  await expect(page.getByText("Nobody is in this team yet")).toBeVisible();
  await page.getByRole("combobox", { name: "Add a person" }).selectOption({ label: "Tia Teams" });
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByRole("region", { name: "People" }).getByRole("listitem")).toHaveText(/Tia Teams/);
  await page.getByRole("combobox", { name: "Value stream" }).selectOption({ label: "Payments" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText("Moved.")).toBeVisible();
  await page.goto("/log");
  // The Log pad's team picker (the batch form below has one too).
  await expect(page.locator("#log-team option")).toHaveText(["Platform"]);

  // A team with people cannot be deleted; archived, it leaves the Log pad but keeps its page.
  await page.goto("/teams");
  await page.getByRole("link", { name: /Platform/ }).click();
  await page.getByRole("button", { name: "Delete team" }).click();
  await page.getByRole("button", { name: "Yes, delete team" }).click();
  await expect(page.getByText("“Platform” still holds 1 member. Archive it instead")).toBeVisible();
  await page.getByRole("button", { name: "Archive team" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await page.goto("/log");
  await expect(page.getByText("You are not in a team yet")).toBeVisible();

  // An empty team goes.
  await page.goto("/teams");
  await page.getByRole("link", { name: /Checkout/ }).click();
  await page.getByRole("button", { name: "Delete team" }).click();
  await page.getByRole("button", { name: "Yes, delete team" }).click();
  await expect(page).toHaveURL(/\/teams\?deleted=1$/);
  await expect(page.getByRole("link", { name: /Checkout/ })).toHaveCount(0);

  // Creating teams ticked its step, from the data.
  await expect(page.getByRole("heading", { name: "Getting started: 1 of 7 done" })).toBeVisible();
});
