import type { Locator, Page, Route } from "@playwright/test";
import { expect, test, uniqueEmail } from "./fixtures";

// A failed save keeps the form and what was typed, says so beside the form with a Retry, and moves
// focus there; it never replaces the page with the error page, and Retry saves exactly once.

const CONNECTION_ERROR = "Could not save — check your connection and try again.";
const suffix = () => Date.now().toString(36);

/**
 * Makes the page's server-action requests (POSTs with a `next-action` header) fail until the returned
 * function is called: `abort` as a lost connection, `500` as a server error the request never passed,
 * `500-after-saving` as a server that saved and whose answer was lost on the way back.
 */
async function failActions(page: Page, how: "abort" | "500" | "500-after-saving") {
  const failed: string[] = [];
  const handler = async (route: Route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    failed.push(request.url());
    if (how === "abort") return route.abort("internetdisconnected");
    if (how === "500-after-saving") await route.fetch();
    return route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" });
  };
  await page.route("**/*", handler);
  return {
    failed,
    restore: () => page.unroute("**/*", handler),
  };
}

/** The form-level message: shown, focused, the generic text (no server detail), with Retry. */
async function expectConnectionError(alert: Locator) {
  await expect(alert).toContainText(CONNECTION_ERROR);
  await expect(alert).toBeFocused();
  await expect(alert).toBeInViewport();
  await expect(alert).not.toContainText("Internal Server Error");
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
}

test("the behaviour editor keeps a draft through a lost connection; Retry saves it once", async ({ as }) => {
  const title = `Offline draft ${suffix()}`;
  const page = await as("leader");
  await page.goto("/catalogue/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "Clear communication and transparency" });
  await page.getByLabel("Owner (one named person)").selectOption({ label: "Marcus Reid" });
  await page.getByLabel("Actor").fill("The release manager");
  await page.getByLabel("Action").fill("demos each customer-visible change to the account leads");
  await page.getByLabel("Trigger / context").fill("Before a release is approved");
  await page.getByLabel("Frequency or deadline").fill("at the release review");
  await page.getByLabel("Done when (completion criterion)").fill("The release ticket links the recording");
  await page.getByLabel("Customer outcome it serves").fill("Account leads can warn customers before changes land");

  const offline = await failActions(page, "abort");
  await page.getByRole("button", { name: "Save draft" }).click();
  const alert = page.locator("form [role=alert]");
  await expectConnectionError(alert);
  expect(offline.failed).toHaveLength(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New behaviour");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Action")).toHaveValue("demos each customer-visible change to the account leads");
  await expect(page.getByLabel("Value", { exact: true })).not.toHaveValue("");

  const other = await as("leader");
  await other.goto("/catalogue");
  await expect(other.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);

  await offline.restore();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await other.reload();
  await expect(other.getByRole("link", { name: new RegExp(title) })).toHaveCount(1);
});

test("the barrier form keeps its values through a server error; Retry records it once", async ({ as }) => {
  const title = `Queue tool times out ${suffix()}`;
  const page = await as("manager");
  await page.goto("/barriers/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What gets in the way").fill("The queue tool times out during the morning rush.");
  await page
    .getByRole("group", { name: "Behaviours it stands in the way of" })
    .getByLabel("Root cause on the ticket within 24 h")
    .check();
  await page.getByLabel("COM-B component").selectOption({ label: "Physical opportunity" });
  await page.getByLabel("Barrier Analysis determinant").selectOption({ label: "Access" });

  const broken = await failActions(page, "500");
  await page.getByRole("button", { name: "Record barrier" }).click();
  const alert = page.locator("form [role=alert]");
  await expectConnectionError(alert);
  expect(broken.failed).toHaveLength(1);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("What gets in the way")).toHaveValue(
    "The queue tool times out during the morning rush.",
  );
  await expect(page.getByLabel("COM-B component")).toHaveValue("PHYSICAL_OPPORTUNITY");
  await expect(
    page
      .getByRole("group", { name: "Behaviours it stands in the way of" })
      .getByLabel("Root cause on the ticket within 24 h"),
  ).toBeChecked();

  const other = await as("manager");
  await other.goto("/barriers");
  await expect(other.getByRole("link", { name: title })).toHaveCount(0);

  await broken.restore();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await other.reload();
  await expect(other.getByRole("link", { name: title })).toHaveCount(1);
});

