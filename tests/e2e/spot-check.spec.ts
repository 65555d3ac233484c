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
  setMinGroupSize,
} from "./support/new-org";

// Issue 18 §3 from sign-up: a team gets a weekly target and shows its participation; a leader asks a
// second observer (not in the team) for a spot check; the team and the observer log the behaviour;
// the spot-check page sets the two rates side by side with their counts.

const BEHAVIOUR = "Confirms the fix with the customer before closing the ticket";
const TEAM = "Front desk";

test("a team's target and participation, and a spot check's two rates side by side", async ({ page: ada, browser }) => {
  test.setTimeout(300_000);
  await signUpOrganisation(ada, "Spot Checks From Nothing");
  // A team of one or two: this spec is about another rule (the minimum group size: group-size.spec.ts).
  await setMinGroupSize(ada, 1);
  await addValue(ada, "Closing the loop");
  await createTeam(ada, TEAM);
  const [miaLink, leoLink, oscarLink] = await invite(ada, [
    { email: uniqueEmail("mia-spot"), name: "Mia Member", role: "Member", teams: TEAM },
    { email: uniqueEmail("leo-spot"), name: "Leo Leader", role: "Leader" },
    { email: uniqueEmail("oscar-spot"), name: "Oscar Observer", role: "Member" },
  ]);
  const mia = await join(browser, miaLink!, "mia-long-passphrase");
  const leo = await join(browser, leoLink!, "leo-long-passphrase");
  const oscar = await join(browser, oscarLink!, "oscar-long-passphrase");
  await activeBehaviour(ada, leo, { title: BEHAVIOUR, value: "Closing the loop", owner: "Ada Admin" });

  // No target yet; the admin sets 10 a week on the team page.
  await ada.goto("/teams");
  await ada.getByRole("link", { name: new RegExp(`^${TEAM}`) }).click();
  const participation = ada.getByTestId("participation");
  await expect(participation).toContainText("No weekly observation target yet.");
  await expect(ada.getByTestId("participation-rate")).toContainText("0 of 1 member (0%)");
  const target = ada.getByRole("form", { name: "Observation target" });
  await target.getByLabel("Observations a week (target)").fill("ten");
  await target.getByRole("button", { name: "Save target" }).click();
  await expect(target.getByText(/Enter a whole number of observations a week/)).toBeVisible();
  await expect(target.getByLabel("Observations a week (target)")).toHaveValue("ten");
  await target.getByLabel("Observations a week (target)").fill("10");
  await target.getByRole("button", { name: "Save target" }).click();
  await expect(target.getByRole("status")).toHaveText("Target saved.");
  await ada.reload();
  await expect(participation).toContainText("Target: 10 observations a week.");

  // The team logs: Mia, its one member, 6 performed of 6; participation is now 1 of 1.
  await logBatch(mia, { behaviour: BEHAVIOUR, day: utcDay(0), performed: 6, opportunities: 6 });
  await ada.reload();
  await expect(ada.getByTestId("participation-rate")).toContainText("1 of 1 member (100%)");
  await expect(ada.getByTestId("anonymous-entries")).toContainText("No anonymous entries in these days.");
  await expect(ada.getByTestId("participation-trend").getByRole("row").last()).toContainText("6 of 10");
  await expect(ada.getByTestId("honesty-signals")).toBeVisible();

  // The leader asks Oscar, who is not in the team, to observe it for a week from today.
  await leo.goto(ada.url());
  await leo.getByRole("link", { name: "Request a spot check" }).click();
  const form = leo.getByRole("form", { name: "Request a spot check" });
  await expect(form.getByLabel("Team")).toHaveValue(/.+/);
  await form.getByLabel("Behaviour").selectOption({ label: BEHAVIOUR });
  await form.getByLabel("Second observer").selectOption({ label: "Oscar Observer" });
  await expect(form.getByLabel("First day")).toHaveValue(utcDay(0));
  await expect(form.getByLabel("Days")).toHaveValue("7");
  await form.getByRole("button", { name: "Request spot check" }).click();
  await expect(leo.getByRole("heading", { level: 1 })).toHaveText(`Spot check: ${BEHAVIOUR}`);
  await expect(leo.getByText("Running", { exact: true })).toBeVisible();
  const checkUrl = leo.url();

  // Oscar is told in his inbox, which takes him to the Log page, where the team is offered to him.
  await oscar.goto("/inbox");
  await oscar.getByRole("button", { name: `Spot check: log “${BEHAVIOUR}” in ${TEAM}`, exact: true }).click();
  await expect(oscar).toHaveURL(/\/log\?team=/);
  await logBatch(oscar, {
    behaviour: BEHAVIOUR,
    team: `${TEAM} (spot check)`,
    day: utcDay(0),
    performed: 2,
    opportunities: 5,
  });

  // The two rates side by side, with their counts, and what they mean.
  await leo.goto(checkUrl);
  await expect(leo.getByTestId("observer-rate")).toContainText("40%");
  await expect(leo.getByTestId("observer-rate")).toContainText("2 performed of 5 observed");
  await expect(leo.getByTestId("team-rate")).toContainText("100%");
  await expect(leo.getByTestId("team-rate")).toContainText("6 performed of 6 observed");
  await expect(leo.getByTestId("spot-check-summary")).toContainText("Fisher exact");

  // The list shows it; cancelling closes the team to Oscar again.
  await leo.goto("/spot-checks");
  await expect(leo.getByTestId("spot-checks")).toContainText("Oscar Observer");
  await leo.goto(checkUrl);
  await leo.getByRole("button", { name: "Cancel spot check" }).click();
  await expect(leo.getByText("Cancelled", { exact: true })).toBeVisible();
  await oscar.goto("/log");
  await expect(oscar.getByText("Log a batch (several opportunities at once)")).toHaveCount(0);
});
