import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import { activeBehaviour, addValue, createTeam, invite, join, signUpOrganisation } from "./support/new-org";

// Issue 20, "A Log pad that works offline", from sign-up: a member's phone keeps the Log page; offline, three taps
// wait on the phone, survive a reload without a connection, and are sent when it returns: exactly three
// observations arrive and the behaviour's adoption moves by three.

const BEHAVIOUR = "Customer confirmation before closing";

/** Performed and opportunities over every week of the behaviour page's adoption table. */
async function adoptionTotals(page: Page, behaviourId: string): Promise<[number, number]> {
  await page.goto(`/catalogue/${behaviourId}`);
  const rows = page.getByTestId("adoption-table").locator("tbody tr");
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[2]?.textContent ?? ""));
  return cells.reduce<[number, number]>(
    ([p, o], text) => {
      const [performed = 0, opportunities = 0] = text.split("/").map((n) => Number(n.trim()) || 0);
      return [p + performed, o + opportunities];
    },
    [0, 0],
  );
}

test("offline, three taps wait on the phone through a reload, and arrive exactly once when back online", async ({
  page: ada,
  browser,
}) => {
  test.setTimeout(240_000);
  await signUpOrganisation(ada, "Offline Front Desk");
  await addValue(ada, "Solve the customer's problem");
  await createTeam(ada, "Front desk");
  const [miaLink, maxLink] = await invite(ada, [
    { email: uniqueEmail("mia"), name: "Mia Manager", role: "Manager", teams: "Front desk" },
    { email: uniqueEmail("max"), name: "Max Member", role: "Member", teams: "Front desk" },
  ]);
  const manager = await join(browser, miaLink!, "mia-long-passphrase");
  const member = await join(browser, maxLink!, "max-long-passphrase", true);
  const behaviourId = await activeBehaviour(ada, manager, {
    title: BEHAVIOUR,
    value: "Solve the customer's problem",
    owner: "Ada Admin",
  });
  expect(await adoptionTotals(ada, behaviourId)).toEqual([0, 0]);

  // The installable app opens on the Log pad.
  const manifest = await (await member.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ start_url: "/log", display: "standalone" });

  // Online once, the page is kept on the phone.
  await member.goto("/log");
  await expect(member.getByText("This page also works offline on this device.")).toBeVisible();

  await member.context().setOffline(true);
  await member.getByRole("button", { name: new RegExp(BEHAVIOUR) }).tap();
  for (const outcome of ["Performed", "Performed", "Missed"]) {
    await member.getByRole("button", { name: outcome, exact: true }).tap();
    await expect(member.getByRole("status").filter({ hasText: "Saved." })).toContainText(
      `${outcome}: ${BEHAVIOUR}, on this phone.`,
    );
    await expect(member.getByRole("button", { name: outcome, exact: true })).not.toHaveAttribute("aria-disabled");
  }
  await expect(member.getByRole("heading", { name: "Waiting to send (3)" })).toBeVisible();
  await expect(member.getByText("You are offline.")).toBeVisible();

  // Closed and opened again without a connection: the page comes from the phone, and the taps still wait.
  const reopened = await member.reload();
  expect(reopened?.fromServiceWorker(), "the page came from the phone's copy").toBe(true);
  await expect(member.getByRole("heading", { name: "Log", level: 1 })).toBeVisible();
  await expect(member.getByRole("heading", { name: "Waiting to send (3)" })).toBeVisible();
  expect(await adoptionTotals(ada, behaviourId)).toEqual([0, 0]);

  // Back online: sent once each, and listed among the member's entries with their Undo.
  await member.context().setOffline(false);
  await expect(member.getByRole("heading", { name: /Waiting to send/ })).toBeHidden({ timeout: 30_000 });
  await expect(
    member.getByRole("region", { name: "Your entries from the last 24 hours" }).getByRole("listitem"),
  ).toHaveCount(3);
  // A second reload online sends nothing again.
  await member.reload();
  await expect(member.getByRole("heading", { name: "Log", level: 1 })).toBeVisible();
  await expect(member.getByRole("heading", { name: /Waiting to send/ })).toBeHidden();
  expect(await adoptionTotals(ada, behaviourId)).toEqual([2, 3]);
});
