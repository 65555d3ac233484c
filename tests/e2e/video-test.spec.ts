import { expect, test } from "@playwright/test";
import { addValue, signUpOrganisation } from "./support/new-org";

// Issue 18 §1: an admin adds the organisation's own jargon on the settings page; the behaviour
// editor flags it live in an action, while a quoted phrase with a trigger word stays filmable.
test("an admin's own term is flagged live in the editor; quoted speech with a trigger word passes", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  await signUpOrganisation(page, `Video test terms ${stamp}`);
  await addValue(page, "Clear answers");

  await page.goto("/settings");
  await page.getByRole("link", { name: "Video test terms" }).click();
  await expect(page.getByRole("heading", { name: "No terms yet" })).toBeVisible();
  const add = page.getByRole("form", { name: "Add a term" });
  await add.getByRole("button", { name: "Add term" }).click();
  await expect(add.getByText("Term is required.")).toBeVisible();
  await add.getByLabel("Term", { exact: true }).fill("north-star");
  await add.getByLabel("What to write instead (optional)").fill("Name the number and where it is posted.");
  await add.getByRole("button", { name: "Add term" }).click();
  await expect(add.getByRole("status")).toHaveText(/Term added/);
  await expect(page.getByRole("heading", { name: "1 term" })).toBeVisible();
  // The same term in another spelling: refused beside the field, and what was typed is kept.
  await add.getByLabel("Term", { exact: true }).fill("North Star");
  await add.getByRole("button", { name: "Add term" }).click();
  await expect(add.getByText(/'north-star' is already on the list/)).toBeVisible();
  await expect(add.getByLabel("Term", { exact: true })).toHaveValue("North Star");
  await expect(page.getByRole("heading", { name: "1 term" })).toBeVisible();

  await page.goto("/catalogue/new");
  await page.getByLabel("Title").fill(`Weekly figure ${stamp}`);
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "Clear answers" });
  await page.getByLabel("Owner (one named person)").selectOption({ label: "Ada Admin" });
  await page.getByLabel("Actor").fill("The support lead");
  await page.getByLabel("Trigger / context").fill("At the Monday stand-up");
  await page.getByLabel("Frequency or deadline").fill("every Monday before 10:00");
  await page.getByLabel("Done when (completion criterion)").fill("The figure is on the team board with its date");
  const status = page.getByTestId("video-test-status");
  await page.getByLabel("Action").fill("reports on the North Star");
  await expect(status).toHaveText("1 finding: a camera could not confirm this yet.");
  await expect(page.getByText("Name the number and where it is posted.").first()).toBeVisible();
  await expect(page.getByText(/“North Star” — 'north-star' is on your organisation's list/)).toBeVisible();

  // What someone reads out is a filmable act, whatever the words inside the quotes.
  await page
    .getByLabel("Action")
    .fill("reads out the prompt 'Do we believe we hit our north star?' and writes the answer on the board");
  await expect(status).toHaveText("Passes: an outsider watching a video could confirm this happened.");
});
