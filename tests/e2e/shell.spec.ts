import { expect, test } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("the signed-in shell works at 360 px wide and from the keyboard", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/catalogue");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Dashboards" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboards$/);
  await expect(page.getByRole("heading", { name: "Organisation overview" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboards" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("metric-table")).toBeVisible();

  await nav.getByRole("link", { name: "Log", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Log", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent observations" })).toBeVisible();
  await expect(page.getByText(/Performed|Missed/).first()).toBeVisible();
});

test("a user in two organisations switches between them", async ({ as }) => {
  const page = await as("leader");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("New organisation name").fill("Leader's Lab");
  await page.getByRole("button", { name: "Create organisation" }).click();
  const switcher = page.getByLabel("Organisation", { exact: true });
  await expect(switcher).toHaveValue(/.+/);
  await expect(switcher.locator("option:checked")).toHaveText("Leader's Lab");
  await page.getByRole("link", { name: "Catalogue" }).click();
  await expect(page.getByText("No values or behaviours yet.")).toBeVisible();

  await switcher.selectOption({ label: "Northwind Software" });
  await expect(page.getByRole("heading", { name: "Deep understanding of customer needs" })).toBeVisible();
});
