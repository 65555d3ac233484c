// Issue 14: axe on every main page, in the light and in the dark colour scheme, with no WCAG 2 A/AA
// violation. A violation is fixed where it arises (a colour token, a label), never by switching a rule
// off or leaving an element out. Every <details> is opened first, so the charts' tables are checked too.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type DemoRole } from "./fixtures";
import { ID_SOURCES } from "./support/page-matrix";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SCHEMES = ["light", "dark"] as const;
/** The WCAG 2 A/AA rules of axe whose outcome depends on the colours. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

/** One line per failing node, so a report says what to fix and where. */
const describeViolations = (violations: Violations): string[] =>
  violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ") ?? v.help}`),
  );

async function expectNoViolations(page: Page, what: string) {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Buttons fade their colours (transition-colors): read them once the switch of scheme has finished, not halfway
    // (axe once caught a ghost button's light text on the dark background).
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    // Only the colour rules can tell the schemes apart: the light pass runs every WCAG 2 A/AA rule, the dark pass
    // those that read colours (the structure, names and roles are the same page in either scheme).
    const axe = new AxeBuilder({ page });
    const { violations } = await (colorScheme === "light" ? axe.withTags(TAGS) : axe.withRules(COLOUR_RULES)).analyze();
    expect(describeViolations(violations), `${what} (${colorScheme})`).toEqual([]);
  }
}

/** The ids a list links to, as the signed-in user sees it. */
async function idsIn(page: Page, list: string, link: RegExp): Promise<string[]> {
  const html = await (await page.request.get(list)).text();
  return [...html.matchAll(link)].map((m) => m[1]!);
}

const STATIC_PAGES: { url: string; heading: string; role?: DemoRole; open?: (page: Page) => Promise<void> }[] = [
  { url: "/catalogue", heading: "Behaviour catalogue" },
  { url: "/catalogue/new", heading: "New behaviour" },
  {
    url: "/log",
    heading: "Log",
    role: "member", // in a team, so the pad offers behaviours
    // The Performed and Missed buttons appear under the behaviour one picks.
    open: async (page) => {
      await page.getByRole("list", { name: "Behaviours" }).getByRole("button").first().click();
      await expect(page.getByRole("button", { name: "Performed" })).toBeEnabled();
    },
  },
  { url: "/log/honesty", heading: "Honesty guard" },
  { url: "/barriers", heading: "Barriers" },
  { url: "/barriers/new", heading: "Record a barrier" },
  { url: "/dashboards", heading: "Organisation overview", role: "manager" },
  { url: "/dashboards/standup", heading: "Portfolio standup", role: "manager" },
  { url: "/metrics", heading: "Metrics" },
  { url: "/surveys", heading: "Doer / non-doer surveys" },
  { url: "/interventions", heading: "Interventions" },
  { url: "/settings", heading: "Settings" },
  { url: "/settings/audit", heading: "Audit trail" },
  { url: "/settings/backup", heading: "Backup and restore" },
  { url: "/settings/deleted", heading: "Deleted items" },
  { url: "/teams", heading: "Teams" },
  { url: "/help/barrier-analysis", heading: "How barrier analysis works" },
  // The demo organisation has recognitions: the feed, the form and the analytics' charts are all drawn.
  { url: "/recognition", heading: "Recognition" },
  { url: "/recognition/analytics", heading: "Recognition analytics", role: "manager" },
  { url: "/help/recognition", heading: "How recognition works" },
  { url: "/feedback", heading: "Customer feedback" },
  { url: "/feedback/new", heading: "Record what a customer said" },
  { url: "/feedback/import", heading: "Import feedback" },
  { url: "/help/customer-feedback", heading: "Customer feedback: the brutal facts" },
  { url: "/profile", heading: "Your profile" },
  { url: "/inbox", heading: "Inbox", role: "manager" },
  { url: "/actions?scope=all", heading: "Actions" },
  { url: "/actions/new", heading: "New action" },
  { url: "/decisions", heading: "Decision log" },
  { url: "/decisions?status=DRAFT", heading: "Decision log" },
  { url: "/decisions/new", heading: "Record a decision" },
  { url: "/settings/anchors", heading: "Anchor questions" },
  { url: "/settings/webhooks", heading: "Webhooks" },
  { url: "/help/actions-decisions", heading: "How actions and decisions work" },
];

for (const { url, heading, role = "admin", open } of STATIC_PAGES) {
  test(`axe: ${url}`, async ({ as }) => {
    const page = await as(role);
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await open?.(page);
    await expectNoViolations(page, url);
  });
}

for (const kind of ["behaviour", "barrier", "metric", "team", "feedback"] as const) {
  test(`axe: a ${kind} page`, async ({ as }) => {
    const page = await as("admin");
    const { list, link } = ID_SOURCES[kind];
    const [id] = await idsIn(page, list, link);
    expect(id, `a ${kind} in the demo organisation`).toBeTruthy();
    await page.goto(`${list}/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, `a ${kind} page`);
  });
}

for (const kind of ["action", "decision"] as const) {
  test(`axe: a ${kind} page`, async ({ as }) => {
    const page = await as("admin");
    const { list, link } = ID_SOURCES[kind];
    const [id] = await idsIn(page, list, link);
    expect(id, `a ${kind} in the demo organisation`).toBeTruthy();
    await page.goto(`/${kind}s/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, `a ${kind} page`);
  });
}

test("axe: a webhook page with its delivery log", async ({ as }) => {
  const page = await as("admin");
  const { list, link } = ID_SOURCES.webhook;
  const [id] = await idsIn(page, list, link);
  expect(id, "a webhook in the demo organisation").toBeTruthy();
  await page.goto(`${list}/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoViolations(page, "a webhook page");
});

test("axe: an intervention page", async ({ as }) => {
  const page = await as("admin");
  // Not every barrier has an intervention: walk the register to the first barrier that has one.
  let intervention: string | undefined;
  for (const barrier of await idsIn(page, "/barriers", ID_SOURCES.barrier.link)) {
    [intervention] = await idsIn(page, `/barriers/${barrier}`, ID_SOURCES.intervention.link);
    if (intervention) break;
  }
  expect(intervention, "an intervention in the demo organisation").toBeTruthy();
  await page.goto(`/interventions/${intervention}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoViolations(page, "an intervention page");
});

test("axe: a survey's results with its tabulation", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/surveys");
  await page.getByRole("link", { name: "What stops the root cause reaching the ticket? (autumn)" }).click();
  await expect(page.getByTestId("tabulation")).toBeVisible();
  await expectNoViolations(page, "a survey page");
});

test("axe: the behaviour → outcome dashboard with a behaviour and a metric", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/dashboards/behaviour?period=26w");
  await page.getByLabel("Behaviour", { exact: true }).selectOption({ label: "Root cause on the ticket within 24 h" });
  await page.getByRole("button", { name: "Show" }).click();
  await page
    .getByLabel("Metric", { exact: true })
    .selectOption({ label: "Time to resolution experienced by the customer" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("correlations")).toBeVisible();
  await expectNoViolations(page, "/dashboards/behaviour");
});

test("axe: the team dashboard with a team", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/dashboards/team");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Support Engineering" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: "Team view: Support Engineering" })).toBeVisible();
  await expectNoViolations(page, "/dashboards/team");
});

for (const [url, button] of [
  ["/sign-in", "Sign in"],
  ["/sign-up", "Create organisation"],
] as const) {
  test(`axe: ${url}, signed out`, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole("button", { name: button })).toBeVisible();
    await expectNoViolations(page, url);
  });
}
