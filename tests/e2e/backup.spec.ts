import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

test("an admin downloads the organisation as one file and restores it into a new, empty organisation", async ({
  page,
}, info) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Bea Backup");
  await page.getByLabel("Work e-mail").fill(uniqueEmail("backup"));
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByLabel("Organisation name").fill("Backup Source");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
  // Something to back up: one behaviour, imported as a draft.
  const header =
    "value,title,actor,action,trigger,frequency,completion_criterion,customer_outcome,example,anchors,owner_email,status";
  const row =
    "Customers first,Callback within one working day,The support agent,calls the customer back with the answer,When a customer asks a question the agent cannot answer at once,within one working day,The ticket shows a call entry with the time,Customers get answers without chasing,Agent called back at 10:40 the next day.,,,";
  await page.getByRole("link", { name: "Import / export" }).click();
  await page.getByLabel("…or paste its content").fill(`${header}\r\n${row}\r\n`);
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 1 behaviour" }).click();
  await expect(page.getByRole("link", { name: /Callback within one working day/ })).toBeVisible();

  await page.goto("/settings/backup");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download backup (.json)" }).click();
  const file = info.outputPath("backup.json");
  await (await download).saveAs(file);
  const doc = JSON.parse(readFileSync(file, "utf8"));
  expect(doc.format).toBe("conduct-organisation-backup");
  expect(doc.organisation.name).toBe("Backup Source");
  expect(JSON.stringify(doc)).not.toMatch(/passwordHash|\$2[aby]\$/);

  // An organisation that holds data takes no import.
  await expect(page.getByTestId("backup-not-empty")).toBeVisible();

  // Restore into a new organisation (creating one switches to it).
  await page.goto("/settings");
  await page.getByLabel("New organisation name").fill("Backup Copy");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.locator("#org-switcher option:checked")).toHaveText("Backup Copy");
  await page.goto("/settings/backup");
  await expect(page.getByRole("heading", { name: "Backup and restore" })).toBeVisible();
  await expect(page.getByText("Take a copy of everything Backup Copy holds")).toBeVisible();
  // A junk file is refused beside the field, and nothing is imported.
  const junk = info.outputPath("junk.json");
  writeFileSync(junk, JSON.stringify({ format: "something else" }));
  await page.getByLabel("Backup file (.json)").setInputFiles(junk);
  await page.getByRole("button", { name: "Import backup" }).click();
  await expect(page.locator("#backup-file-error")).toBeVisible();
  await page.getByLabel("Backup file (.json)").setInputFiles(file);
  await page.getByRole("button", { name: "Import backup" }).click();
  await expect(page.getByRole("status")).toContainText(/^Imported .*\d+ memberships?\b/);
  // Now it holds the behaviour, so it takes no second import.
  await page.reload();
  await expect(page.getByTestId("backup-not-empty")).toBeVisible();
  await page.goto("/catalogue?status=DRAFT");
  await expect(page.getByRole("link", { name: /Callback within one working day/ })).toBeVisible();
});

// Issue 15, item 8: a file naming someone who has an account here invites them; it never makes the
// importer's organisation theirs (nor their default), and they join only by accepting.
test("a backup naming an existing account invites that person instead of attaching them", async ({ browser }, info) => {
  const signUp = async (name: string, email: string, org: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill(name);
    await page.getByLabel("Work e-mail").fill(email);
    await page.getByLabel("Password").fill("a-long-passphrase");
    await page.getByLabel("Organisation name").fill(org);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page).toHaveURL(/\/catalogue$/);
    return { context, page };
  };
  const victimEmail = uniqueEmail("victim");
  const victim = await signUp("Vera Victim", victimEmail, "Vera's Own");
  const importer = await signUp("Ivan Importer", uniqueEmail("importer"), "Ivan Source");
  const page = importer.page;

  await page.goto("/settings/backup");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download backup (.json)" }).click();
  const file = info.outputPath("backup.json");
  await (await download).saveAs(file);
  // The file claims Vera as an admin who joined in 2001.
  const doc = JSON.parse(readFileSync(file, "utf8"));
  const ref = "cvictimref0000000000000001";
  doc.users.push({ ref, name: "Vera Victim", email: victimEmail });
  doc.tables.Membership.push({
    ...doc.tables.Membership[0],
    id: "cvictimmembership000000001",
    userId: ref,
    role: "ADMIN",
    status: "ACTIVE",
    createdAt: "2001-01-01T00:00:00.000Z",
    updatedAt: "2001-01-01T00:00:00.000Z",
  });
  writeFileSync(file, JSON.stringify(doc));

  await page.goto("/settings");
  await page.getByLabel("New organisation name").fill("Ivan Copy");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.locator("#org-switcher option:checked")).toHaveText("Ivan Copy");
  await page.goto("/settings/backup");
  await page.getByLabel("Backup file (.json)").setInputFiles(file);
  await page.getByRole("button", { name: "Import backup" }).click();
  await expect(page.getByText("1 person is invited: they keep their records and join when they accept.")).toBeVisible();
  const link = await page.getByLabel(`Invitation link for ${victimEmail}`).inputValue();

  // Vera is not a member of Ivan Copy: a fresh sign-in of hers still starts in her own organisation.
  await victim.page.goto("/catalogue");
  // (With one organisation the shell names it instead of offering a switcher.)
  await expect(victim.page.getByText("Vera's Own", { exact: true }).first()).toBeVisible();
  await expect(victim.page.getByText("Ivan Copy")).toHaveCount(0);
  // Ivan's members page lists her as invited, not active.
  await page.goto("/settings");
  await expect(page.getByRole("row", { name: /Vera Victim/ })).toContainText("Invited (not accepted yet)");

  // She joins only by accepting.
  await victim.page.goto(new URL(link).pathname);
  await victim.page.getByRole("button", { name: "Join Ivan Copy" }).click();
  await expect(victim.page.locator("#org-switcher option:checked")).toHaveText("Ivan Copy");
  await victim.context.close();
  await importer.context.close();
});
