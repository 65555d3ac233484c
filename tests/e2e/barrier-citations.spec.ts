import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import {
  activeBehaviour,
  addValue,
  createTeam,
  invite,
  join,
  signUpOrganisation,
  setMinGroupSize,
} from "./support/new-org";

// Issue 18 §2's "done when", from sign-up: a member taps Missed, picks a barrier chip, and the
// barrier's citation count rises by one; the member logs two misses with "something else" texts and
// a leader turns the two texts into a barrier that the entries then cite.

const BEHAVIOUR = "Customer confirmation before closing";
const BARRIER = "Printer out of paper";

test("what got in the way: a chip raises the barrier's citations; two texts become a barrier", async ({
  page: ada,
  browser,
}) => {
  test.setTimeout(300_000);
  await signUpOrganisation(ada, "Barriers From Logs");
  // A team of one or two: this spec is about another rule (the minimum group size: group-size.spec.ts).
  await setMinGroupSize(ada, 1);
  await addValue(ada, "Solve the customer's problem");
  await createTeam(ada, "Front desk");
  const [miaLink, maxLink] = await invite(ada, [
    { email: uniqueEmail("mia"), name: "Mia Manager", role: "Manager", teams: "Front desk" },
    { email: uniqueEmail("max"), name: "Max Member", role: "Member", teams: "Front desk" },
  ]);
  const manager = await join(browser, miaLink!, "mia-long-passphrase");
  const member = await join(browser, maxLink!, "max-long-passphrase", true);
  await activeBehaviour(ada, manager, { title: BEHAVIOUR, value: "Solve the customer's problem", owner: "Ada Admin" });

  // A known barrier of the behaviour, not cited yet.
  await ada.goto("/barriers/new");
  await ada.getByLabel("Title").fill(BARRIER);
  await ada.getByLabel("What gets in the way").fill("The front-desk printer runs out of paper by midday.");
  await ada.getByRole("group", { name: "Behaviours it stands in the way of" }).getByLabel(BEHAVIOUR).check();
  await ada.getByLabel("COM-B component").selectOption({ label: "Physical opportunity" });
  await ada.getByLabel("Barrier Analysis determinant").selectOption({ label: "Access" });
  await ada.getByRole("button", { name: "Record barrier" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: BARRIER })).toBeVisible();
  const barrierUrl = ada.url();
  await expect(ada.getByTestId("barrier-citations")).toContainText("Not cited on a missed entry");

  // The member taps Missed, then the barrier's chip: one more tap.
  await member.goto("/log");
  await member.getByRole("button", { name: new RegExp(BEHAVIOUR) }).tap();
  await member.getByRole("button", { name: "Missed", exact: true }).tap();
  await expect(member.getByRole("status").filter({ hasText: "Saved." })).toContainText(`Missed: ${BEHAVIOUR}`);
  const question = member.getByRole("group", { name: /What got in the way/ });
  await question.getByRole("button", { name: BARRIER }).tap();
  await expect(question.getByRole("status")).toHaveText(`Noted: ${BARRIER}.`);
  await expect(question.getByRole("button", { name: BARRIER })).toHaveAttribute("aria-pressed", "true");

  await ada.goto(barrierUrl);
  const all = ada.getByTestId("barrier-citations").getByRole("row", { name: /All teams/ });
  await expect(all.getByRole("cell").nth(0)).toHaveText("1"); // last 4 weeks
  await expect(ada.getByTestId("barrier-citations").getByRole("row", { name: /Front desk/ })).toContainText(
    "1 of 1 (100%)",
  );

  // Two misses with "something else" texts, typed and saved with the keyboard.
  for (const text of ["The printer jammed again", "printer jammed on the invoices"]) {
    await member.getByRole("button", { name: "Missed", exact: true }).tap();
    const saved = member.getByRole("status").filter({ hasText: "Saved." });
    await expect(saved).toContainText(`Missed: ${BEHAVIOUR}`);
    const q = member.getByRole("group", { name: /What got in the way/ });
    await expect(q.getByRole("status")).toHaveText("");
    await q.getByRole("button", { name: "Something else" }).tap();
    await q.getByLabel("In a few words").fill(text);
    await q.getByLabel("In a few words").press("Enter");
    await expect(q.getByRole("status")).toHaveText(`Noted: “${text}”.`);
  }

  // The leader sees the two texts grouped and turns them into a barrier in one click.
  await ada.goto("/barriers");
  const group = ada.getByRole("form", { name: new RegExp(`${BEHAVIOUR}: 2 similar texts`) });
  await expect(group).toContainText("“The printer jammed again”");
  await expect(group).toContainText("“printer jammed on the invoices”");
  await expect(group.getByLabel("Barrier title")).toHaveValue("The printer jammed again");
  await group.getByRole("button", { name: "Turn into a barrier" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: "The printer jammed again" })).toBeVisible();
  await expect(ada.getByText("“printer jammed on the invoices” — Front desk")).toBeVisible();
  await expect(
    ada
      .getByTestId("barrier-citations")
      .getByRole("row", { name: /All teams/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("2");
  await ada.goto("/barriers");
  await expect(ada.getByText("No texts waiting.")).toBeVisible();
});
