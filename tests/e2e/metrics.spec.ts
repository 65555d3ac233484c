import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

// Readings are dated in the past: the app refuses a future date, and which day is "today" depends on
// the calendar it counts in (UTC now; an organisation's time zone may be a day ahead). A UTC day that
// has already ended is in the past on every calendar, whenever the test runs.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a manager defines a metric with a target, records readings by hand and by CSV, and its status follows", async ({
  as,
}) => {
  const name = `Cost per ticket ${Date.now().toString(36)}`;
  const page = await as("manager");
  await page.goto("/metrics");
  await page.getByRole("link", { name: "New metric" }).click();
  // A target without a value is refused beside the field; nothing is created.
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Unit").fill("EUR");
  await page
    .getByRole("group", { name: "What it measures" })
    .getByLabel(/Internal process/)
    .check();
  await page
    .getByRole("group", { name: "Leading or lagging" })
    .getByLabel(/Lagging/)
    .check();
  await page.getByRole("group", { name: "Desired direction" }).getByLabel("Lower is better").check();
  await page.getByLabel("Kind of target").selectOption({ label: "Stay at or below" });
  await page.getByRole("button", { name: "Create metric" }).click();
  await expect(page.getByText("Enter the target value.")).toBeVisible();
  await page.getByLabel("Target value").fill("20");
  await page.getByRole("button", { name: "Create metric" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("metric-status")).toContainText("No data");

  // A reading two days ago is above the target: off track, and the page says why.
  await page.getByLabel("Date").fill(day(-2));
  await page.getByLabel("Value (EUR)").fill("25");
  await page.getByRole("button", { name: "Add reading" }).click();
  await expect(page.getByTestId("metric-status")).toContainText("Off track");
  await expect(page.getByTestId("metric-status")).toContainText("Latest 25 is above the target 20.");

  // Yesterday's figure arrives from another tool as CSV, and the status follows the latest reading.
  await page.goto("/metrics/import");
  await page.getByLabel("…or paste its content").fill(`date,metric,team,value\n${day(-1)},${name},,18.5\n`);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("1 of 1 reading can be imported.")).toBeVisible();
  await page.getByRole("button", { name: "Import 1 reading" }).click();
  await expect(page).toHaveURL(/imported=1/);
  await page.getByRole("link", { name }).click();
  await expect(page.getByTestId("metric-status")).toContainText("On track");
  await expect(page.getByTestId("readings")).toContainText("18.5");

  // Every reading goes out in the import's own format, so it can come back in unchanged.
  await page.goto("/metrics");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export readings (CSV)" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split(/\r?\n/)[0]).toBe("date,metric,team,value");
  expect(csv).toContain(`${day(-1)},${name},,18.5`);
  expect(csv).toContain(`${day(-2)},${name},,25`);

  // Internal process metrics without an owner or behaviour are called out by the audit.
  await page.goto("/metrics/audit");
  await expect(page.getByText(/\d+ of \d+ metrics \(\d+%\) measure customer outcomes/)).toBeVisible();
  await expect(page.getByRole("region", { name: /no linked behaviour/ })).toContainText(name);
});
