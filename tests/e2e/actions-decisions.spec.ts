import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

// Issue 16 from a new organisation: a decision stays a draft until both anchor questions are
// answered; an action past its due day shows on the dashboard's overdue panel and in My actions,
// and closing it takes it off the panel. Nothing here relies on the demo data.

const BEHAVIOUR = "Names the next step on every reply";
const DECISION = "Every reply ends with the next step and its date";
const ACTION = "Add the next-step line to the reply templates";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("a decision waits for both anchor answers; an overdue action reaches the dashboard and My actions, then closes", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Dana Decider");
  await page.getByLabel("Work e-mail").fill(uniqueEmail("dana"));
  await page.getByLabel("Password").fill("dana-long-passphrase");
  await page.getByLabel("Organisation name").fill("Decisions From Nothing");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { name: /Getting started: 0 of \d+ done/ })).toBeVisible();

  // A value and a behaviour (a draft is enough to be named by an action).
  await page.getByRole("link", { name: "Add a value" }).click();
  await page.getByLabel("Value name").fill("Clear communication");
  await page.getByRole("button", { name: "Add value" }).click();
  await expect(page.getByRole("heading", { name: /Getting started: 1 of \d+ done/ })).toBeVisible();
  await page.goto("/catalogue/new");
  await page.getByLabel("Title").fill(BEHAVIOUR);
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "Clear communication" });
  await page.getByLabel("Owner (one named person)").selectOption({ label: "Dana Decider" });
  await page.getByLabel("Actor").fill("The front-desk agent");
  await page.getByLabel("Action").fill("writes the next step and its date in the last line of the reply");
  await page.getByLabel("Trigger / context").fill("When replying to a customer's open request");
  await page.getByLabel("Frequency or deadline").fill("on every reply");
  await page.getByLabel("Done when (completion criterion)").fill("The reply's last line names a next step and a date");
  await page.getByLabel("Customer outcome it serves").fill("Customers know what happens next and when");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(BEHAVIOUR);

  // The empty decision log says what to do next.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decisions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
  await page.getByRole("link", { name: "Record the first decision" }).click();

  // One answer of two: saved as a draft, and the unanswered question says so beside its field.
  const q1 = page.getByLabel("How does this improve customer outcomes?");
  const q2 = page.getByLabel("What trade-offs are we making, and how do they affect the customer experience?");
  await page.getByLabel("What was decided").fill(DECISION);
  await q1.fill("Customers know what happens next without asking.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(/Saved as a draft, not as a decision: one question is unanswered/)).toBeVisible();
  await expect(q2).toHaveAccessibleDescription(/Unanswered: the decision stays a draft until this is answered/);
  await expect(q1).not.toHaveAttribute("aria-invalid", "true");
  // What was typed is still there.
  await expect(q1).toHaveValue("Customers know what happens next without asking.");
  await page.goto("/decisions");
  await expect(page.getByRole("list", { name: "Decisions" })).toHaveCount(0);
  await page.getByRole("link", { name: "Drafts (1)" }).click();
  await page.getByRole("list", { name: "Draft decisions" }).getByRole("link", { name: DECISION }).click();
  await expect(page.getByText("One anchor question is unanswered: this is not a decision yet.")).toBeVisible();

  // Both answered: it is a decision, by whom and when.
  await page.getByRole("link", { name: "Answer the open questions" }).click();
  await page
    .getByLabel("What trade-offs are we making, and how do they affect the customer experience?")
    .fill("Replies take a minute longer to write.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DECISION);
  await expect(page.getByText("Decided", { exact: true })).toBeVisible();
  await expect(page.getByText(/by Dana Decider on/)).toBeVisible();
  await expect(page.getByText("Replies take a minute longer to write.")).toBeVisible();
  await page.goto("/decisions");
  await expect(page.getByRole("list", { name: "Decisions" }).getByRole("link", { name: DECISION })).toBeVisible();
  await expect(page.getByRole("link", { name: "Drafts (0)" })).toBeVisible();

  // The admin rewords the first anchor question and adds one; the recorded decision keeps its questions.
  await page.goto("/settings");
  await page.getByRole("link", { name: "Anchor questions" }).click();
  await page.getByLabel("Question 1").fill("How does this improve what the customer experiences?");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByLabel("Question 3").fill("Which customers will notice first?");
  await page.getByRole("button", { name: "Move up question 3" }).click();
  await page.getByRole("button", { name: "Save anchor questions" }).click();
  await expect(page.getByText(/Anchor questions saved/)).toBeVisible();
  await expect(page.getByLabel("Question 2")).toHaveValue("Which customers will notice first?");
  await page.goto("/decisions/new");
  await expect(page.getByLabel("Which customers will notice first?")).toBeVisible();
  await expect(page.getByLabel("How does this improve customer outcomes?")).toHaveCount(0);
  await page.goto("/decisions");
  await page.getByRole("list", { name: "Decisions" }).getByRole("link", { name: DECISION }).click();
  await expect(page.getByText("How does this improve customer outcomes?")).toBeVisible();

  // An action due ten days ago.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My actions" })).toBeVisible();
  await expect(page.getByText(/You own no actions yet/)).toBeVisible();
  await page.getByRole("link", { name: "create an action" }).click();
  await page.getByLabel("Action", { exact: true }).fill(ACTION);
  await expect(page.getByLabel("Owner")).toHaveValue(/.+/);
  await page.getByLabel("Due").fill(daysAgo(10));
  await page.getByLabel("Behaviour").selectOption({ label: BEHAVIOUR });
  await page.getByRole("button", { name: "Create action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ACTION);
  await expect(page.getByText("Overdue", { exact: true })).toBeVisible();

  // On the dashboard's overdue panel, and from there in the filtered list.
  await page.goto("/dashboards");
  const panel = page.getByRole("region", { name: /Overdue actions/ });
  await expect(panel.getByRole("heading")).toHaveText("Overdue actions (1)");
  await expect(panel.getByRole("link", { name: ACTION })).toBeVisible();
  await panel.getByRole("link", { name: "See them in the list of actions" }).click();
  await expect(page.getByRole("list", { name: "Actions" }).getByRole("link", { name: ACTION })).toBeVisible();

  // In My actions, marked overdue, also at a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/actions");
  const mine = page.getByRole("list", { name: "My actions" }).getByRole("listitem");
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(ACTION);
  await expect(mine).toContainText("Overdue");
  expect(await overflow(page)).toBeLessThanOrEqual(0);

  // Closed: off the panel.
  await mine.getByRole("link", { name: ACTION }).click();
  await page.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByRole("heading", { name: "Status: Done" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen action" })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/dashboards");
  await expect(page.getByRole("region", { name: /Overdue actions/ })).toContainText(
    "No open action is past its due day.",
  );
});
