import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

test("an admin invites people from a CSV; a row's problem is named first, and a joiner lands in their team", async ({
  page,
  browser,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Ivo Inviter");
  await page.getByLabel("Work e-mail").fill(uniqueEmail("inviter"));
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByLabel("Organisation name").fill("Bulk From Nothing");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
  await page.goto("/teams");
  await page.getByLabel("Name").fill("Support");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("status")).toHaveText(/Team created/);

  const [una, vic] = [uniqueEmail("una"), uniqueEmail("vic")];
  await page.goto("/settings");
  await page.getByText("Invite many people from a CSV").click();
  const paste = page.getByLabel("…or paste its content");
  await paste.fill(`email,name,role,teams\n${una},Una Urban,Member,Support\n${vic},Vic Vale,Manager,Sales\n`);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("1 of 2 people can be invited.")).toBeVisible();
  await expect(page.getByText("There is no team called “Sales”.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 2 people" })).toBeDisabled();

  await paste.fill(`email,name,role,teams\n${una},Una Urban,Member,Support\n${vic},Vic Vale,Manager,\n`);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("2 of 2 people can be invited.")).toBeVisible();
  await page.getByRole("button", { name: "Import 2 people" }).click();
  await expect(page.getByRole("heading", { name: "2 invitation links made" })).toBeVisible();
  const link = await page.getByLabel(`Invitation link for ${una}`).inputValue();

  const joiner = await browser.newPage();
  await joiner.goto(link);
  await expect(joiner.getByLabel("Your name")).toHaveValue("Una Urban");
  await expect(joiner.getByLabel("E-mail")).toHaveValue(una);
  await joiner.getByLabel("Password").fill("welcome-aboard-2026");
  await joiner.getByRole("button", { name: "Create account and join" }).click();
  await expect(joiner).toHaveURL(/\/log$/);
  await joiner.goto("/log");
  await expect(joiner.locator("#log-team option")).toHaveText(["Support"]);
  await joiner.close();
});
