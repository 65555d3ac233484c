// Steps that build an organisation from nothing through the UI, shared by the specs that prove a
// capability without the demo data (issue 16's rituals, actions, feedback, recognition).
import { expect, type Browser, type Page } from "@playwright/test";
import { uniqueEmail } from "../fixtures";

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The UTC calendar day `offset` days from now (YYYY-MM-DD). */
export const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function signUpOrganisation(page: Page, org: string, name = "Ada Admin"): Promise<string> {
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("ada-long-passphrase");
  await page.getByLabel("Organisation name").fill(org);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { name: /Getting started/ })).toBeVisible();
  return email;
}

export async function addValue(page: Page, value: string) {
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "Add a value" }).click();
  await page.getByLabel("Value name").fill(value);
  await page.getByRole("button", { name: "Add value" }).click();
  await expect(page.getByRole("heading", { name: value, level: 2 })).toBeVisible();
}

export async function createTeam(page: Page, team: string) {
  await page.goto("/teams");
  const create = page.getByRole("form", { name: "Create a team or value stream" });
  await create.getByRole("radio", { name: /^Team/ }).check();
  await create.getByLabel("Name").fill(team);
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(create.getByRole("status")).toHaveText(/Team created/);
}

/** Invites people from a CSV on the settings page; returns each one's link. */
export async function invite(page: Page, people: { email: string; name: string; role: string; teams?: string }[]) {
  await page.goto("/settings");
  await page.getByText("Invite many people from a CSV").click();
  const rows = people.map((p) => `${p.email},${p.name},${p.role},${p.teams ?? ""}`).join("\n");
  await page.getByLabel("…or paste its content").fill(`email,name,role,teams\n${rows}\n`);
  await page.getByRole("button", { name: "Preview import" }).click();
  await page
    .getByRole("button", { name: `Import ${people.length} ${people.length === 1 ? "person" : "people"}` })
    .click();
  const links: string[] = [];
  for (const p of people) links.push(await page.getByLabel(`Invitation link for ${p.email}`).inputValue());
  return links;
}

export async function join(browser: Browser, link: string, password: string, phone = false): Promise<Page> {
  const page = await (await browser.newContext(phone ? PHONE : {})).newPage();
  await page.goto(link);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  return page;
}

/** The author defines a behaviour that passes the automatic video test and submits it; the reviewer passes it. */
export async function activeBehaviour(
  author: Page,
  reviewer: Page,
  b: { title: string; value: string; owner: string },
): Promise<string> {
  await author.goto("/catalogue/new");
  await author.getByLabel("Title").fill(b.title);
  await author.getByLabel("Value", { exact: true }).selectOption({ label: b.value });
  await author.getByLabel("Owner (one named person)").selectOption({ label: b.owner });
  await author.getByLabel("Actor").fill("The front-desk agent");
  await author.getByLabel("Action").fill("asks the customer to confirm the fix works before closing the ticket");
  await author.getByLabel("Trigger / context").fill("Before closing a customer's ticket");
  await author.getByLabel("Frequency or deadline").fill("on every ticket");
  await author.getByLabel("Done when (completion criterion)").fill("The ticket shows the customer's confirmation");
  await author.getByLabel("Customer outcome it serves").fill("Customers' problems are really solved");
  await author.getByRole("button", { name: "Save draft" }).click();
  await expect(author.getByRole("heading", { level: 1 })).toHaveText(b.title);
  const url = author.url();
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByText("In review", { exact: true })).toBeVisible();
  await reviewer.goto(url);
  for (const q of [
    "Could you point a camera at it?",
    "Is the actor clear?",
    "Is the moment clear?",
    "Could two observers agree it happened?",
  ])
    await reviewer.getByRole("group", { name: q }).getByLabel("Yes").check();
  await reviewer.getByRole("group", { name: "Verdict" }).getByLabel("Pass").check();
  await reviewer.getByRole("button", { name: "Record video test" }).click();
  await expect(reviewer.getByText("Active", { exact: true })).toBeVisible();
  return url.split("/").at(-1)!;
}

/** A batch of `performed` out of `opportunities`, dated `day`, from the Log page. */
export async function logBatch(
  page: Page,
  b: { behaviour: string; team?: string; day: string; performed: number; opportunities: number },
) {
  await page.goto("/log");
  await page.getByText("Log a batch (several opportunities at once)").click();
  const batch = page.locator("details").filter({ hasText: "Log a batch" });
  if (b.team) await batch.getByRole("combobox", { name: "Team" }).selectOption({ label: b.team });
  await batch.getByRole("combobox", { name: "Behaviour" }).selectOption({ label: b.behaviour });
  await batch.getByLabel("Performed").fill(String(b.performed));
  await batch.getByLabel("Out of (opportunities)").fill(String(b.opportunities));
  await batch.getByLabel("Date").fill(b.day);
  await batch.getByRole("button", { name: "Save batch" }).click();
  await expect(batch.getByRole("status")).toHaveText("Batch saved.");
}

/**
 * The admin sets the minimum group size on /settings/privacy (docs/decisions/039); 1 turns it off, for a spec about
 * another rule on a team of one or two.
 */
export async function setMinGroupSize(page: Page, size: number) {
  await page.goto("/settings/privacy");
  await page.getByLabel("Minimum group size, in people").fill(String(size));
  await page.getByRole("button", { name: "Save group size" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Minimum group size saved" })).toBeVisible();
}
