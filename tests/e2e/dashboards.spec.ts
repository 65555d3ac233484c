import { readFileSync, statSync } from "node:fs";
import { expect, test } from "./fixtures";

test("a manager filters the overview in the URL, opens a behaviour's outcome view and exports its data", async ({
  as,
}) => {
  const page = await as("manager");
  await page.goto("/catalogue");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" }).click();
  await expect(page.getByRole("heading", { name: "Organisation overview" })).toBeVisible();
  const trendRows = page.getByTestId("adoption-trend").locator("tbody tr");
  await page.getByText("Adoption trend as a table").click();
  await expect(trendRows).toHaveCount(12);
  // One date format in every chart's table: "16 Nov 2026", with its year.
  await expect(trendRows.first().locator("td").first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} 20\d\d$/);

  // The period changes the URL and the chart's weeks.
  await page.getByLabel("Period").selectOption({ label: "Last 4 weeks" });
  await expect(page).toHaveURL(/period=4w/);
  await page.getByText("Adoption trend as a table").click();
  await expect(trendRows).toHaveCount(4);
  const allTeams = await page.getByTestId("heatmap").locator("tbody tr").count();

  // A team narrows the heatmap to that team; the filter is in the URL too.
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  await expect(page).toHaveURL(/team=/);
  await expect(page).toHaveURL(/period=4w/);
  await page.getByText("Adoption by team and behaviour as a table").click();
  const heatRows = page.getByTestId("heatmap").locator("tbody tr");
  const teamCells = await heatRows.locator("td:nth-child(2)").allTextContents();
  expect(teamCells.length).toBeGreaterThan(0);
  expect(teamCells.length).toBeLessThan(allTeams);
  expect(new Set(teamCells)).toEqual(new Set(["Payments"]));
  await expect(page.getByTestId("metric-table")).toContainText(/On track|At risk|Off track/);

  // Behaviour → outcome: both series on one time axis, and the lagged correlation, labelled as such.
  await page.getByRole("navigation", { name: "Dashboards" }).getByRole("link", { name: "Behaviour → outcome" }).click();
  await expect(page).toHaveURL(/\/dashboards\/behaviour\?period=4w/);
  await page.getByLabel("Period").selectOption({ label: "Last 26 weeks" });
  await page.getByLabel("Behaviour", { exact: true }).selectOption({ label: "Root cause on the ticket within 24 h" });
  await page.getByRole("button", { name: "Show" }).click();
  await page
    .getByLabel("Metric", { exact: true })
    .selectOption({ label: "Time to resolution experienced by the customer" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/behaviour=.+&metric=|metric=.+&behaviour=|period=26w.*behaviour=/);
  await expect(page.getByText("Correlation, not proof.")).toBeVisible();
  // Two y-axes with different scales: the text says so, and the frame says the units and the weeks with their year.
  const outcome = page.getByTestId("outcome-chart");
  await expect(outcome.getByTestId("scales-differ")).toContainText("The two axes have different scales");
  await expect(outcome.getByTestId("chart-facts")).toContainText("Units: adoption % (left axis), hours (right axis)");
  await expect(outcome.getByTestId("chart-facts")).toContainText(
    /weeks starting \d{1,2} \w{3,4} 20\d\d – \d{1,2} \w{3,4} 20\d\d/,
  );
  await expect(outcome.locator(".recharts-label").first()).toHaveText("Adoption (%)");
  await expect(page.getByTestId("correlations").locator("tbody tr")).toHaveCount(9);
  await expect(page.getByTestId("correlations")).toContainText(/0\.\d\d|-0\.\d\d/);

  const csv = page.waitForEvent("download");
  await page
    .getByRole("button", { name: "CSV of Adoption and Time to resolution experienced by the customer" })
    .click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toBe("behaviour-outcome.csv");
  const lines = readFileSync((await csvFile.path())!, "utf8")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("week,adoption_pct,Time to resolution experienced by the customer (hours)");
  expect(lines).toHaveLength(27);

  const png = page.waitForEvent("download");
  await page
    .getByRole("button", { name: "PNG of Adoption and Time to resolution experienced by the customer" })
    .click();
  const pngFile = await png;
  expect(pngFile.suggestedFilename()).toBe("behaviour-outcome.png");
  const bytes = readFileSync((await pngFile.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(statSync((await pngFile.path())!).size).toBeGreaterThan(5000);
  // The PNG is the chart under its caption (title, units, weeks), drawn at twice the size: taller than the chart.
  const chartHeight = await outcome
    .locator("svg.recharts-surface")
    .first()
    .evaluate((svg) => svg.getBoundingClientRect().height);
  expect(bytes.readUInt32BE(20) / 2).toBeGreaterThanOrEqual(chartHeight + 2 * 22);
});

test("the team view and the portfolio standup, where the meeting's customer story is kept", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/dashboards/team");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Support Engineering" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: "Team view: Support Engineering" })).toBeVisible();
  await expect(page.getByTestId("this-week")).toContainText("opportunities observed");
  await expect(page.getByRole("heading", { name: "Open barriers" })).toBeVisible();

  await page.getByRole("navigation", { name: "Dashboards" }).getByRole("link", { name: "Portfolio standup" }).click();
  await expect(page.getByRole("heading", { name: "Wins: biggest adoption rises" })).toBeVisible();
  await expect(page.getByTestId("blockers")).toContainText("Session recordings need a licence");
  const story = `A clinic manager told us the export saved her Friday ${Date.now().toString(36)}`;
  await page.getByRole("textbox", { name: "Customer story" }).fill("Too short");
  await page.getByRole("button", { name: "Save customer story" }).click();
  await expect(page.getByText("Customer story needs at least 10 characters.")).toBeVisible();
  await expect(page.getByText("Choose where the story came from.")).toBeVisible();
  await expect(page.getByText("Choose how the customer felt.")).toBeVisible();
  await page.getByRole("textbox", { name: "Customer story" }).fill(story);
  await page.getByLabel("Where the story came from").selectOption({ label: "Interview" });
  await page.getByRole("group", { name: "How the customer felt" }).getByLabel("Positive").check();
  await page.getByRole("button", { name: "Save customer story" }).click();
  await expect(page.getByTestId("stories")).toContainText(story);

  // Or pick something a customer said recently: it becomes a story (a feedback item marked as one).
  const picker = page.getByRole("group", { name: "Pick something a customer said recently" });
  const first = picker.getByRole("radio").first();
  const quote = (await picker.locator("label").first().locator("span > span").first().textContent())!.replace(
    /^“|”$/g,
    "",
  );
  await first.check();
  await page.getByRole("button", { name: "Tell this story" }).click();
  await expect(picker.getByText(quote, { exact: false })).toHaveCount(0);
  await page.goto("/feedback?stories=1");
  await expect(page.getByTestId("feedback-list")).toContainText(quote);
});

