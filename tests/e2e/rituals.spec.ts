import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import {
  activeBehaviour,
  addValue,
  createTeam,
  invite,
  join,
  logBatch,
  signUpOrganisation,
  utcDay,
} from "./support/new-org";

// Issue 16: a manager of an organisation made from nothing schedules a team retrospective and runs
// its first meeting from an agenda built from the team's own figures.
const BEHAVIOUR = "Confirms the fix with the customer before closing";
const BARRIER = "The close button never asks about the customer";

test("a manager schedules a team retrospective and runs its meeting from the team's figures", async ({
  page: ada,
  browser,
}) => {
  test.setTimeout(600_000);
  await signUpOrganisation(ada, "Rituals From Nothing");
  await addValue(ada, "Solve the customer's problem");
  await createTeam(ada, "Front desk");

  // The rituals page of a new organisation says what rituals are for and offers to schedule one.
  await ada.getByRole("link", { name: "Rituals", exact: true }).click();
  await expect(ada.getByText(/No rituals yet/)).toBeVisible();
  await expect(ada.getByRole("link", { name: "Retrospective", exact: true })).toBeVisible();

  const [mia, max] = [uniqueEmail("mia"), uniqueEmail("max")];
  const [miaLink, maxLink] = await invite(ada, [
    { email: mia, name: "Mia Manager", role: "Manager", teams: "Front desk" },
    { email: max, name: "Max Member", role: "Member", teams: "Front desk" },
  ]);
  const manager = await join(browser, miaLink!, "mia-long-passphrase");
  const member = await join(browser, maxLink!, "max-long-passphrase", true);
  await activeBehaviour(ada, manager, { title: BEHAVIOUR, value: "Solve the customer's problem", owner: "Ada Admin" });

  // Two batches: 2 of 10 three weeks ago, 9 of 10 three days ago.
  await logBatch(member, { behaviour: BEHAVIOUR, day: utcDay(-20), performed: 2, opportunities: 10 });
  await logBatch(member, { behaviour: BEHAVIOUR, day: utcDay(-3), performed: 9, opportunities: 10 });

  await manager.goto("/barriers/new");
  await manager.getByLabel("Title").fill(BARRIER);
  await manager.getByLabel("What gets in the way").fill("Closing a ticket takes one click and asks nothing.");
  await manager.getByRole("group", { name: "Behaviours it stands in the way of" }).getByLabel(BEHAVIOUR).check();
  await manager
    .getByRole("group", { name: "Teams where it applies (none = everywhere)" })
    .getByLabel("Front desk")
    .check();
  await manager.getByLabel("COM-B component").selectOption({ label: "Psychological capability" });
  await manager.getByLabel("Barrier Analysis determinant").selectOption({ label: "Cues for action / reminders" });
  await manager.getByRole("button", { name: "Record barrier" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText(BARRIER);

  // Scheduling: a bad form keeps what was typed and says what is missing beside the field.
  await manager.goto("/rituals/new?kind=RETROSPECTIVE");
  await manager.getByLabel("Title").fill("Front desk retrospective");
  await manager.getByLabel("Who it is for").selectOption({ label: "Front desk" });
  await manager.getByRole("radio", { name: "Fortnightly" }).check();
  await manager.getByLabel("Weekday").selectOption({ label: "Friday" });
  await manager.getByRole("button", { name: "Schedule ritual" }).click();
  await expect(manager.getByText("Choose who facilitates.")).toBeVisible();
  await expect(manager.getByLabel("Title")).toHaveValue("Front desk retrospective");
  await manager.getByLabel("Facilitator").selectOption({ label: "Mia Manager" });
  await manager.getByRole("group", { name: "Participants" }).getByLabel("Max Member").check();
  await manager.getByRole("button", { name: "Schedule ritual" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Front desk retrospective");
  await expect(manager.getByText(/Fortnightly on Friday/)).toBeVisible();
  await expect(manager.getByText(/No meeting yet/)).toBeVisible();

  // Today's meeting: it covers the last fortnight against the one before.
  await manager.getByLabel("Or another date").fill(utcDay(0));
  await manager.getByRole("button", { name: "Open agenda" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toContainText("Front desk retrospective");
  const items = manager.getByTestId("agenda-item");
  await expect(items.first()).toContainText("Open actions from last time");
  await expect(manager.getByTestId("adoption-changes")).toContainText(BEHAVIOUR);
  await expect(manager.getByTestId("adoption-changes")).toContainText("20% → 90% (+70 points)");
  await expect(manager.getByTestId("agenda-barriers")).toContainText(BARRIER);
  await expect(manager.getByText("Which recent deliverables had the most positive impact on customers?")).toBeVisible();

  // The facilitator adds an item and moves it up; a participant takes notes on the phone.
  await manager.getByLabel("Item", { exact: true }).fill("The new close dialog");
  await manager.getByRole("button", { name: "Add to the agenda" }).click();
  await expect(items.last()).toContainText("The new close dialog");
  const count = await items.count();
  await manager.getByRole("button", { name: "Move “The new close dialog” up" }).click();
  await expect(items.nth(count - 2)).toContainText("The new close dialog");

  const meeting = manager.url();
  await member.goto(meeting);
  await expect(member.getByRole("button", { name: /Move “/ })).toHaveCount(0);
  await member.getByLabel("Notes on What gets in the way").fill("The dialog should ask before closing.");
  await member
    .getByTestId("agenda-item")
    .filter({ hasText: "What gets in the way" })
    .getByRole("button", { name: "Save notes" })
    .tap();
  await expect(member.getByRole("button", { name: "Saved: save again" })).toBeVisible();

  await manager.getByRole("button", { name: "Mark as held" }).click();
  await expect(manager.getByText("Held", { exact: true })).toBeVisible();
  const md = await manager.request.get(`${meeting}/agenda.md`);
  expect(md.status()).toBe(200);
  const text = await md.text();
  expect(text).toContain("# Front desk retrospective:");
  expect(text).toContain("> The dialog should ask before closing.");
  expect(text).toContain(`- ${BEHAVIOUR}: 20% → 90% (+70 points)`);
});
