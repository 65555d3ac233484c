import { readFileSync } from "node:fs";
import { expect, test, uniqueEmail } from "./fixtures";

test("a catalogue exported from Northwind imports into a new organisation as drafts", async ({ as, browser }) => {
  const leader = await as("leader");
  await leader.goto("/catalogue");
  await leader.getByRole("link", { name: "Import / export" }).click();
  const [download] = await Promise.all([
    leader.waitForEvent("download"),
    leader.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^northwind-software-catalogue-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "value,title,actor,action,trigger,frequency,completion_criterion,customer_outcome,example,anchors,owner_email,status",
  );

  // A brand-new organisation imports it.
  const founder = await browser.newPage();
  await founder.goto("/sign-up");
  await founder.getByLabel("Your name").fill("Imogen Importer");
  await founder.getByLabel("Work e-mail").fill(uniqueEmail("importer"));
  await founder.getByLabel("Password").fill("a-long-passphrase");
  await founder.getByLabel("Organisation name").fill("Tailspin Toys");
  await founder.getByRole("button", { name: "Create organisation" }).click();
  await expect(founder).toHaveURL(/\/catalogue$/);
  await founder.getByRole("link", { name: "Import / export" }).click();
  await founder.getByLabel("…or paste its content").fill(csv);
  await founder.getByRole("button", { name: "Preview import" }).click();
  // Other tests may have added behaviours to Northwind: read the count from the preview.
  const summary = founder.getByText(
    /(\d+) of \1 behaviours can be imported as drafts\. New values: Deep understanding of customer needs/,
  );
  await expect(summary).toBeVisible();
  const count = Number((await summary.textContent())!.match(/^(\d+)/)![1]);
  expect(count).toBeGreaterThanOrEqual(16);
  await founder.getByRole("button", { name: `Import ${count} behaviours` }).click();
  await expect(founder).toHaveURL(/\/catalogue\?status=DRAFT$/);
  await expect(founder.getByText(`${count} behaviours match.`, { exact: false })).toBeVisible();
  await expect(founder.getByRole("link", { name: /Root cause on the ticket within 24 h/ })).toContainText("Draft");
});
