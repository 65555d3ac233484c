import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

test("responses carry the security headers and no X-Powered-By", async ({ request }) => {
  const res = await request.get("/sign-in");
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["x-powered-by"]).toBeUndefined();
});

test("after 10 failed sign-ins the right password is refused too, with HTTP 429", async ({ page }) => {
  const email = uniqueEmail("locked");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Lou Locked");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("the-right-passphrase");
  await page.getByLabel("Organisation name").fill("Lockout Ltd");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const alert = page.locator("form [role=alert]");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(`wrong-${i}-passphrase`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("That e-mail and password do not match an account.");
    await page.reload();
  }
  const callback = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("the-right-passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await callback).status()).toBe(429);
  await expect(alert).toHaveText("Too many attempts. Wait a few minutes and try again.");
  await expect(page).toHaveURL(/\/sign-in/);
});
