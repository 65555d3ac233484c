import path from "node:path";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

const BEHAVIOUR = "Root cause on the ticket within 24 h";
const suffix = () => Date.now().toString(36);
/** The UTC calendar day `offset` days from now (YYYY-MM-DD). */
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function score(page: Page, impact: string, reach: string, ease: string) {
  await page.getByRole("group", { name: "Impact on the behaviour" }).getByLabel(impact, { exact: true }).check();
  await page.getByRole("group", { name: "People affected" }).getByLabel(reach, { exact: true }).check();
  await page.getByRole("group", { name: "Ease of removal" }).getByLabel(ease, { exact: true }).check();
}

test("a manager records a barrier with both classifications, scores it and finds it first in the priority list", async ({
  as,
}) => {
  const title = `Ticket tool logs people out ${suffix()}`;
  const page = await as("manager");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "Barriers", exact: true }).click();
  await page.getByRole("link", { name: "Record a barrier" }).click();
  // The barriers page has forms of its own ("Something else" texts into a barrier): fill the new barrier's form only.
  await expect(page.getByRole("heading", { name: "Record a barrier", level: 1 })).toBeVisible();

  // Missing classifications: clear messages beside the fields, nothing saved, typed text kept.
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page
    .getByLabel("What gets in the way")
    .fill("The ticket tool signs engineers out every hour, so root-cause notes are lost half-written.");
  await page.getByRole("button", { name: "Record barrier" }).click();
  await expect(page.getByText("Choose the COM-B component.")).toBeVisible();
  await expect(page.getByText("Choose the Barrier Analysis determinant.")).toBeVisible();
  await expect(page.getByText("Choose at least one behaviour this barrier stands in the way of.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);

  await page.getByRole("group", { name: "Behaviours it stands in the way of" }).getByLabel(BEHAVIOUR).check();
  await page.getByRole("group", { name: "Teams where it applies (none = everywhere)" }).getByLabel("Payments").check();
  await page.getByLabel("COM-B component").selectOption({ label: "Physical opportunity" });
  await page.getByLabel("Barrier Analysis determinant").selectOption({ label: "Access" });
  await score(page, "5", "5", "4");
  await page.getByRole("button", { name: "Record barrier" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("COM-B: Physical opportunity")).toBeVisible();
  await expect(page.getByText("Determinant: Access")).toBeVisible();
  await expect(page.getByTestId("barrier-priority")).toContainText(
    "100 = impact 5 × people affected 5 × ease of removal 4",
  );

  // The demo's highest priority is 80, so 100 leads the list and the Pareto chart's table.
  await page.getByRole("link", { name: "← Barriers" }).click();
  const first = page.getByTestId("barrier-table").first().locator("tbody tr").first();
  await expect(first).toContainText(title);
  await expect(first).toContainText("100");
  await page.getByText("Pareto: barriers by priority as a table").click();
  await expect(page.getByTestId("pareto").locator("tbody tr").first()).toContainText(title);
  // Each bar carries its barrier's name (cut short on the drawing, whole on hover), not a bare rank.
  const firstBar = page.getByTestId("pareto").locator("[data-barrier-name]").first();
  await expect(firstBar).toHaveAttribute("data-barrier-name", title);
  await expect(firstBar.locator("text")).toContainText(`1. ${title.slice(0, 12)}`);
  await expect(firstBar.locator("title")).toHaveText(`1. ${title}`);

  // Sorting by ease (kept in the URL) puts the demo's ease-5 barrier first.
  await page.getByRole("link", { name: "Ease", exact: true }).click();
  await expect(page).toHaveURL(/sort=ease/);
  await expect(page.getByTestId("barrier-table").first().locator("tbody tr").first()).toContainText(
    "No reminder at the moment of closing",
  );
});

test("a survey's 90 imported responses show significant barriers; one becomes a barrier, an intervention is planned and its before/after renders", async ({
  as,
}) => {
  const title = `Root cause survey ${suffix()}`;
  const page = await as("manager");
  await page.goto("/surveys");
  await page.getByRole("link", { name: "New survey" }).click();
  await page.getByLabel("Survey title").fill(title);
  await page.getByLabel("Behaviour", { exact: true }).selectOption({ label: BEHAVIOUR });
  // The default screening question follows the behaviour, in the second person.
  await expect(page.getByLabel("Question 1 text")).toHaveValue(
    "In the last two weeks, each time it was due, did you post the root cause and next step on the customer's ticket?",
  );
  await page.getByLabel("Determinant to ask about").selectOption({ label: "Access" });
  await page.getByRole("button", { name: "Add determinant question" }).click();
  await page.getByLabel("Determinant to ask about").selectOption({ label: "Perceived self-efficacy" });
  await page.getByRole("button", { name: "Add determinant question" }).click();
  await expect(page.getByTestId("survey-question")).toHaveCount(3);
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("survey-counts")).toContainText("0 doers · 0 non-doers");

  await page.getByRole("link", { name: "Import responses (CSV)" }).click();
  await page.getByLabel("Responses CSV").setInputFiles(path.join(import.meta.dirname, "data", "survey-90.csv"));
  await expect(page.locator("#import-content")).not.toHaveValue("");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("90 of 90 respondents can be imported.")).toBeVisible();
  await page.getByRole("button", { name: "Import 90 respondents" }).click();
  await expect(page.getByText("Imported 90 respondents.")).toBeVisible();
  await expect(page.getByTestId("survey-counts")).toContainText("45 doers · 45 non-doers · 0 excluded");

  // Access "Yes": 8 of 45 doers against 30 of 45 non-doers, a significant barrier.
  const table = page.getByTestId("tabulation");
  await expect(page.getByRole("heading", { name: /Tabulation: [1-9]\d* significant responses?/ })).toBeVisible();
  const accessYes = table.locator("tr", { hasText: "Is it difficult to get the tools" }).filter({ hasText: "8/45" });
  await expect(accessYes).toContainText("30/45");
  await expect(accessYes).toContainText("Significant barrier");
  await expect(accessYes).toContainText("< 0.001");

  // The tabulation downloads as CSV with the documented columns.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export tabulation (CSV)" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "determinant,question,response,doers_with,doers_total,nondoers_with,nondoers_total,pct_doers,pct_nondoers,odds_ratio,or_ci_low,or_ci_high,err,p_value,test,significant",
  );
  expect(csv).toContain(
    'Access,"Is it difficult to get the tools, information or time you need to do this?",Yes,8,45,30,45,17.8,66.7,',
  );

  // One click: the response becomes a barrier carrying its statistics; then it is scored.
  await page
    .getByRole("button", {
      name: "Make it a barrier for “Yes” to “Is it difficult to get the tools, information or time",
    })
    .click();
  await expect(page).toHaveURL(/\/barriers\/[^/]+\/edit\?from=survey/);
  await expect(page.getByLabel("Barrier Analysis determinant")).toHaveValue("ACCESS");
  await page.getByRole("group", { name: "Teams where it applies (none = everywhere)" }).getByLabel("Payments").check();
  await score(page, "4", "4", "3");
  await page.getByRole("button", { name: "Save barrier" }).click();
  await expect(page.getByTestId("barrier-priority")).toContainText("48 = impact 4");
  await expect(page.getByTestId("survey-statistics")).toContainText("Doers 8 of 45 · non-doers 30 of 45");

  // The barrier page suggests functions for its COM-B component, each with techniques commonly used for it.
  await page.getByText(/^Suggested for .*: functions and techniques$/).click();
  await expect(page.getByText("12.5 Adding objects to the environment").first()).toBeVisible();

  // Plan an intervention from a suggested function; it started 27 days ago, so before/after has data.
  await page.getByRole("link", { name: "Plan an intervention" }).click();
  const functions = page.getByRole("group", { name: "Intervention function" });
  await expect(functions.getByLabel("Restriction (suggested)")).toBeChecked();
  await expect(page.getByText(/links no technique of the taxonomy to restriction/)).toBeVisible();
  await functions.getByLabel("Environmental restructuring (suggested)").check();
  // Techniques (BCTTv1): one the guide commonly uses for the function, and one from the rest of the taxonomy.
  await page
    .getByRole("group", { name: "Commonly used for environmental restructuring" })
    .getByLabel(/^12\.5 Adding objects to the environment/)
    .check();
  await page.getByText("Every other technique").click();
  await page
    .getByRole("group", { name: "1. Goals and planning" })
    .getByLabel(/^1\.4 Action planning/)
    .check();
  await expect(page.getByText("Every other technique · 1 chosen")).toBeVisible();
  await page.getByLabel("Title").fill("Laptop stays signed in to the ticket tool");
  const start = utcDay(-27);
  await page.getByLabel("Start date").fill(start);
  await expect(page.getByRole("group", { name: "Roll it out to" }).getByLabel("Payments")).toBeChecked();
  for (const c of [
    "Affordability",
    "Practicability",
    "Effectiveness",
    "Acceptability",
    "Side-effects / safety",
    "Equity",
  ]) {
    await page.getByRole("group", { name: c, exact: true }).getByLabel("4", { exact: true }).check();
  }
  // The window runs from the start day to the day the page is drawn, both counted (28 days), in UTC
  // days as the app counts them; 29 when the day turns while the test runs.
  const daysSinceStart = (today: string) => (Date.parse(today) - Date.parse(start)) / 86_400_000 + 1;
  const earliest = daysSinceStart(utcDay(0));
  await page.getByRole("button", { name: "Plan intervention" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laptop stays signed in to the ticket tool");
  const windows = page.getByText(/(\d+) days since the start against the \1 days before it/);
  await expect(windows).toBeVisible();
  const shown = Number(/(\d+) days since/.exec((await windows.textContent()) ?? "")?.[1]);
  expect([earliest, daysSinceStart(utcDay(0))]).toContain(shown);
  const rows = page.getByTestId("before-after").locator("tbody tr");
  await expect(rows.nth(0)).toContainText("Rolled out");
  await expect(rows.nth(0)).toContainText("Payments");
  await expect(rows.nth(0)).toHaveText(/Rolled out.*\d+%\d+ of \d+\d+%\d+ of \d+[+-]?\d+(\.\d)? points/);
  await expect(rows.nth(1)).toContainText("Not yet (comparison)");
  await expect(rows.nth(1)).toContainText("Support Engineering");
  await expect(page.getByTestId("did")).toContainText("Difference in differences");
  await expect(page.getByRole("heading", { name: "APEASE appraisal: 24 of 30" })).toBeVisible();
  const techniques = page.getByRole("region", { name: "Behaviour change techniques" });
  await expect(techniques.getByRole("listitem")).toHaveText([
    "1.4 Action planning",
    "12.5 Adding objects to the environment",
  ]);
  // Each technique opens the interventions report on it: the row counts this intervention, with its before/after.
  await techniques.getByRole("link", { name: "12.5 Adding objects to the environment" }).click();
  await expect(page).toHaveURL(/\/interventions\?technique=12\.5$/);
  await expect(
    page.getByRole("heading", { name: "Interventions using 12.5 Adding objects to the environment" }),
  ).toBeVisible();
  const row = page.getByRole("region", { name: "By technique" }).getByRole("row", { name: /^12\.5 Adding objects/ });
  await expect(row).toHaveText(/12\.5 Adding objects to the environment[1-9]\d*/);
  await expect(row.getByRole("link")).toHaveAttribute("aria-current", "true");
  const listed = page.getByRole("region", { name: /^Interventions using/ }).getByRole("row", {
    name: /Laptop stays signed in to the ticket tool/,
  });
  await expect(listed).toContainText("1.4 Action planning; 12.5 Adding objects to the environment");
  await expect(listed).toContainText(/\d+ of \d+ → \d+ of \d+/);
});

