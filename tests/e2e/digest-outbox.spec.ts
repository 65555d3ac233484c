// Issue 17's "done when": an admin of a new organisation keeps mail in the outbox (the SMTP-less
// mode) and reads a digest there. The digest is the admin's own, asked for from the profile ("Send
// me this week's digest now") instead of waiting for Monday morning's tick, with the figures the tick
// would send: here, the action waiting for them.
import { expect, test } from "./fixtures";
import { signUpOrganisation } from "./support/new-org";

test("an admin keeps mail in the outbox and reads their weekly digest there, with its unsubscribe link", async ({
  browser,
}) => {
  const org = `Digests ${Date.now().toString(36)}`;
  const admin = await (await browser.newContext()).newPage();
  await signUpOrganisation(admin, org);

  await admin.goto("/settings");
  const mail = admin.getByRole("region", { name: "E-mail" });
  await mail.getByRole("radio", { name: /Keep every message in the outbox/ }).check();
  await mail.getByRole("button", { name: "Save mail setting" }).click();
  await expect(mail.getByRole("status")).toHaveText("Mail setting saved.");

  // A new organisation has nothing to digest yet: the profile says so and sends nothing.
  await admin.goto("/profile");
  await admin.getByRole("button", { name: "Send me this week’s digest now" }).click();
  await expect(admin.getByText(/Your digest would be empty this week/)).toBeVisible();

  const title = "Call back the three customers who reopened tickets";
  await admin.goto("/actions/new");
  await admin.getByLabel("Action", { exact: true }).fill(title);
  await admin.getByRole("button", { name: "Create action" }).click();
  await expect(admin.getByRole("heading", { name: title })).toBeVisible();

  await admin.goto("/profile");
  await admin.getByRole("button", { name: "Send me this week’s digest now" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "keeps e-mail in its outbox" })).toBeVisible();

  await admin.goto("/settings/outbox");
  const subject = new RegExp(`${org}: your week in Conduct`);
  const row = admin.getByRole("row", { name: subject });
  await expect(row.getByText("Kept in outbox")).toBeVisible();
  await row.getByRole("link", { name: subject }).click();
  const text = await admin.getByRole("region", { name: "Text part" }).locator("pre").innerText();
  expect(text).toContain("Your open actions");
  expect(text).toContain(title);
  expect(text).toMatch(/Unsubscribe: \S+\/unsubscribe\//);
  await expect(admin.getByText(/List-Unsubscribe-Post/)).toBeVisible();
});
