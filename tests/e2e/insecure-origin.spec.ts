import { DEMO_PASSWORD, expect, test, USERS } from "./fixtures";

const BEHAVIOUR = "Root cause on the ticket within 24 h";

// Issue 15, item 15: a phone on the office Wi-Fi opens http://<LAN address>:3000, which is not a
// secure context, so browser APIs such as crypto.randomUUID do not exist there. Chromium is told
// that the host name conduct.test is 127.0.0.1: http://conduct.test:<port> is such an origin.
test("the Log pad saves an entry over plain HTTP on a non-localhost origin (no secure context)", async ({
  playwright,
  baseURL,
}, info) => {
  const port = new URL(baseURL!).port;
  test.skip(!["127.0.0.1", "localhost"].includes(new URL(baseURL!).hostname), "needs a loopback server");
  const launch = info.project.use.launchOptions ?? {};
  const browser = await playwright.chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), "--host-resolver-rules=MAP conduct.test 127.0.0.1"],
  });
  const context = await browser.newContext({
    baseURL: `http://conduct.test:${port}`,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto("/sign-in?next=%2Flog");
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  expect(await page.evaluate(() => typeof (crypto as Partial<Crypto>).randomUUID)).toBe("undefined");
  await page.getByLabel("E-mail").fill(USERS.member);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log" })).toBeVisible();

  await page.getByRole("button", { name: new RegExp(BEHAVIOUR) }).click();
  await page.getByRole("button", { name: "Performed", exact: true }).click();
  const toast = page.getByRole("status").filter({ hasText: "Saved." });
  await expect(toast).toContainText(`Performed: ${BEHAVIOUR}`);
  // Undo it again, so the demo figures other tests read stay as they were.
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toHaveCount(0);
  expect(errors).toEqual([]);
  await browser.close();
});
