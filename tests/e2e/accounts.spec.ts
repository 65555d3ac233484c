import { DEMO_PASSWORD, expect, signIn, test, uniqueEmail, USERS } from "./fixtures";

// The sign-in flow itself: these tests sign in through the form (the others start signed in).

test("a new organisation signs up and lands in its own, empty catalogue as admin", async ({ page }) => {
  const email = uniqueEmail("founder");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Fran Founder");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByLabel("Organisation name").fill("Contoso Care");
  await page.getByRole("button", { name: "Create organisation" }).click();

  await expect(page).toHaveURL(/\/catalogue$/);
  await expect(page.getByRole("heading", { name: "Behaviour catalogue" })).toBeVisible();
  await expect(page.getByText("No values or behaviours yet.")).toBeVisible();
  await expect(page.getByText("Fran Founder · Admin")).toBeVisible();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Fran Founder/ })).toContainText(email);
  // Nothing of the demo organisation is visible.
  await expect(page.getByText("Northwind")).toHaveCount(0);
  // An empty report says where interventions come from and links there.
  await page.getByRole("link", { name: "Interventions", exact: true }).click();
  await expect(page.getByText(/No interventions yet\. An intervention starts from a barrier/)).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Barriers" }).click();
  await expect(page).toHaveURL(/\/barriers$/);
});

test("sign-up shows each problem beside its field and creates nothing", async ({ page }) => {
  const email = uniqueEmail("typo");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Tim Typo");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create organisation" }).click();

  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-password-error")).toHaveText("Use at least 8 characters.");
  await expect(page.locator("#field-organizationName-error")).toHaveText("Name your organisation.");
  // A common password is refused beside its field.
  await page.getByLabel("Password").fill("password123");
  await page.getByLabel("Organisation name").fill("Typo Inc");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.locator("#field-password-error")).toHaveText(/one of the most common passwords/);
  await page.getByLabel("Organisation name").fill("");
  // What was typed stays, next to the messages.
  await expect(page.getByLabel("Your name")).toHaveValue("Tim Typo");
  await expect(page.getByLabel("Work e-mail")).toHaveValue(email);
  await expect(page).toHaveURL(/\/sign-up$/);

  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("That e-mail and password do not match an account.");
});

test("a wrong password and an unknown e-mail get the same answer", async ({ page }) => {
  const answers: string[] = [];
  for (const [email, password] of [
    [USERS.leader, "not-the-password"],
    [uniqueEmail("nobody"), "not-the-password"],
  ]) {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(email!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    // (Next.js keeps its own empty role=alert route announcer on the page: read the form's.)
    const alert = page.locator("form [role=alert]");
    await expect(alert).toBeVisible();
    answers.push((await alert.textContent()) ?? "");
  }
  expect(answers[0]).toBe("That e-mail and password do not match an account.");
  expect(answers[1]).toBe(answers[0]);
});

test("the demo leader signs in through the form, sees the seeded catalogue and opens a behaviour", async ({ page }) => {
  await signIn(page, USERS.leader);
  await expect(page).toHaveURL(/\/catalogue$/);
  await expect(page.getByRole("heading", { name: "Deep understanding of customer needs" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Balancing customer and business needs" })).toBeVisible();
  await page.getByRole("link", { name: /Root cause on the ticket within 24 h/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Root cause on the ticket within 24 h" })).toBeVisible();
  await expect(page.getByText("the on-call engineer posts the root cause")).toBeVisible();
  await expect(page.getByText(/performed of \d+ opportunities/)).toBeVisible();
});

// Signing out ends every session of the account, so this uses a seeded account that no other test
// is signed in as (the demo roles' sessions are shared by the whole run).
test("signing out ends the session, in every browser the account was signed in", async ({ browser, page }) => {
  const email = "tom@northwind.example";
  await signIn(page, email);
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/catalogue");
  await expect(page).toHaveURL(/\/sign-in/);
  await elsewhere.goto("/catalogue");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await elsewhere.close();
});

test("a member's menu has no manager dashboards, and the page refuses them", async ({ as }) => {
  const page = await as("member");
  await page.goto("/catalogue");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Catalogue" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboards" })).toHaveCount(0);
  const res = await page.goto("/dashboards");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("signing in from a protected link returns there", async ({ page }) => {
  await page.goto("/barriers");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fbarriers$/);
  await page.getByLabel("E-mail").fill(USERS.manager);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/barriers$/);
  await expect(page.getByRole("heading", { name: "Barriers" })).toBeVisible();
});

test("every signed-in area sends a stranger to sign-in and remembers where they were going", async ({ page }) => {
  for (const path of [
    "/catalogue",
    "/log",
    "/barriers",
    "/surveys",
    "/interventions",
    "/dashboards/standup",
    "/metrics/audit",
    "/teams",
    "/settings",
    "/help/barrier-analysis",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}$`));
  }
});
