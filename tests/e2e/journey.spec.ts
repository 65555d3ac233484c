import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

// Issue 14's "done when": an organisation that starts from nothing reaches its first insight through
// the UI alone. Nothing here reads or relies on the seeded demo organisation.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const BEHAVIOUR = "Names the next step on every reply";

async function join(browser: Browser, link: string, password: string, phone = false): Promise<Page> {
  const page = await (await browser.newContext(phone ? PHONE : {})).newPage();
  await page.goto(link);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  return page;
}

test("from sign-up to the first insight, without the demo data", async ({ page: ada, browser }) => {
  test.setTimeout(240_000);
  await ada.goto("/sign-up");
  await ada.getByLabel("Your name").fill("Ada Admin");
  await ada.getByLabel("Work e-mail").fill(uniqueEmail("ada"));
  await ada.getByLabel("Password").fill("ada-long-passphrase");
  await ada.getByLabel("Organisation name").fill("Journey From Nothing");
  await ada.getByRole("button", { name: "Create organisation" }).click();
  await expect(ada.getByRole("heading", { name: "Getting started: 0 of 7 done" })).toBeVisible();

  // 1. Values, by the checklist's own link.
  await ada.getByRole("link", { name: "Add a value" }).click();
  await ada.getByLabel("Value name").fill("Clear communication");
  await ada.getByRole("button", { name: "Add value" }).click();
  await expect(ada.getByRole("heading", { name: "Getting started: 1 of 7 done" })).toBeVisible();

  // 2. A value stream and two teams.
  await ada.getByRole("link", { name: "Create teams" }).click();
  const create = ada.getByRole("form", { name: "Create a team or value stream" });
  await create.getByRole("radio", { name: /^Value stream/ }).check();
  await create.getByLabel("Name").fill("Customer care");
  await create.getByRole("button", { name: "Create value stream" }).click();
  await expect(create.getByRole("status")).toHaveText(/Value stream created/);
  for (const team of ["Front desk", "Back office"]) {
    await create.getByRole("radio", { name: /^Team/ }).check();
    await create.getByLabel("Name").fill(team);
    await create.getByRole("combobox", { name: "Value stream" }).selectOption({ label: "Customer care" });
    await create.getByRole("button", { name: "Create team" }).click();
    await expect(create.getByRole("status")).toHaveText(/Team created/);
  }
  await expect(
    ada.getByRole("region", { name: /Customer care/ }).getByRole("link", { name: /Back office/ }),
  ).toBeVisible();

  // 3. People, from a CSV.
  const [lea, max, mia] = [uniqueEmail("lea"), uniqueEmail("max"), uniqueEmail("mia")];
  await ada.goto("/settings");
  await ada.getByText("Invite many people from a CSV").click();
  await ada
    .getByLabel("…or paste its content")
    .fill(
      `email,name,role,teams\n${lea},Lea Leader,Leader,\n${max},Max Member,Member,Front desk\n${mia},Mia Manager,Manager,Front desk\n`,
    );
  await ada.getByRole("button", { name: "Preview import" }).click();
  await expect(ada.getByText("3 of 3 people can be invited.")).toBeVisible();
  await ada.getByRole("button", { name: "Import 3 people" }).click();
  await expect(ada.getByRole("heading", { name: "3 invitation links made" })).toBeVisible();
  const link = (email: string) => ada.getByLabel(`Invitation link for ${email}`).inputValue();
  const [leaLink, maxLink, miaLink] = [await link(lea), await link(max), await link(mia)];

  // 4. They join; whoever invited them hears of it.
  const leader = await join(browser, leaLink, "lea-long-passphrase");
  const member = await join(browser, maxLink, "max-long-passphrase", true);
  const manager = await join(browser, miaLink, "mia-long-passphrase");
  await ada.goto("/inbox");
  await expect(ada.getByRole("button", { name: "Mia Manager joined", exact: true })).toBeVisible();
  await expect(ada.getByRole("button", { name: "Lea Leader joined", exact: true })).toBeVisible();

  // 5. The leader defines a behaviour that passes the automatic video test, and submits it.
  await leader.goto("/catalogue/new");
  await leader.getByLabel("Title").fill(BEHAVIOUR);
  await leader.getByLabel("Value", { exact: true }).selectOption({ label: "Clear communication" });
  await leader.getByLabel("Owner (one named person)").selectOption({ label: "Lea Leader" });
  await leader.getByLabel("Actor").fill("The front-desk agent");
  await leader.getByLabel("Action").fill("writes the next step and its date in the last line of the reply");
  await leader.getByLabel("Trigger / context").fill("When replying to a customer's open request");
  await leader.getByLabel("Frequency or deadline").fill("on every reply");
  await leader
    .getByLabel("Done when (completion criterion)")
    .fill("The reply's last line names a next step and a date");
  await leader.getByLabel("Customer outcome it serves").fill("Customers know what happens next and when");
  await expect(leader.getByTestId("video-test-status")).toHaveText(
    "Passes: an outsider watching a video could confirm this happened.",
  );
  await leader.getByRole("button", { name: "Save draft" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText(BEHAVIOUR);
  await leader.getByRole("button", { name: "Submit for review" }).click();
  await expect(leader.getByText("In review", { exact: true })).toBeVisible();

  // 6. The manager finds it in her inbox and runs the video test.
  await manager.goto("/catalogue");
  await expect(manager.getByRole("link", { name: "Inbox, 1 unread" })).toBeVisible();
  await manager.getByRole("link", { name: "Inbox, 1 unread" }).click();
  await expect(manager.getByRole("region", { name: /Waiting for your video test/ })).toContainText(BEHAVIOUR);
  await manager.getByRole("button", { name: `“${BEHAVIOUR}” is waiting for a video test`, exact: true }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText(BEHAVIOUR);
  for (const q of [
    "Could you point a camera at it?",
    "Is the actor clear?",
    "Is the moment clear?",
    "Could two observers agree it happened?",
  ]) {
    await manager.getByRole("group", { name: q }).getByLabel("Yes").check();
  }
  await manager.getByRole("group", { name: "Verdict" }).getByLabel("Pass").check();
  await manager.getByRole("button", { name: "Record video test" }).click();
  await expect(manager.getByText("Active", { exact: true })).toBeVisible();
  await expect(manager.getByRole("link", { name: "Inbox, nothing unread" })).toBeVisible();

  // The author hears the verdict.
  await leader.goto("/inbox");
  await expect(leader.getByRole("button", { name: `“${BEHAVIOUR}” passed its video test`, exact: true })).toBeVisible();

  // 7. The member logs on a phone: four performed, one missed.
  await member.goto("/log");
  await member.getByRole("button", { name: new RegExp(BEHAVIOUR) }).tap();
  for (let i = 0; i < 4; i++) {
    await member.getByRole("button", { name: "Performed", exact: true }).tap();
    await expect(member.getByRole("status").filter({ hasText: "Saved" })).toContainText(`Performed: ${BEHAVIOUR}`);
  }
  await member.getByRole("button", { name: "Missed", exact: true }).tap();
  await expect(member.getByRole("status").filter({ hasText: "Saved" })).toContainText(`Missed: ${BEHAVIOUR}`);

  // 8. The manager's dashboard shows the adoption: 4 of 5, 80%.
  await manager.goto("/dashboards");
  await manager.getByText("Adoption trend as a table").click();
  const week = manager.getByTestId("adoption-trend").locator("tbody tr").last();
  await expect(week.locator("td")).toHaveText([/\d/, "4", "5", "80"]);

  // The checklist has done its work.
  await ada.goto("/catalogue");
  await expect(ada.getByRole("heading", { name: /Getting started/ })).toHaveCount(0);
});