/** Entries with this note in the organisation's recent observations, as another browser sees them. */
async function entriesWithNote(page: Page, note: string) {
  await page.goto("/log");
  return page.getByRole("list", { name: "Recent observations" }).getByRole("listitem").filter({ hasText: note });
}

/**
 * The same, among today's entries of one behaviour: a batch for a day is stored at its midday, so late in the day
 * more than the list's 50 newest entries can come after it, and the unfiltered list no longer shows it.
 */
async function todaysEntriesWithNote(page: Page, behaviour: string, note: string) {
  await page.goto("/log");
  const filter = page.getByRole("form", { name: "Filter observations" });
  await filter.getByRole("combobox", { name: "Behaviour" }).selectOption({ label: behaviour });
  const today = new Date().toISOString().slice(0, 10);
  await filter.getByRole("textbox", { name: "From" }).fill(today);
  await filter.getByRole("textbox", { name: "To" }).fill(today);
  await filter.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=/);
  return page.getByRole("list", { name: "Recent observations" }).getByRole("listitem").filter({ hasText: note });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the Log pad keeps the note through a lost connection and a lost answer; Retry saves once", async ({ as }) => {
    const note = `Pad retry ${suffix()}`;
    const page = await as("member");
    await page.goto("/log");
    await page.getByRole("button", { name: /Customer confirmation before closing a ticket/ }).tap();
    const noteField = page.getByRole("textbox", { name: /Note \(optional\): describe the situation/ });
    await noteField.fill(note);

    const offline = await failActions(page, "abort");
    await page.getByRole("button", { name: "Performed", exact: true }).tap();
    const alert = page.getByRole("list", { name: "Behaviours" }).getByRole("alert");
    await expectConnectionError(alert);
    await expect(noteField).toHaveValue(note);
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveCount(0);
    const other = await as("member");
    await expect(await entriesWithNote(other, note)).toHaveCount(0);
    await offline.restore();

    // The server saves, the answer is lost: the retry carries the same key, so it is not saved twice.
    const lost = await failActions(page, "500-after-saving");
    await alert.getByRole("button", { name: "Retry" }).tap();
    await expect.poll(() => lost.failed.length).toBe(1);
    await expect(alert.getByRole("button", { name: "Retry", exact: true })).toBeVisible();
    await expect(alert).toBeFocused();
    await expect(noteField).toHaveValue(note);
    await lost.restore();
    await alert.getByRole("button", { name: "Retry" }).tap();
    await expect(page.getByRole("status")).toContainText(
      "Saved. Performed: Customer confirmation before closing a ticket",
    );
    await expect(alert).toHaveCount(0);
    await expect(await entriesWithNote(other, note)).toHaveCount(1);
  });

  test("the batch form keeps its counts through failures; Retry saves the batch once", async ({ as }) => {
    const note = `Batch retry ${suffix()}`;
    const page = await as("member");
    await page.goto("/log");
    await page.getByText("Log a batch (several opportunities at once)").click();
    const batch = page.locator("details").filter({ hasText: "Log a batch" });
    await batch
      .getByRole("combobox", { name: "Behaviour" })
      .selectOption({ label: "Root cause on the ticket within 24 h" });
    await batch.getByLabel("Performed").fill("3");
    await batch.getByLabel("Out of (opportunities)").fill("7");
    await batch.getByLabel("Note (optional)").fill(note);

    const offline = await failActions(page, "abort");
    await batch.getByRole("button", { name: "Save batch" }).click();
    const alert = batch.locator("form [role=alert]");
    await expectConnectionError(alert);
    await expect(batch.getByLabel("Performed")).toHaveValue("3");
    await expect(batch.getByLabel("Out of (opportunities)")).toHaveValue("7");
    await expect(batch.getByLabel("Note (optional)")).toHaveValue(note);
    const other = await as("member");
    await expect(await entriesWithNote(other, note)).toHaveCount(0);
    await offline.restore();

    const lost = await failActions(page, "500-after-saving");
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => lost.failed.length).toBe(1);
    await expect(alert.getByRole("button", { name: "Retry", exact: true })).toBeEnabled();
    await expect(batch.getByLabel("Note (optional)")).toHaveValue(note);
    await lost.restore();
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(batch.getByRole("status")).toHaveText("Batch saved.");
    const saved = await todaysEntriesWithNote(other, "Root cause on the ticket within 24 h", note);
    await expect(saved).toHaveCount(1);
    await expect(saved).toContainText("Performed × 3");
    await expect(saved).toContainText("Missed × 4");
  });

  test("Saved · Undo shows at the bottom for the last behaviour of a long list, moves nothing, and confirms Undone", async ({
    as,
  }) => {
    const page = await as("member");
    await page.goto("/log");
    const list = page.getByRole("list", { name: "Behaviours" });
    await expect(list.getByRole("listitem").nth(8)).toBeAttached(); // a list longer than the screen
    const last = list.getByRole("listitem").last();
    const title = (await last.locator("button span").first().textContent()) ?? "";
    await last.getByRole("button", { pressed: false }).tap();
    const performed = last.getByRole("button", { name: "Performed", exact: true });
    await performed.scrollIntoViewIfNeeded();
    const before = await performed.boundingBox();

    await performed.tap();
    const status = page.getByRole("status").filter({ hasText: "Saved." });
    await expect(status).toContainText(`Performed: ${title}`);
    await expect(status).toBeInViewport();
    await expect(status).toHaveAttribute("aria-live", "polite");
    expect(await performed.boundingBox()).toEqual(before);
    await expect(performed).toBeFocused();

    await status.getByRole("button", { name: "Undo" }).tap();
    await expect(page.getByRole("status")).toContainText(`Undone. Performed: ${title}`);
    await expect(page.getByRole("status").getByRole("button", { name: "Undo" })).toHaveCount(0);
    await expect(performed).toBeFocused();
    expect(await performed.boundingBox()).toEqual(before);
  });
});