test("a member cannot open the manager dashboards: each page answers 404", async ({ as }) => {
  const page = await as("member");
  await page.goto("/catalogue");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" })).toHaveCount(0);
  for (const path of [
    "/dashboards",
    "/dashboards/behaviour",
    "/dashboards/team",
    "/dashboards/standup",
    "/metrics",
    "/metrics/audit",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByText("Customer retention")).toHaveCount(0);
  }
});

test("the heatmap has a colour legend, full names on hover, and keeps its behaviours in view on a phone", async ({
  as,
}) => {
  const page = await as("manager");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboards");
  const heatmap = page.getByTestId("heatmap");
  const legend = heatmap.getByTestId("heatmap-legend");
  await expect(legend).toContainText("0–19%");
  await expect(legend).toContainText("80–100%");
  await expect(legend).toContainText("fewer than 5 opportunities");

  // Names cut short on the drawing are whole on hover (the SVG title) and in the table.
  await page.getByText("Adoption by team and behaviour as a table").click();
  const firstBehaviour = (await heatmap.locator("tbody tr").first().locator("td").first().textContent())!;
  const rowLabel = heatmap.getByTestId("heatmap-labels").locator("text").first();
  await expect(rowLabel.locator("title")).toHaveText(firstBehaviour);

  // Scrolling the teams sideways leaves the row labels where they were.
  const scroller = heatmap.getByTestId("heatmap-scroll");
  await scroller.scrollIntoViewIfNeeded();
  const before = (await rowLabel.boundingBox())!;
  const scrolled = await scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return el.scrollLeft;
  });
  expect(scrolled).toBeGreaterThan(0);
  await expect(rowLabel).toBeInViewport();
  const after = (await rowLabel.boundingBox())!;
  expect(Math.round(after.x)).toBe(Math.round(before.x));
  expect(after.x).toBeGreaterThanOrEqual(0);

  // The PNG holds every team, not just the part scrolled into view, and the legend beside them.
  const width = await scroller.evaluate((el) => el.scrollWidth);
  const png = page.waitForEvent("download");
  await heatmap.getByRole("button", { name: "PNG of Adoption by team and behaviour" }).click();
  const bytes = readFileSync((await (await png).path())!);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.readUInt32BE(16) / 2).toBeGreaterThanOrEqual(width + 190);
});
