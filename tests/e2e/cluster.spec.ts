import type { Browser, BrowserContext, Response } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";

// Issue 19: two web processes of one build on one PostgreSQL behind nginx, round-robin
// (scripts/e2e-cluster.ts; docs/decisions/029). One user's consecutive requests alternate between the
// processes, and every flow works whichever process answers: sign-in, a server-action form, Log taps, an
// import, and sign-out, which the other process sees too. Each process names itself in X-Conduct-Process.

const BEHAVIOUR = "Root cause on the ticket within 24 h";
const processOf = (r: Response | { headers(): Record<string, string> }) => r.headers()["x-conduct-process"];

/** The direct address of each process, beside nginx's (scripts/e2e-cluster.ts: nginx's port + 1 and + 2). */
function processUrls(baseURL: string): string[] {
  const port = Number(new URL(baseURL).port);
  return [port + 1, port + 2].map((p) => `http://127.0.0.1:${p}`);
}

/** Whether the saved cookies are still a session, asked of one process directly. */
async function signedInAt(browser: Browser, state: Awaited<ReturnType<BrowserContext["storageState"]>>, url: string) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto(`${url}/log`);
  const signedIn = !/\/sign-in/.test(page.url()) && (await page.getByRole("navigation", { name: "Main" }).count()) > 0;
  await context.close();
  return signedIn;
}

test("one user's requests alternate between two processes, and every flow works across them", async ({
  page,
  browser,
  baseURL,
}) => {
  // Consecutive requests go to alternate processes.
  const names = [];
  for (let i = 0; i < 4; i++) names.push(processOf(await page.request.get("/api/health")));
  expect(names[0]).toMatch(/^web-[12]$/);
  expect(names).toEqual([
    names[0],
    names[0] === "web-1" ? "web-2" : "web-1",
    names[0],
    names[0] === "web-1" ? "web-2" : "web-1",
  ]);

  // Every page and server action this user sends is answered by one of the two; by the end, both answered.
  const answered = new Set<string>();
  page.on("response", (r) => {
    const name = processOf(r);
    if (name && ["document", "fetch"].includes(r.request().resourceType())) answered.add(name);
  });

  // A manager: logs for a team and may import.
  await signIn(page, USERS.manager);

  // A server-action form: the page from one process posts to the other (one build, one actions key).
  await page.getByRole("link", { name: /your profile/ }).click();
  await page.getByLabel("Your name").fill("Marcus Reid (cluster)");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your name")).toHaveValue("Marcus Reid (cluster)");

  // Log taps.
  await page.goto("/log");
  await page.locator("#log-team").selectOption({ label: "Support Engineering" });
  await page.getByRole("button", { name: new RegExp(BEHAVIOUR) }).click();
  await page.getByRole("button", { name: "Performed", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toContainText(`Performed: ${BEHAVIOUR}`);
  await page.getByRole("button", { name: "Missed", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toContainText(`Missed: ${BEHAVIOUR}`);

  // An import: previewed by one process, imported by the other.
  await page.goto("/log/import");
  const csv = `date,team,behaviour,performed,missed,note\n2001-02-01,Support Engineering,${BEHAVIOUR},3,1,cluster run ${Date.now()}\n2001-02-02,Support Engineering,${BEHAVIOUR},2,0,\n`;
  await page
    .getByLabel(/Observations CSV/)
    .setInputFiles({ name: "observations.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 of 2 rows can be imported." })).toBeVisible();
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await page.waitForURL(/\/log\?imported=1/);

  expect([...answered].sort()).toEqual(["web-1", "web-2"]);

  // Sign-out on one process ends the session on both: each, asked directly with the old cookies, refuses it.
  const state = await page.context().storageState();
  const urls = processUrls(baseURL!);
  for (const url of urls) expect(await signedInAt(browser, state, url), `signed in at ${url}`).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  for (const url of urls) expect(await signedInAt(browser, state, url), `signed out at ${url}`).toBe(false);
});
