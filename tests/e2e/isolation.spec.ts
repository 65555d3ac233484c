import { expect, test } from "./fixtures";

test("a member of another organisation opening a Northwind behaviour URL gets a 404 and none of its data", async ({
  as,
}) => {
  const leader = await as("leader");
  await leader.goto("/catalogue");
  await leader.getByRole("link", { name: /Root cause on the ticket within 24 h/ }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Root cause on the ticket within 24 h");
  const url = new URL(leader.url());
  expect(url.pathname).toMatch(/^\/catalogue\/[a-z0-9]{20,}$/);
  await leader.close();

  const outsider = await as("otherMember");
  await outsider.goto("/catalogue");
  await expect(outsider.getByText(/Fabrikam/).first()).toBeVisible();
  const res = await outsider.goto(url.pathname);
  expect(res?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const html = await outsider.content();
  expect(html).not.toContain("Root cause on the ticket");
  expect(html).not.toContain("on-call engineer");
  // The same answer as for an id that never existed.
  const missing = await outsider.goto("/catalogue/cm0000000000000000000000");
  expect(missing?.status()).toBe(404);
  await outsider.close();
});
