import type { Page } from "@playwright/test";
import { expect, signIn, statePath, test, uniqueEmail, USERS } from "./fixtures";

// Issue 14 at a phone's size (390 × 844): landing per role, the folded dashboard filters, the
// survey tabulation as cards, the menu's scroll hint, the navigation progress bar, and the audit
// trail's names and time zone.
test.use({ viewport: { width: 390, height: 844 } });

const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("each role lands on its own first page after signing in; an explicit safe next path wins", async ({ browser }) => {
  for (const [role, landing] of [
    ["member", /\/log$/],
    ["manager", /\/dashboards$/],
    ["leader", /\/catalogue$/],
    ["admin", /\/catalogue$/],
  ] as const) {
    const page = await browser.newPage();
    await signIn(page, USERS[role]);
    await expect(page, role).toHaveURL(landing);
    // Signed in, "/" sends the role to the same page.
    await page.goto("/");
    await expect(page, role).toHaveURL(landing);
    await page.close();
  }
  const page = await browser.newPage();
  await page.goto("/sign-in?callbackUrl=%2Fbarriers");
  await page.getByLabel("E-mail").fill(USERS.member);
  await page.getByLabel("Password").fill("conduct-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/barriers$/);
  // Off-site and disguised off-site targets are ignored: the member lands on the Log.
  for (const next of ["//evil.example/x", "https://evil.example/", "/\t/evil.example"]) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(/\/log$/);
  }
  await page.close();
});

test("the dashboard filters fold behind one Filters button that names them", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/dashboards?period=4w");
  const button = page.getByRole("button", { name: /^Filters/ });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toContainText("Last 4 weeks");
  await expect(page.getByLabel("Period")).toBeHidden();

  // From the keyboard: the button opens the filters, and a team narrows the view.
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByLabel("Period")).toBeVisible();
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  await expect(page).toHaveURL(/team=/);
  const folded = page.getByRole("button", { name: /^Filters/ });
  await expect(folded).toHaveAttribute("aria-expanded", "false");
  await expect(folded).toContainText("Last 4 weeks · Payments");
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

test("the survey tabulation shows each response's p-value and finding without sideways scrolling", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/surveys");
  await page.getByRole("link", { name: "What stops the root cause reaching the ticket? (autumn)" }).click();
  const cards = page.getByTestId("tabulation-cards");
  await expect(cards).toBeVisible();
  await expect(page.getByTestId("tabulation")).toBeHidden();
  const significant = cards.locator('li[data-significant="yes"]').first();
  await expect(significant.getByTestId("card-p")).toHaveText(/^(< 0\.001|\d\.\d{3}) (χ² N−1|Fisher)$/);
  await expect(significant.getByTestId("card-finding")).toContainText(/Significant (barrier|enabler)/);
  for (const cell of [significant.getByTestId("card-p"), significant.getByTestId("card-finding")]) {
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

test("the main menu shows that it scrolls sideways, and keeps the current page's link in view", async ({ as }) => {
  const page = await as("manager");
  const nav = page.getByRole("navigation", { name: "Main" });
  await page.goto("/catalogue");
  await expect(nav.getByTestId("nav-more-end")).toBeVisible();
  await expect(nav.getByTestId("nav-more-start")).toHaveCount(0);

  await page.goto("/settings");
  const current = nav.getByRole("link", { name: "Settings" });
  await expect(current).toHaveAttribute("aria-current", "page");
  // (Sub-pixel layout can clip a hair of it.)
  await expect(current).toBeInViewport({ ratio: 0.95 });
  await expect(nav.getByTestId("nav-more-start")).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

test("a slow navigation shows a progress bar, which goes once the page is there", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/catalogue");
  await expect(page.getByRole("heading", { name: "Behaviour catalogue" })).toBeVisible();
  // Hold the router's request for the Teams page (its RSC payload) for a while.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/teams",
    async (route) => {
      if (route.request().headers()["rsc"] === "1") await held;
      await route.continue();
    },
  );
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" }).click();
  const bar = page.getByRole("progressbar", { name: "Loading page" });
  await expect(bar).toBeVisible();
  await expect(page.getByText("Loading…")).toBeAttached();
  release();
  await expect(page).toHaveURL(/\/teams$/);
  await expect(page.getByRole("heading", { name: "Teams", exact: true })).toBeVisible();
  await expect(bar).toHaveCount(0);
});

test("the audit trail names its targets and shows times in the reader's display zone, not the browser's", async ({
  browser,
}, info) => {
  const context = await browser.newContext({ storageState: statePath(info, "admin"), timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  const email = uniqueEmail("named");
  await page.goto("/settings");
  await page.getByLabel("E-mail (optional: restricts the link to this person)").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Invitation link")).toBeVisible();

  await page.goto("/settings/audit?action=invitation.create");
  // The browser is in Paris, but times are in the reader's display zone (issue 17): the demo admin has none of their
  // own, so the organisation's, UTC. The server renders the same text, so hydration never disagrees.
  await expect(page.getByTestId("viewer-time-zone")).toHaveText("UTC");
  const row = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  // The target is named (the e-mail is not in the event's details), not shown as its id.
  await expect(row.locator("td").nth(3)).toHaveText(`Invitation${email}`);
  // The time names its offset, GMT+0, and is the UTC time, not Paris's.
  await expect(row.locator("td").first()).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} GMT\+0$/);
  const iso = (await row.locator("time").getAttribute("datetime"))!;
  const utc = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });
  await expect(row.locator("td").first()).toContainText(utc.format(new Date(iso)));
  await context.close();
});
