import { expect, test } from "./fixtures";

// Issue 17, behaviour cues: a leader sets a cue on a behaviour's page; the cue's deep link opens the Log pad on that
// behaviour for one-tap logging (an id that is not on the pad just shows the pad). Once the webhooks module is on
// main, the same spec adds: the tick sends the cue to a loopback receiver, whose logUrl is the link opened here.

const BEHAVIOUR = "Customer confirmation before closing a ticket";

test("a leader adds, changes and removes a cue on a behaviour's page", async ({ as }) => {
  const page = await as("leader");
  await page.goto("/catalogue");
  await page
    .getByRole("link", { name: new RegExp(BEHAVIOUR) })
    .first()
    .click();
  const cues = page.getByRole("region", { name: "Cues" });
  await expect(cues).toBeVisible();
  const add = cues.locator("details").filter({ has: page.locator("summary", { hasText: "Add a cue" }) });
  await add.getByText("Add a cue").click();
  const message = `Before closing, ask the customer to confirm the fix ${Date.now().toString(36)}`;
  // A cue that goes nowhere is refused beside the e-mail box, and what was typed stays.
  await add.getByLabel("Message").fill(message);
  await add.getByLabel("Thursday").check();
  await add.getByLabel("E-mail the members of the behaviour’s teams").uncheck();
  await add.getByRole("button", { name: "Add cue" }).click();
  await expect(add.getByText("Send it by e-mail, to a webhook, or both.")).toBeVisible();
  await expect(add.getByLabel("Message")).toHaveValue(message);
  await add.getByLabel("E-mail the members of the behaviour’s teams").check();
  await add.getByRole("button", { name: "Add cue" }).click();
  const item = cues.getByRole("listitem").filter({ hasText: message });
  await expect(item).toContainText("Mondays and Thursdays at 09:00 · e-mail");

  await item.getByText("Change").click();
  await item.getByLabel(/^Time/).fill("16:30");
  await item.getByRole("button", { name: "Save cue" }).click();
  await expect(item).toContainText("Mondays and Thursdays at 16:30");

  await item.getByRole("button", { name: "Delete cue" }).click();
  await expect(cues.getByRole("listitem").filter({ hasText: message })).toHaveCount(0);
});

test("a member cannot see the cues of a behaviour", async ({ as }) => {
  const page = await as("member");
  await page.goto("/catalogue");
  await page
    .getByRole("link", { name: new RegExp(BEHAVIOUR) })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: BEHAVIOUR })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cues" })).toHaveCount(0);
});

test("a cue's link opens the Log pad on its behaviour, ready for one tap", async ({ as }) => {
  const page = await as("member");
  await page.goto("/catalogue");
  const href = await page
    .getByRole("link", { name: new RegExp(BEHAVIOUR) })
    .first()
    .getAttribute("href");
  const id = href!.split("/").pop()!;

  await page.goto(`/log?behaviour=${id}`);
  const pad = page.getByRole("list", { name: "Behaviours" });
  const chosen = pad.getByRole("button", { name: new RegExp(BEHAVIOUR), pressed: true });
  await expect(chosen).toBeVisible();
  await page.getByRole("button", { name: "Performed", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toContainText(`Performed: ${BEHAVIOUR}`);

  // An id that is not on the pad (never existed, or another organisation's) shows the pad as usual.
  await page.goto("/log?behaviour=cnotabehaviourofours000000");
  await expect(pad).toBeVisible();
  await expect(pad.getByRole("button", { pressed: true })).toHaveCount(0);
});
