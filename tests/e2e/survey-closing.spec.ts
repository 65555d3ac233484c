// Issue 17's last reminder kind, surveys closing (docs/decisions/023): a manager gives a survey a closing day on its
// page (a day before the organisation's today is refused beside the field), and the next notifications tick (the job
// queue's cron: every minute on the test servers, CONDUCT_NOTIFY_EVERY_MINUTES) puts "Closes tomorrow" in the outbox: to the person still to answer, with the
// link to answer, and the author's summary. The organisation's zone is one where it is now mid-day, so that today's
// 09:00 reminder slot has passed and is inside the tick's grace window whenever the test runs.
import { expect, test } from "./fixtures";
import { addValue, signUpOrganisation } from "./support/new-org";

// Whole-hour zones around the world; the test takes one where the local hour is 11–18 now.
const ZONES = [
  "Pacific/Kiritimati",
  "Pacific/Tongatapu",
  "Asia/Kamchatka",
  "Pacific/Noumea",
  "Australia/Brisbane",
  "Asia/Tokyo",
  "Asia/Shanghai",
  "Asia/Bangkok",
  "Asia/Dhaka",
  "Asia/Karachi",
  "Asia/Dubai",
  "Europe/Istanbul",
  "Africa/Johannesburg",
  "Africa/Lagos",
  "Africa/Abidjan",
  "Atlantic/Cape_Verde",
  "America/Noronha",
  "America/Sao_Paulo",
  "America/Caracas",
  "America/Bogota",
  "America/Guatemala",
  "America/Phoenix",
  "Pacific/Pitcairn",
  "Pacific/Gambier",
  "Pacific/Honolulu",
];
const parts = (zone: string, at = Date.now()) =>
  Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, hourCycle: "h23", dateStyle: "short", timeStyle: "short" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
const localHour = (zone: string) => Number(parts(zone).hour);
const localDay = (zone: string, at = Date.now()) => {
  const p = parts(zone, at);
  return `${p.year}-${p.month}-${p.day}`;
};
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test("a manager sets a survey's closing day, and the tick puts its reminder in the outbox", async ({ browser }) => {
  test.setTimeout(300_000);
  const zone = ZONES.find((z) => localHour(z) >= 11 && localHour(z) <= 18)!;
  const today = localDay(zone);
  const org = `Surveys ${Date.now().toString(36)}`;
  const ada = await (await browser.newContext()).newPage();
  await signUpOrganisation(ada, org);

  await ada.goto("/settings");
  const mail = ada.getByRole("region", { name: "E-mail" });
  await mail.getByRole("radio", { name: /Keep every message in the outbox/ }).check();
  await mail.getByRole("button", { name: "Save mail setting" }).click();
  await expect(mail.getByRole("status")).toHaveText("Mail setting saved.");
  const calendar = ada.getByRole("region", { name: "Time zone and week" });
  await calendar.getByLabel("Time zone").fill(zone);
  await calendar.getByRole("button", { name: "Save time zone and week" }).click();
  await expect(calendar.getByRole("status")).toHaveText("Time zone and week saved.");

  // A draft behaviour is enough to survey.
  await addValue(ada, "Solve the customer's problem");
  const behaviour = "Confirm the fix with the customer";
  await ada.goto("/catalogue/new");
  await ada.getByLabel("Title").fill(behaviour);
  await ada.getByLabel("Value", { exact: true }).selectOption({ label: "Solve the customer's problem" });
  await ada.getByLabel("Owner (one named person)").selectOption({ label: "Ada Admin" });
  await ada.getByLabel("Actor").fill("The front-desk agent");
  await ada.getByLabel("Action").fill("asks the customer to confirm the fix works before closing the ticket");
  await ada.getByLabel("Trigger / context").fill("Before closing a customer's ticket");
  await ada.getByLabel("Frequency or deadline").fill("on every ticket");
  await ada.getByLabel("Done when (completion criterion)").fill("The ticket shows the customer's confirmation");
  await ada.getByLabel("Customer outcome it serves").fill("Customers' problems are really solved");
  await ada.getByRole("button", { name: "Save draft" }).click();
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText(behaviour);

  const title = "What stops us confirming the fix?";
  await ada.goto("/surveys/new");
  await ada.getByLabel("Survey title").fill(title);
  await ada.getByLabel("Behaviour", { exact: true }).selectOption({ label: behaviour });
  await ada.getByRole("button", { name: "Add determinant question" }).click();
  await ada.getByRole("button", { name: "Create survey" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Yesterday in the organisation's zone is refused beside the field, and what was typed stays.
  const closes = ada.getByLabel("Closes on");
  await closes.fill(addDays(today, -1));
  await ada.getByRole("button", { name: "Save closing day" }).click();
  await expect(ada.getByText("The closing day cannot be in the past.")).toBeVisible();
  await expect(closes).toHaveAttribute("aria-invalid", "true");
  await expect(closes).toHaveValue(addDays(today, -1));
  await closes.fill(addDays(today, 1));
  await ada.getByRole("button", { name: "Save closing day" }).click();
  await expect(ada.getByRole("status").filter({ hasText: "Closing day saved." })).toBeVisible();
  const until = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const closingLabel = `Open until ${until.format(new Date(`${addDays(today, 1)}T00:00:00Z`))}`;
  await expect(ada.getByText(closingLabel)).toBeVisible();
  await ada.goto("/surveys");
  await expect(ada.getByRole("listitem").filter({ hasText: title }).getByText(closingLabel)).toBeVisible();
  const surveyId = await ada
    .getByRole("link", { name: title })
    .getAttribute("href")
    .then((h) => h!.split("/").at(-1)!);

  // The next tick (a minute away on the test servers; more under load) sends the reminder and the author's summary.
  await expect(async () => {
    await ada.goto("/settings/outbox");
    await expect(ada.getByRole("link", { name: `Closes tomorrow: ${title}`, exact: true })).toBeVisible({
      timeout: 1_000,
    });
    await expect(ada.getByRole("link", { name: `Closes tomorrow: ${title} (0 responses)` })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await ada.getByRole("link", { name: `Closes tomorrow: ${title}`, exact: true }).click();
  const text = await ada.getByRole("region", { name: "Text part" }).locator("pre").innerText();
  expect(text).toContain("takes its last responses tomorrow");
  expect(text).toContain(`/surveys/${surveyId}/respond`);
  expect(text).toMatch(/Unsubscribe: \S+\/unsubscribe\//);
});
