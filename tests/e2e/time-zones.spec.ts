import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import { activeBehaviour, addValue, createTeam, invite, signUpOrganisation } from "./support/new-org";

// Issue 17, "Time zones and locale": Chromium runs in Pacific/Auckland (UTC+13 in December) against the server in
// UTC. An organisation made from nothing is set to Pacific/Auckland; its main pages render with no hydration warning
// or console error (every date is formatted with an explicit zone, never the browser's), and a behaviour logged now
// shows on today's date in Auckland, which for half of each UTC day is tomorrow in UTC.
const ZONE = "Pacific/Auckland";
const BEHAVIOUR = "Confirms the fix with the customer before closing";

const aucklandDay = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
const aucklandDate = () =>
  new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, day: "numeric", month: "short", year: "numeric" }).format(
    new Date(),
  );

/** A page in an Auckland browser that records every console error and uncaught error (hydration mismatches too). */
async function aucklandPage(browser: Browser, problems: string[], who: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: ZONE, locale: "en-NZ" });
  const page = await context.newPage();
  page.on("console", (m) => {
    // The resource's own address too: a failed load may be reported once the page has moved on.
    if (m.type() === "error" || /hydrat/i.test(m.text()))
      problems.push(`${who} ${page.url()}: ${m.text()} [${m.location().url}]`);
  });
  page.on("pageerror", (e) => problems.push(`${who} ${page.url()}: ${e.message}`));
  return page;
}

async function joinIn(browser: Browser, problems: string[], who: string, link: string, password: string) {
  const page = await aucklandPage(browser, problems, who);
  await page.goto(link);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  return page;
}

test("an Auckland organisation in an Auckland browser: no hydration warning, and today is Auckland's today", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  const ada = await aucklandPage(browser, problems, "admin");
  await signUpOrganisation(ada, "Harbour From Nothing");

  // The admin sets the organisation's zone from the searchable list; a zone that is not in it is refused.
  await ada.goto("/settings");
  const calendar = ada.getByRole("region", { name: "Time zone and week" });
  await calendar.getByLabel("Time zone").fill("Auckland/Harbour");
  await calendar.getByRole("button", { name: "Save time zone and week" }).click();
  await expect(calendar.getByText("Choose a time zone from the list.")).toBeVisible();
  await calendar.getByLabel("Time zone").fill(ZONE);
  await expect(calendar.getByLabel("Weeks start on")).toHaveValue("1");
  await calendar.getByRole("button", { name: "Save time zone and week" }).click();
  await expect(calendar.getByRole("status")).toHaveText("Time zone and week saved.");
  await ada.reload();
  await expect(ada.getByRole("region", { name: "Time zone and week" }).getByLabel("Time zone")).toHaveValue(ZONE);

  await addValue(ada, "Solve the customer's problem");
  await createTeam(ada, "Harbour desk");
  const [mia, max] = [uniqueEmail("mia"), uniqueEmail("max")];
  const [miaLink, maxLink] = await invite(ada, [
    { email: mia, name: "Mia Manager", role: "Manager", teams: "Harbour desk" },
    { email: max, name: "Max Member", role: "Member", teams: "Harbour desk" },
  ]);
  const manager = await joinIn(browser, problems, "manager", miaLink!, "mia-long-passphrase");
  const member = await joinIn(browser, problems, "member", maxLink!, "max-long-passphrase");
  const behaviourId = await activeBehaviour(ada, manager, {
    title: BEHAVIOUR,
    value: "Solve the customer's problem",
    owner: "Ada Admin",
  });

  // A tap on the Log pad: the entry is on today's date in Auckland.
  await member.goto("/log");
  await member.getByRole("button", { name: new RegExp(BEHAVIOUR) }).click();
  await member.getByRole("button", { name: "Performed", exact: true }).click();
  await expect(member.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await member.reload();
  const recent = member.getByRole("listitem").filter({ hasText: BEHAVIOUR }).filter({ hasText: "Harbour desk" });
  await expect(recent.first()).toContainText(aucklandDate());
  // The batch form's date starts on Auckland's today.
  await member.getByText("Log a batch (several opportunities at once)").click();
  await expect(member.locator("details").filter({ hasText: "Log a batch" }).getByLabel("Date")).toHaveValue(
    aucklandDay(),
  );

  // The main pages, as the admin, the manager and the member, render without a warning or an error.
  const pages = [
    "/dashboards",
    "/dashboards/team",
    "/log",
    "/catalogue",
    `/catalogue/${behaviourId}`,
    "/dashboards/behaviour",
    "/dashboards/standup",
    "/teams",
    "/rituals",
    "/actions",
    "/settings",
    "/profile",
  ];
  // A page a role does not have answers 404, which the browser reports as a console error of its own, at a moment of
  // its choosing (on a busy machine, after the next page started): those, and nothing else, are left out at the end.
  const refused = new Set<string>();
  for (const [who, p] of [
    ["admin", ada],
    ["manager", manager],
    ["member", member],
  ] as const)
    for (const path of pages) {
      const res = await p.goto(path);
      if (res?.status() === 404) {
        refused.add(`${who} [${new URL(path, p.url()).href}]`);
        continue;
      }
      await expect(p.getByRole("navigation", { name: "Main" })).toBeVisible();
      await p.waitForLoadState("networkidle");
    }

  // The behaviour's own page counts this week's entry (the week that contains Auckland's today).
  await ada.goto(`/catalogue/${behaviourId}`);
  await expect(ada.getByRole("main")).toContainText(BEHAVIOUR);

  // A person may read times in their own zone; the organisation's days do not move for it.
  await member.goto("/profile");
  await member.getByLabel("Your time zone").fill("America/Los_Angeles");
  await member.getByRole("button", { name: "Save time zone" }).click();
  await expect(member.getByText("Time zone saved.")).toBeVisible();
  await member.goto("/log");
  await expect(
    member.getByRole("listitem").filter({ hasText: BEHAVIOUR }).filter({ hasText: "Harbour desk" }).first(),
  ).toContainText(aucklandDate());

  const refusal = (m: string) =>
    m.includes("status of 404") && refused.has(`${m.slice(0, m.indexOf(" "))} ${m.slice(m.lastIndexOf(" [") + 1)}`);
  expect(problems.filter((m) => !refusal(m))).toEqual([]);
});
