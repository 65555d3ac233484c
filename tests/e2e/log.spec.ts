import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const BEHAVIOUR = "Root cause on the ticket within 24 h";

interface Week {
  week: string;
  performed: number;
  opportunities: number;
}

/** The behaviour page's weekly figures, newest week first, each under its "Week of" label. */
async function weeklyFigures(page: Page): Promise<Week[]> {
  await page.goto("/catalogue");
  await page.getByRole("link", { name: new RegExp(BEHAVIOUR) }).click();
  const table = page.getByTestId("adoption-table");
  await expect(table.locator("tbody tr").first()).toBeAttached();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  return rows.map(([week = "", , counts = ""]) => {
    const [performed, opportunities] = counts.split("/").map((n) => Number(n.trim()));
    return { week, performed: performed!, opportunities: opportunities! };
  });
}

/**
 * "Performed / opportunities" added between two readings of the weekly figures: the week that was the
 * newest at the first reading plus any week that began since. The entries land in the week the app
 * puts them in, which is a new one when the test runs across the start of a week (Monday 00:00), so
 * the weeks are matched by the table's own labels rather than by "the first row".
 */
function addedSince(before: Week[], after: Week[]): [number, number] {
  const then = before[0]!;
  const since = after.slice(0, after.findIndex((w) => w.week === then.week) + 1);
  expect(since.length, `the week of ${then.week} is still on the page`).toBeGreaterThan(0);
  const sum = (key: "performed" | "opportunities") => since.reduce((n, w) => n + w[key], 0) - then[key];
  return [sum("performed"), sum("opportunities")];
}

test("a member logs from a phone in three taps, undoes, logs a miss with a note and an anonymous entry; adoption follows", async ({
  as,
}) => {
  const page = await as("member");
  const before = await weeklyFigures(page);

  // Tap 1: open Log. Tap 2: the behaviour. Tap 3: Performed.
  await page.getByRole("link", { name: "Log", exact: true }).tap();
  await page.getByRole("button", { name: new RegExp(BEHAVIOUR) }).tap();
  await page.getByRole("button", { name: "Performed", exact: true }).tap();
  const toast = page.getByRole("status").filter({ hasText: "Saved." });
  await expect(toast).toContainText(`Performed: ${BEHAVIOUR}`);
  await toast.getByRole("button", { name: "Undo" }).tap();
  await expect(toast).toHaveCount(0);

  await page
    .getByRole("textbox", { name: /Note \(optional\): describe the situation/ })
    .fill("Release day, the queue had no owner");
  await page.getByRole("button", { name: "Missed", exact: true }).tap();
  await expect(toast).toContainText(`Missed: ${BEHAVIOUR}`);
  await page.getByLabel("Log anonymously (your name is not stored)").check();
  await page.getByRole("button", { name: "Performed", exact: true }).tap();
  await expect(toast).toContainText(`Performed: ${BEHAVIOUR} (anonymous)`);
  await expect(page.getByLabel("Log anonymously (your name is not stored)")).not.toBeChecked();

  await page.reload();
  const recent = page.getByRole("listitem").filter({ hasText: "Release day, the queue had no owner" });
  await expect(recent).toContainText("Mia Santos");
  await expect(recent).toContainText("Missed");
  await expect(
    page.getByRole("listitem").filter({ hasText: BEHAVIOUR }).filter({ hasText: "Anonymous" }).first(),
  ).toBeVisible();

  // The undone entry does not count; the miss and the anonymous entry do.
  expect(addedSince(before, await weeklyFigures(page))).toEqual([1, 2]);
});

test("the same phone can correct or delete its entries for 24 hours, even anonymous ones", async ({ as }) => {
  const page = await as("member");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "Log", exact: true }).tap();
  await page.getByRole("button", { name: /Customer confirmation before closing a ticket/ }).tap();
  const note = `Clinic ${Date.now().toString(36)}`;
  await page.getByRole("textbox", { name: /Note \(optional\): describe the situation/ }).fill(note);
  await page.getByLabel("Log anonymously (your name is not stored)").check();
  await page.getByRole("button", { name: "Performed", exact: true }).tap();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.reload(); // the list survives a reload: it lives on this device
  const mine = page.getByRole("region", { name: "Your entries from the last 24 hours" });
  const entry = mine.getByRole("listitem").filter({ hasText: "Customer confirmation before closing a ticket" }).first();
  await expect(entry).toContainText("Performed");
  await entry.getByRole("button", { name: "Change to missed" }).tap();
  await expect(entry).toContainText("Missed");
  await page.reload();
  const recent = page.getByRole("listitem").filter({ hasText: note });
  await expect(recent).toContainText("Missed");
  await expect(recent).toContainText("Anonymous");

  const listed = await mine.getByRole("listitem").count();
  await mine
    .getByRole("listitem")
    .filter({ hasText: "Customer confirmation before closing a ticket" })
    .first()
    .getByRole("button", { name: "Delete" })
    .tap();
  // Off the list once the server said so: a reload before that could cut the request short.
  await expect(mine.getByRole("listitem")).toHaveCount(listed - 1);
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: note })).toHaveCount(0);

  // The list filters live in the URL, and the export takes the same filters.
  const filters = page.getByRole("form", { name: "Filter observations" });
  await filters.getByLabel("Behaviour").selectOption({ label: "Customer confirmation before closing a ticket" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]behaviour=[a-z0-9]+/);
  const behaviourId = new URL(page.url()).searchParams.get("behaviour");
  await expect(filters.getByRole("link", { name: "Export these as CSV" })).toHaveAttribute(
    "href",
    new RegExp(`behaviour=${behaviourId}`),
  );
  const list = page.getByRole("list", { name: "Recent observations" });
  await expect(list.getByRole("listitem").first()).toContainText("Customer confirmation before closing a ticket");
  await expect(list.getByRole("listitem").filter({ hasText: "Root cause on the ticket within 24 h" })).toHaveCount(0);
});

test("a batch is saved once and the form clears for the next one", async ({ as }) => {
  const page = await as("member");
  await page.goto("/log");
  await page.getByText("Log a batch (several opportunities at once)").click();
  const batch = page.locator("details").filter({ hasText: "Log a batch" });
  await batch.getByRole("combobox", { name: "Behaviour" }).selectOption({ label: BEHAVIOUR });
  await batch.getByLabel("Performed").fill("4");
  await batch.getByLabel("Out of (opportunities)").fill("5");
  await batch.getByLabel("Note (optional)").fill("Sprint review batch");
  await batch.getByRole("button", { name: "Save batch" }).click();
  await expect(batch.getByRole("status")).toHaveText("Batch saved.");
  await expect(batch.getByLabel("Performed")).toHaveValue("");
  await expect(batch.getByLabel("Note (optional)")).toHaveValue("");
  await expect(batch.getByRole("combobox", { name: "Behaviour" })).toHaveValue("");
});
