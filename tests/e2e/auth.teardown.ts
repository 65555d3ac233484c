import { expect, test } from "@playwright/test";
import { signedInContext, USERS, type DemoRole } from "./fixtures";

// After every test of the run: the saved sessions still work. A test that signed out a demo account
// (or otherwise ended its sessions) signs out every test that runs after it; this names the account.
for (const role of Object.keys(USERS) as DemoRole[]) {
  test(`the saved session of ${role} still works`, async ({ browser }, info) => {
    const context = await signedInContext(browser, info, role);
    const res = await context.request.get("/catalogue", { maxRedirects: 0 });
    expect(res.status(), `a test ended the shared session of ${role}: give it an account of its own`).toBe(200);
    await context.close();
  });
}
