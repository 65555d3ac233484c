import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import {
  activeBehaviour,
  addValue,
  createTeam,
  invite,
  join,
  logBatch,
  signUpOrganisation,
  utcDay,
} from "./support/new-org";

// Issue 21's erasure from sign-up (docs/decisions/037): a new organisation's admin invites someone,
// they join and leave a trail (entries on the Log, the admin's inbox item, the audit trail), the admin
// disables and then erases them; afterwards the dashboards show the same figures, no page the admin
// opens, nor the audit export, shows their name or address, their session is over and their password
// opens nothing. The database-wide proof runs on
// both databases in tests/integration/erasure.test.ts.

test("an admin erases a person who left: their name and e-mail are gone from every page, and their account with them", async ({
  page: ada,
  browser,
}) => {
  test.setTimeout(240_000);
  await signUpOrganisation(ada, "Erasure From Nothing");
  await addValue(ada, "Solve the customer's problem");
  await createTeam(ada, "Front desk");
  const email = uniqueEmail("nia");
  const name = "Nia Leaver";
  const [miaLink, link] = await invite(ada, [
    { email: uniqueEmail("mia"), name: "Mia Manager", role: "Manager", teams: "Front desk" },
    { email, name, role: "Member", teams: "Front desk" },
  ]);
  const mia = await join(browser, miaLink!, "mia-long-passphrase");
  const nia = await join(browser, link!, "nia-long-passphrase");
  const behaviour = "Customer confirmation before closing";
  await activeBehaviour(ada, mia, { title: behaviour, value: "Solve the customer's problem", owner: "Ada Admin" });
  await logBatch(nia, { behaviour, day: utcDay(0), performed: 6, opportunities: 8 });
  await ada.goto("/dashboards");
  const figures = await ada.locator("main").innerText();
  expect(figures).toContain("75%");

  await ada.goto("/settings");
  const row = ada.getByRole("row", { name: new RegExp(name) });
  // Only a disabled member can be erased: the button is not there for an active one.
  await expect(row.getByRole("button", { name: `Erase ${name}` })).toHaveCount(0);
  await row.getByRole("button", { name: `Disable ${name}` }).click();
  await row.getByRole("button", { name: "Yes, disable" }).click();
  await expect(row.getByRole("cell", { name: "Disabled" })).toBeVisible();
  await row.getByRole("button", { name: `Erase ${name}` }).click();
  await expect(ada.getByRole("group", { name: `Erase ${name}?` })).toContainText("This cannot be undone.");
  await ada
    .getByRole("group", { name: `Erase ${name}?` })
    .getByRole("button", { name: "Yes, erase" })
    .click();
  const erased = ada.getByRole("row", { name: /Former member [0-9a-f]{12}/ });
  await expect(erased.getByRole("cell", { name: "Erased" })).toBeVisible();

  // Every figure is as it was.
  await ada.goto("/dashboards");
  expect(await ada.locator("main").innerText()).toBe(figures);

  for (const path of ["/settings", "/settings/audit", "/inbox", "/teams", "/dashboards", "/log", "/catalogue"]) {
    await ada.goto(path);
    const html = await ada.content();
    expect(html, path).not.toContain(name);
    expect(html, path).not.toContain(email);
  }
  const audit = await ada.request.get("/settings/audit/export");
  expect(audit.status()).toBe(200);
  const csv = await audit.text();
  expect(csv).toContain("membership.erase");
  expect(csv).not.toContain(name);
  expect(csv).not.toContain(email);

  // Their session ends, and the account is gone: the password opens nothing.
  await nia.goto("/log");
  await expect(nia).toHaveURL(/\/sign-in/);
  await nia.getByLabel("E-mail").fill(email);
  await nia.getByLabel("Password").fill("nia-long-passphrase");
  await nia.getByRole("button", { name: "Sign in" }).click();
  await expect(nia.locator("form [role=alert]")).toHaveText("That e-mail and password do not match an account.");
  await nia.context().close();
  await mia.context().close();
});
