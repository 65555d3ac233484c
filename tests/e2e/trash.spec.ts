import { expect, test } from "./fixtures";

// Last in the run on purpose: it deletes demo records (and restores them).
test("a manager deletes a metric and a leader a behaviour; an admin restores both from Deleted items", async ({
  as,
}) => {
  const manager = await as("manager");
  await manager.goto("/metrics");
  await manager.getByRole("link", { name: "Velocity" }).click();
  await manager.getByRole("button", { name: "Delete metric" }).click();
  await manager.getByRole("button", { name: "Yes, delete metric" }).click();
  await expect(manager).toHaveURL(/\/metrics\?deleted=1$/);
  await expect(manager.getByRole("status")).toContainText("An admin can restore it");
  await expect(manager.getByTestId("metric-table").getByRole("link", { name: "Velocity" })).toHaveCount(0);

  const leader = await as("leader");
  await leader.goto("/catalogue?q=Trade-off");
  await leader.getByRole("link", { name: "Trade-off note on pricing and scope decisions" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Trade-off note on pricing and scope decisions");
  const url = leader.url();
  await leader.getByRole("button", { name: "Delete behaviour" }).click();
  await leader.getByRole("button", { name: "Keep it" }).click();
  await leader.getByRole("button", { name: "Delete behaviour" }).click();
  await leader.getByRole("button", { name: "Yes, delete behaviour" }).click();
  await expect(leader).toHaveURL(/\/catalogue\?deleted=1$/);
  expect((await leader.goto(url))?.status()).toBe(404);

  const admin = await as("admin");
  await admin.goto("/settings");
  await admin.getByRole("link", { name: "Deleted items" }).click();
  const table = admin.getByTestId("deleted-items");
  await expect(table).toContainText("Velocity");
  await admin.getByRole("button", { name: "Restore Velocity" }).click();
  await expect(table).not.toContainText("Velocity");
  await admin.getByRole("button", { name: "Restore Trade-off note on pricing and scope decisions" }).click();
  await expect(admin.getByText("Nothing was deleted in the last 30 days.")).toBeVisible();

  await manager.goto("/metrics");
  await expect(manager.getByTestId("metric-table").getByRole("link", { name: "Velocity" })).toBeVisible();
  expect((await leader.goto(url))?.status()).toBe(200);
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Trade-off note on pricing and scope decisions");
});
