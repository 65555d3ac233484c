import type { Page } from "@playwright/test";
import { expect, test, uniqueEmail } from "./fixtures";

// Issue 16: customer voice. From a new organisation: record what a customer said, import more from a
// CSV (a bad row is named and nothing is written until it is fixed), search, and turn a pain point
// into a barrier whose page shows the customer's words as evidence. Nothing relies on the demo data.

const BEHAVIOUR = "Callback within one working day";
const QUOTE = "I waited three days for a callback and nobody told me the fix was live.";
const today = () => new Date().toISOString().slice(0, 10);

test("customer feedback, from sign-up to a barrier with the customer's words as evidence", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Fay Feedback");
  await page.getByLabel("Work e-mail").fill(uniqueEmail("feedback"));
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByLabel("Organisation name").fill("Voice Of The Customer");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/catalogue$/);

  // A behaviour to link feedback and the barrier to (a draft, imported).
  const header =
    "value,title,actor,action,trigger,frequency,completion_criterion,customer_outcome,example,anchors,owner_email,status";
  const row = `Customers first,${BEHAVIOUR},The support agent,calls the customer back with the answer,When a customer asks a question the agent cannot answer at once,within one working day,The ticket shows a call entry with the time,Customers get answers without chasing,Agent called back at 10:40 the next day.,,,`;
  await page.getByRole("link", { name: "Import / export" }).click();
  await page.getByLabel("…or paste its content").fill(`${header}\r\n${row}\r\n`);
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 1 behaviour" }).click();
  await expect(page.getByRole("link", { name: new RegExp(BEHAVIOUR) })).toBeVisible();

  // The empty feedback page says what to do next.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feedback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customer feedback" })).toBeVisible();
  await expect(page.getByText("Nothing customers said is recorded yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "import feedback from a CSV file" })).toBeVisible();
  await page.getByRole("link", { name: "Record what a customer said" }).first().click();

  // A missing sentiment is said beside the field; what was typed stays.
  await page.getByLabel("What the customer said").fill(QUOTE);
  await page.getByLabel("Where it came from").selectOption({ label: "Support ticket" });
  await page.getByLabel("Customer or segment (optional)").fill("Acme, enterprise");
  await page.getByRole("button", { name: "Record feedback" }).click();
  await expect(page.getByText("Choose positive, negative or mixed.")).toBeVisible();
  await expect(page.getByLabel("What the customer said")).toHaveValue(QUOTE);
  await page.getByRole("group", { name: "How the customer felt" }).getByLabel("Negative").check();
  await page.getByRole("group", { name: "Behaviours it is about (optional)" }).getByLabel(BEHAVIOUR).check();
  await page.getByRole("button", { name: "Record feedback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What Acme, enterprise said" })).toBeVisible();
  await expect(page.getByRole("blockquote")).toHaveText(`“${QUOTE}”`);
  await expect(page.getByRole("link", { name: BEHAVIOUR })).toBeVisible();

  // Import two more; one row is bad: its error is shown and nothing is imported until it is fixed.
  await page.goto("/feedback/import");
  await expect(page.getByText("At most 2 MB.")).toBeVisible();
  const csv = (sentiment: string) =>
    [
      "quote,source,date,customer,sentiment,behaviour",
      `"The export timed out, again.",support ticket,${today()},Globex,negative,`,
      `Loved how fast you answered,review,${today()},Initech,${sentiment},${BEHAVIOUR}`,
    ].join("\n");
  await page.getByLabel("…or paste its content").fill(csv("delighted"));
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("1 of 2 items can be imported.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Sentiment must be positive, negative or mixed." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 2 items" })).toBeDisabled();
  await page.getByLabel("…or paste its content").fill(csv("positive"));
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("2 of 2 items can be imported.")).toBeVisible();
  await page.getByRole("button", { name: "Import 2 items" }).click();
  await expect(page).toHaveURL(/\/feedback\?imported=1$/);
  await expect(page.getByTestId("feedback-list").getByRole("listitem")).toHaveCount(3);

  // Search the words.
  await page.getByLabel("Search the quotes and customers").fill("callback");
  await page.getByRole("button", { name: "Search" }).click();
  const found = page.getByTestId("feedback-list").getByRole("listitem");
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(QUOTE);
  await page.getByLabel("Search the quotes and customers").fill("globex");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(found).toHaveCount(1);
  await expect(found).toContainText("The export timed out, again.");

  // Turn the negative item into a barrier: its quote becomes the barrier's customer evidence.
  await page.getByLabel("Search the quotes and customers").fill("three days");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `“${QUOTE}”` }).click();
  await page.getByText("Turn into a barrier").click();
  await page.getByLabel("Title").fill("Customers are not told when a fix ships");
  await page.getByLabel("What gets in the way").fill("Nobody tells the customer when the fix they waited for is live.");
  await expect(page.getByLabel("Evidence")).toHaveValue(`“${QUOTE}”`);
  await expect(
    page.getByRole("group", { name: "Behaviours it stands in the way of" }).getByLabel(BEHAVIOUR),
  ).toBeChecked();
  await page.getByLabel("COM-B component").selectOption({ label: "Psychological capability" });
  await page.getByLabel("Barrier Analysis determinant").selectOption({ label: "Cues for action / reminders" });
  await page.getByRole("button", { name: "Create barrier from feedback" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customers are not told when a fix ships");
  await expect(page.getByTestId("feedback-counts")).toHaveText("1 item: 1 negative · 0 mixed · 0 positive");
  await expect(page.getByTestId("customer-evidence")).toContainText(QUOTE);
  await expect(page.getByTestId("customer-evidence")).toContainText("Acme, enterprise");
});

const PHONE = { width: 390, height: 844 };
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("the feedback pages and a barrier's customer evidence fit a phone's width", async ({ as }) => {
  const page = await as("manager");
  await page.setViewportSize(PHONE);
  await page.goto("/feedback");
  await expect(page.getByTestId("feedback-list")).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.getByTestId("feedback-list").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/ said$/);
  await page.getByText("Turn into a barrier").click();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  for (const url of ["/feedback/new", "/feedback/import", "/help/customer-feedback", "/dashboards/standup"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await overflow(page), url).toBeLessThanOrEqual(0);
  }
});
