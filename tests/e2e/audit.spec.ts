import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

// A sign-in is recorded in each of the person's organisations ("member.sign-in": the run's setup signed
// the demo accounts in); the admin also makes an audited change of their own (an invitation) to have a
// fresh event to filter for.
test("an admin browses, filters and exports the audit trail", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Invitation link")).toBeVisible();

  await page.getByRole("link", { name: "Audit trail" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit events" });
  await expect(table.getByRole("row", { name: /invitation\.create/ }).first()).toBeVisible();
  await expect(table.getByRole("row", { name: /member\.sign-in/ }).first()).toBeVisible();

  // Filter by action prefix: the filter goes into the URL and every row shown matches it.
  await page.getByLabel("Action starts with").fill("invitation");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/audit\?action=invitation(&|$)/);
  await expect(page.getByLabel("Action starts with")).toHaveValue("invitation");
  const actions = await table.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) expect(a).toMatch(/^invitation\./);

  // The CSV carries the same filters.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^northwind-software-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    "at,actor,action,target_type,target_id,outcome,ip,details,target_name,day,local_time,time_zone",
  );
  expect(lines[1]).toContain(",invitation.create,Invitation,");
  for (const line of lines.slice(1)) expect(line).toMatch(/^[^,]+,[^,]*,invitation\./);

  // Outcome "denied" on top: invitations are never denied, so nothing matches.
  await page.getByLabel("Outcome").selectOption("denied");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page).toHaveURL(/[?&]outcome=denied/);
  await expect(page).toHaveURL(/[?&]action=invitation/);
  await expect(page.getByText("No events match these filters.")).toBeVisible();

  await page.getByRole("link", { name: "Clear", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(table).toBeVisible();
});

test("a manager gets 404 for the audit trail and its export, and no link to it", async ({ as }) => {
  const page = await as("manager");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit trail" })).toHaveCount(0);

  expect((await page.goto("/settings/audit"))?.status()).toBe(404);
  const res = await page.request.get("/settings/audit/export");
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain("at,actor,action");
});

test("signed out, the export answers nothing: sign-in without a cookie, 404 with a forged one", async ({ request }) => {
  const res = await request.get("/settings/audit/export", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain("/sign-in");
  const forged = await request.get("/settings/audit/export", {
    maxRedirects: 0,
    headers: { cookie: "next-auth.session-token=forged" },
  });
  expect(forged.status()).toBe(404);
});
