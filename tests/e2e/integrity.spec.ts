import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 15, items 11 and 14: a 1.5 MB import got past Next's 1 MB action body limit only once the
// limits were aligned; importing the same file again is refused with the earlier import named; a
// restore that cannot be done says why.

const TEAM = "Payments";
const BEHAVIOUR = "Customer impact line on every backlog item";

/**
 * About 1.5 MB of observations dated in 2001, so no dashboard window of another spec sees them;
 * a run-unique note keeps each run's file new to the database.
 */
function largeFile(run: string): { csv: string; rows: number } {
  const note = `Imported from the old tool, run ${run}. ${"Context kept from the old tool. ".repeat(14)}`.slice(0, 480);
  const lines = ["date,team,behaviour,performed,missed,note"];
  for (let i = 0; lines.join("\n").length < 1_500_000; i++) {
    const day = new Date(Date.UTC(2001, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${TEAM},${BEHAVIOUR},${i % 5},1,"${note} #${i}"`);
  }
  return { csv: `${lines.join("\n")}\n`, rows: lines.length - 1 };
}

test("a 1.5 MB observation file imports, and importing it again is refused naming the first import", async ({ as }) => {
  const page = await as("admin");
  const { csv, rows } = largeFile(Date.now().toString(36));
  expect(Buffer.byteLength(csv)).toBeGreaterThan(1_400_000);
  const file = { name: "observations.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };
  const preview = async () => {
    await page.goto("/log/import");
    await expect(page.getByText("At most 2 MB.")).toBeVisible();
    await page.getByLabel(/Observations CSV/).setInputFiles(file);
    await expect(page.getByLabel("…or paste its content")).not.toHaveValue("");
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `${rows} of ${rows} rows can be imported.` }),
    ).toBeVisible();
  };

  await preview();
  await page.getByRole("button", { name: `Import ${rows} rows` }).click();
  await page.waitForURL(/\/log\?imported=1/);

  await preview();
  const reason = page.locator("#import-repeat-reason");
  await expect(reason).toContainText(`This file was already imported on `);
  await expect(reason).toContainText(
    `by Ada Okafor (${rows} rows). Importing it again would count these observations twice.`,
  );
  await expect(page.getByRole("checkbox", { name: "Import again anyway" })).not.toBeChecked();
  await page.getByRole("button", { name: `Import ${rows} rows` }).click();
  // Refused without the box ticked: the page stays, with the reason still beside the box.
  await expect(page.getByRole("button", { name: `Import ${rows} rows` })).toBeEnabled();
  await expect(page).toHaveURL(/\/log\/import$/);
  await expect(reason).toContainText("This file was already imported on ");
});

test("a file over 2 MB is refused beside the field before it is sent", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/log/import");
  const csv = `date,team,behaviour,performed,missed,note\n${`2001-01-01,${TEAM},${BEHAVIOUR},1,0,${"x".repeat(480)}\n`.repeat(4600)}`;
  await page
    .getByLabel(/Observations CSV/)
    .setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const error = page.locator("#import-content-error");
  await expect(error).toHaveText(/^The file is larger than 2 MB \(it has 2\.\d MB\)\. Split it/);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(error).toBeVisible();
  await expect(page.getByRole("heading", { name: "Preview" })).toHaveCount(0);
});

async function createDraft(page: Page, title: string) {
  await page.goto("/catalogue/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "Clear communication and transparency" });
  await page.getByLabel("Owner (one named person)").selectOption({ label: "Marcus Reid" });
  await page.getByLabel("Actor").fill("The release manager");
  await page.getByLabel("Action").fill("demos each customer-visible change to the account leads");
  await page.getByLabel("Trigger / context").fill("Before a release is approved");
  await page.getByLabel("Frequency or deadline").fill("at the release review");
  await page.getByLabel("Done when (completion criterion)").fill("The release ticket links the recording");
  await page.getByLabel("Customer outcome it serves").fill("Account leads can warn customers before changes land");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("restoring a version whose title another behaviour has taken says why, beside the button", async ({ as }) => {
  const page = await as("leader");
  const title = `Restore clash ${Date.now().toString(36)}`;
  await createDraft(page, title);
  const url = page.url();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Title").fill(`${title} renamed`);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Version 2 (current)")).toBeVisible();
  await createDraft(page, title); // another behaviour takes the old title

  await page.goto(url);
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByRole("region", { name: "Versions" }).getByRole("alert")).toHaveText(
    "Version 1 cannot be restored: Another behaviour in your organisation already has this title. Edit the behaviour instead.",
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} renamed`);
});

// A date input cannot hold year 0 (the unit tests send 0000-01-01 to the schema); 1999-12-31 can.
test("a batch dated before 2000 is refused beside the date, and the batch stays in the form", async ({ as }) => {
  const page = await as("member");
  await page.goto("/log");
  await page.getByText("Log a batch (several opportunities at once)").click();
  const batch = page.locator("details").filter({ hasText: "Log a batch" });
  await batch
    .getByRole("combobox", { name: "Behaviour" })
    .selectOption({ label: "Root cause on the ticket within 24 h" });
  await batch.getByLabel("Performed").fill("3");
  await batch.getByLabel("Out of (opportunities)").fill("4");
  await batch.getByLabel("Date").fill("1999-12-31");
  await batch.getByRole("button", { name: "Save batch" }).click();
  await expect(batch.getByLabel("Date")).toHaveAccessibleDescription(/Enter a date in 2000 or later\./);
  await expect(batch.getByLabel("Performed")).toHaveValue("3");
  await expect(batch.getByText("Batch saved.")).toHaveCount(0);
});