test("the intervention form without a rollout team focuses the teams, in view, and keeps the title", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/barriers");
  await page.getByRole("link", { name: "Nobody owns the ticket queue" }).first().click();
  await page.getByRole("link", { name: "Plan an intervention" }).click();
  await page.getByLabel("Title").fill("Rota on the board");
  const teams = page.getByRole("group", { name: "Roll it out to" });
  for (const box of await teams.getByRole("checkbox").all()) await box.uncheck();
  for (const c of [
    "Affordability",
    "Practicability",
    "Effectiveness",
    "Acceptability",
    "Side-effects / safety",
    "Equity",
  ])
    await page.getByRole("group", { name: c, exact: true }).getByLabel("4", { exact: true }).check();
  await page.getByRole("button", { name: "Plan intervention" }).click();

  const error = teams.getByText("Choose at least one team to roll it out to.");
  await expect(error).toBeVisible();
  await expect(error).toBeInViewport();
  await expect(teams.getByRole("checkbox").first()).toBeFocused();
  await expect(page.getByLabel("Title")).toHaveValue("Rota on the board");
});

test("a new organisation's editor says to add a value first, focuses the field and links to where values are added", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Vera Values");
  await page.getByLabel("Work e-mail").fill(uniqueEmail("novalues"));
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByLabel("Organisation name").fill("Valueless Ltd");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/catalogue$/);

  await page.goto("/catalogue/new");
  await page.getByLabel("Title").fill("Call back within a day");
  await page.getByRole("button", { name: "Save draft" }).click();
  const value = page.getByLabel("Value", { exact: true });
  await expect(page.locator("#field-valueId-error")).toHaveText("Add a value first.");
  await expect(value).toBeFocused();
  await expect(value).toBeInViewport();
  await expect(value).toHaveAttribute("aria-describedby", /field-valueId-error/);
  await expect(page.getByLabel("Title")).toHaveValue("Call back within a day");

  await page.getByRole("link", { name: "Add a value in the catalogue" }).click();
  await expect(page).toHaveURL(/\/catalogue#add-value$/);
  await page.getByLabel("Value name").fill("Listening first");
  await page.getByRole("button", { name: "Add value" }).click();
  // The catalogue now lists the value (its "Add a value" panel closes once there is one).
  await expect(page.getByRole("heading", { name: "Listening first" })).toBeVisible();
  await page.goto("/catalogue/new");
  await expect(
    page.getByLabel("Value", { exact: true }).getByRole("option", { name: "Listening first" }),
  ).toBeAttached();
});
