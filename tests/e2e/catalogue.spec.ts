import { expect, test } from "./fixtures";

test("a leader turns a vague behaviour into one that passes the video test; another person activates it", async ({
  as,
}) => {
  const title = `Release walkthrough ${Date.now().toString(36)}`;
  const leader = await as("leader");
  await leader.goto("/catalogue");
  await leader.getByRole("link", { name: "New behaviour" }).click();

  // Vague first: the automatic video test names the problem words while typing.
  await leader.getByLabel("Title").fill(title);
  await leader.getByLabel("Action").fill("Be customer-centric and proactive");
  const status = leader.getByTestId("video-test-status");
  await expect(status).toContainText(/\d+ findings: a camera could not confirm this yet/);
  await expect(leader.getByText("“customer-centric”").first()).toBeVisible();

  // Rewrite until clean; the preview reads it back as one sentence.
  await leader.getByLabel("Value", { exact: true }).selectOption({ label: "Clear communication and transparency" });
  await leader.getByLabel("Owner (one named person)").selectOption({ label: "Marcus Reid" });
  await leader.getByLabel("Actor").fill("The release manager");
  await leader.getByLabel("Action").fill("demos each customer-visible change to the account leads");
  await leader.getByLabel("Trigger / context").fill("Before a release is approved");
  await leader.getByLabel("Frequency or deadline").fill("at the release review");
  await leader
    .getByLabel("Done when (completion criterion)")
    .fill("The release ticket links the recording of the walkthrough");
  await leader.getByLabel("Customer outcome it serves").fill("Account leads can warn customers before changes land");
  await expect(status).toHaveText("Passes: an outsider watching a video could confirm this happened.");
  await expect(leader.getByTestId("sentence")).toHaveText(
    "Before a release is approved, the release manager demos each customer-visible change to the account leads at the release review.",
  );
  await leader.getByRole("button", { name: "Save draft" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(leader.getByText("Draft", { exact: true })).toBeVisible();
  await leader.getByRole("button", { name: "Submit for review" }).click();
  await expect(leader.getByText("In review", { exact: true })).toBeVisible();
  // The author cannot approve their own.
  await expect(leader.getByText("You wrote this behaviour, so someone else has to run its video test.")).toBeVisible();
  await expect(leader.getByRole("button", { name: "Record video test" })).toHaveCount(0);
  const url = leader.url();

  // A member sees it but can neither edit nor review it.
  const member = await as("member");
  await member.goto(url);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(member.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(member.getByRole("button", { name: "Record video test" })).toHaveCount(0);
  expect((await member.goto(`${url}/edit`))?.status()).toBe(404);

  // The manager runs the human video test and activates it.
  const manager = await as("manager");
  await manager.goto(url);
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
  await expect(manager.getByRole("button", { name: "Record video test" })).toHaveCount(0);
  await expect(manager.getByRole("region", { name: "Reviews of version 1" })).toContainText("Marcus Reid");

  // Back in the catalogue, the member finds it with a search, in a URL that can be shared.
  await member.goto("/catalogue");
  await member.getByRole("searchbox", { name: "Search behaviours" }).fill("walkthrough RELEASE");
  await member.getByRole("button", { name: "Apply" }).click();
  await expect(member).toHaveURL(/[?&]q=walkthrough\+RELEASE/);
  const card = member.getByRole("link", { name: new RegExp(title) });
  await expect(card).toContainText("Active");
  await expect(member.getByRole("link", { name: /Root cause on the ticket/ })).toHaveCount(0);
  await member.getByLabel("Status").selectOption("DRAFT");
  await member.getByRole("button", { name: "Apply" }).click();
  await expect(member.getByText("No behaviour matches these filters.")).toBeVisible();
  await member.getByRole("link", { name: "Remove filter Draft" }).click();
  await expect(card).toBeVisible();
});

test("an edit saves a new version, and a stale edit shows a conflict without losing the text", async ({ as }) => {
  const a = await as("leader");
  const b = await as("admin");
  await a.goto("/catalogue");
  await a.getByRole("link", { name: /Customer impact line on every backlog item/ }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Customer impact line on every backlog item");
  const url = a.url();
  const version = Number((await a.getByText(/· version \d+ ·/).textContent())!.match(/version (\d+)/)![1]);
  await a.getByRole("link", { name: "Edit" }).click();
  await b.goto(`${url}/edit`);

  await a.getByLabel("A real example").fill("Customer impact: 12 clinics stop re-keying invoices.");
  await a.getByRole("button", { name: "Save new version" }).click();
  await expect(a.getByText(`Version ${version + 1} (current)`)).toBeVisible();
  await expect(a.getByText("Changed: Example").first()).toBeVisible();

  await b.getByLabel("A real example").fill("My competing example");
  await b.getByRole("button", { name: "Save new version" }).click();
  await expect(b.locator("form [role=alert]")).toContainText(
    `Someone else saved this behaviour (now version ${version + 1})`,
  );
  await expect(b.getByLabel("A real example")).toHaveValue("My competing example");
});

test("a behaviour prints as a one-page card without the app's chrome", async ({ as }) => {
  const page = await as("member");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: /Root cause on the ticket within 24 h/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Root cause on the ticket within 24 h");
  await expect(page.getByRole("button", { name: "Print card" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print card" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Versions" })).toBeHidden();
  await expect(page.getByText("the on-call engineer posts the root cause")).toBeVisible();
  await expect(page.getByText("Decision questions")).toBeVisible();
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});
