import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

// Issue 16, recognition: a new organisation thanks a colleague for a specific act of a behaviour.
// A praise-only text is nudged while typing and refused on posting (what was typed stays); the
// fixed one appears on the feed, on the colleague's team page and in the standup's wins.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const BEHAVIOUR = "Confirms the fix with the customer before closing";
const ACT = "Mia called the logistics customer to check the nightly export before closing ticket 4821.";
const EFFECT = "The customer found a second failing file while on the call; it was fixed the same day.";

async function join(browser: Browser, link: string, password: string): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto(link);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  return page;
}

test("a new organisation recognises a colleague for a specific act, seen on the feed, the team page and the standup", async ({
  page: ada,
  browser,
}) => {
  test.setTimeout(240_000);
  await ada.goto("/sign-up");
  await ada.getByLabel("Your name").fill("Ada Admin");
  await ada.getByLabel("Work e-mail").fill(uniqueEmail("ada-recog"));
  await ada.getByLabel("Password").fill("ada-long-passphrase");
  await ada.getByLabel("Organisation name").fill("Recognition From Nothing");
  await ada.getByRole("button", { name: "Create organisation" }).click();
  await expect(ada.getByRole("heading", { name: "Getting started: 0 of 7 done" })).toBeVisible();

  // Nothing to recognise yet: the feed says why and where to start.
  await ada.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Recognition", exact: true }).click();
  await expect(ada.getByText("No recognition yet.")).toBeVisible();
  await expect(ada.getByText("none is active yet")).toBeVisible();

  // A value, a team, and a manager invited into it.
  await ada.goto("/catalogue");
  await ada.getByRole("link", { name: "Add a value" }).click();
  await ada.getByLabel("Value name").fill("Closing the loop");
  await ada.getByRole("button", { name: "Add value" }).click();
  await expect(ada.getByRole("heading", { name: /Getting started: 1 of \d+ done/ })).toBeVisible();
  await ada.goto("/teams");
  const create = ada.getByRole("form", { name: "Create a team or value stream" });
  await create.getByRole("radio", { name: /^Team/ }).check();
  await create.getByLabel("Name").fill("Front desk");
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(create.getByRole("status")).toHaveText(/Team created/);
  const mia = uniqueEmail("mia-recog");
  await ada.goto("/settings");
  await ada.getByText("Invite many people from a CSV").click();
  await ada.getByLabel("…or paste its content").fill(`email,name,role,teams\n${mia},Mia Manager,Manager,Front desk\n`);
  await ada.getByRole("button", { name: "Preview import" }).click();
  await expect(ada.getByText("1 of 1 person can be invited.")).toBeVisible();
  await ada.getByRole("button", { name: "Import 1 person" }).click();
  const manager = await join(
    browser,
    await ada.getByLabel(`Invitation link for ${mia}`).inputValue(),
    "mia-passphrase",
  );

  // A behaviour, video-tested by the manager, becomes active.
  await ada.goto("/catalogue/new");
  await ada.getByLabel("Title").fill(BEHAVIOUR);
  await ada.getByLabel("Value", { exact: true }).selectOption({ label: "Closing the loop" });
  await ada.getByLabel("Owner (one named person)").selectOption({ label: "Ada Admin" });
  await ada.getByLabel("Actor").fill("The front-desk agent");
  await ada.getByLabel("Action").fill("asks the customer to confirm the fix on the ticket");
  await ada.getByLabel("Trigger / context").fill("When a fix is deployed");
  await ada.getByLabel("Frequency or deadline").fill("before closing the ticket");
  await ada.getByLabel("Done when (completion criterion)").fill("The customer's confirmation is on the ticket");
  await ada.getByLabel("Customer outcome it serves").fill("Customers know their problem is solved");
  await ada.getByRole("button", { name: "Save draft" }).click();
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText(BEHAVIOUR);
  await ada.getByRole("button", { name: "Submit for review" }).click();
  await expect(ada.getByText("In review", { exact: true })).toBeVisible();
  await manager.goto("/catalogue");
  await manager.getByRole("link", { name: BEHAVIOUR }).first().click();
  for (const q of [
    "Could you point a camera at it?",
    "Is the actor clear?",
    "Is the moment clear?",
    "Could two observers agree it happened?",
  ])
    await manager.getByRole("group", { name: q }).getByLabel("Yes").check();
  await manager.getByRole("group", { name: "Verdict" }).getByLabel("Pass").check();
  await manager.getByRole("button", { name: "Record video test" }).click();
  await expect(manager.getByText("Active", { exact: true })).toBeVisible();

  // From the behaviour's page, "Recognise someone for this" opens the form with the behaviour chosen.
  await ada.reload();
  await ada.getByRole("link", { name: "Recognise someone for this" }).click();
  const form = ada.getByRole("form", { name: "Recognise someone" });
  await expect(form.getByLabel("Behaviour they showed")).toHaveValue(/.+/);
  await expect(form.getByLabel("Colleague", { exact: true }).locator("option")).toHaveText([
    "Choose a colleague…",
    "Mia Manager",
  ]);
  await form.getByLabel("Colleague", { exact: true }).selectOption({ label: "Mia Manager" });

  // Praise only: nudged while typing, refused on posting, and nothing typed is lost.
  await form.getByLabel("What they did").fill("Great job! 🎉");
  await form.getByLabel("What changed for the customer").fill("Thanks for everything");
  await expect(form.getByTestId("recognition-hints").first()).toContainText(
    "Thanks and praise say how you feel, not what they did.",
  );
  await expect(form.getByTestId("recognition-check")).toHaveText(/praise alone teaches nothing/);
  await form.getByRole("button", { name: "Post recognition" }).click();
  await expect(ada.locator("#field-act-error")).toHaveText(/^Thanks and praise say how you feel/);
  await expect(ada.locator("#field-customerEffect-error")).toHaveText(/^Praise is not an effect on a customer/);
  await expect(form.getByLabel("What they did")).toHaveValue("Great job! 🎉");
  await expect(form.getByLabel("Colleague", { exact: true })).toHaveValue(/.+/);
  await expect(ada.getByText("No recognition yet.")).toBeVisible();

  // Specific: posted, and on the feed.
  await form.getByLabel("What they did").fill(ACT);
  await form.getByLabel("What changed for the customer").fill(EFFECT);
  await expect(form.getByTestId("recognition-check")).toHaveText(/^Specific/);
  await form.getByRole("button", { name: "Post recognition" }).click();
  await expect(ada.getByText("Thank you: your recognition is on the feed")).toBeVisible();
  const feed = ada.getByTestId("recognition-feed");
  await expect(feed.getByRole("listitem", { name: `Mia Manager, recognised for ${BEHAVIOUR}` })).toContainText(ACT);
  await expect(feed).toContainText(EFFECT);
  await expect(feed).toContainText("From Ada Admin");

  // On the recipient's team page.
  await ada.goto("/teams");
  await ada.getByRole("link", { name: /Front desk/ }).click();
  await expect(ada.getByRole("region", { name: "Recognised" }).getByRole("listitem")).toContainText(ACT);

  // In the standup's wins.
  await ada.goto("/dashboards/standup");
  await expect(ada.getByRole("region", { name: "Wins: recognised behaviours" })).toContainText(ACT);

  // The colleague reads it on her phone; she cannot take back what she did not give.
  await manager.goto("/recognition");
  const mine = manager.getByTestId("recognition-feed").getByRole("listitem").first();
  await expect(mine).toContainText(ACT);
  await expect(mine.getByRole("button", { name: "Remove" })).toBeVisible(); // a manager moderates
  const width = await manager.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);

  // The giver takes it back within the hour.
  await ada.goto("/recognition");
  await ada.getByTestId("recognition-feed").getByRole("button", { name: "Take back" }).click();
  await ada.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(ada.getByText("No recognition yet.")).toBeVisible();
});