test("a member can propose a barrier but not score it, and answers a survey once, anonymously", async ({ as }) => {
  const manager = await as("manager");
  const title = `Quick survey ${suffix()}`;
  await manager.goto("/surveys/new");
  await manager.getByLabel("Survey title").fill(title);
  await manager.getByLabel("Behaviour", { exact: true }).selectOption({ label: BEHAVIOUR });
  await manager.getByRole("button", { name: "Add determinant question" }).click();
  await manager.getByRole("button", { name: "Create survey" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText(title);
  const surveyUrl = manager.url();

  const member = await as("member");
  await member.goto("/barriers/new");
  await expect(member.getByRole("heading", { name: "Propose a barrier" })).toBeVisible();
  await expect(member.getByRole("group", { name: "Impact on the behaviour" })).toHaveCount(0);
  // Results are for managers: the member's link to the survey opens the answer form.
  await member.goto(surveyUrl);
  await expect(member).toHaveURL(/\/respond$/);
  await member.getByRole("button", { name: "Send my answers" }).click();
  await expect(member.getByText("Choose a response.").first()).toBeVisible();
  await member
    .getByRole("group", { name: /did you post the root cause/ })
    .getByLabel("Not every time")
    .check();
  await member
    .getByRole("group", { name: /could you do this every time it is due/ })
    .getByLabel("Not sure")
    .check();
  await member.getByRole("button", { name: "Send my answers" }).click();
  await expect(member.getByText("Thank you: your answers are in.")).toBeVisible();
  await member.reload();
  await expect(member.getByRole("button", { name: "Send my answers" })).toHaveCount(0);

  await manager.reload();
  await expect(manager.getByTestId("survey-counts")).toContainText(
    "0 doers · 1 non-doers · 0 excluded (1 answered in the app",
  );
  // The tabulation export is for managers only: a member gets the same 404 as for a missing survey.
  expect((await member.request.get(`${surveyUrl}/export`)).status()).toBe(404);
});
