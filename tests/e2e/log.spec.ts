import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const BEHAVIOUR = "Root cause on the ticket within 24 h";

/** This week's "performed / opportunities" from the behaviour page's weekly figures. */
async function thisWeek(page: Page): Promise<[number, number]> {
  await page.goto("/catalogue");
  await page.getByRole("link", { name: new RegExp(BEHAVIOUR) }).click();
  const row = page.getByTestId("adoption-table").locator("tbody tr").first();
  const text = (await row.locator("td").nth(2).textContent())!;
  const [performed, opportunities] = text.split("/").map((n) => Number(n.trim()));
  return [performed!, opportunities!];
}

test("a member logs from a phone in three taps, undoes, logs a miss with a note and an anonymous entry; adoption follows", async ({
  as,
}) => {
  const page = await as("member");
  const before = await thisWeek(page);

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

  await page.reload();
  const recent = page.getByRole("listitem").filter({ hasText: "Release day, the queue had no owner" });
  await expect(recent).toContainText("Mia Santos");
  await expect(recent).toContainText("Missed");
  await expect(
    page.getByRole("listitem").filter({ hasText: BEHAVIOUR }).filter({ hasText: "Anonymous" }).first(),
  ).toBeVisible();

  // The undone entry does not count; the miss and the anonymous entry do.
  const after = await thisWeek(page);
  expect(after).toEqual([before[0] + 1, before[1] + 2]);
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

  await mine
    .getByRole("listitem")
    .filter({ hasText: "Customer confirmation before closing a ticket" })
    .first()
    .getByRole("button", { name: "Delete" })
    .tap();
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
