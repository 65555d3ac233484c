import { mkdirSync } from "node:fs";
import path from "node:path";
import { test } from "@playwright/test";
import { signIn, statePath, USERS, type DemoRole } from "./fixtures";

// Signs each demo account in through the form once per server and saves its browser state, so the
// tests start signed in (fixtures.ts `as(role)`) instead of spending a sign-in on every test.
for (const role of Object.keys(USERS) as DemoRole[]) {
  test(`sign in as ${role}`, async ({ page }, info) => {
    await signIn(page, USERS[role]);
    const file = statePath(info, role);
    mkdirSync(path.dirname(file), { recursive: true });
    await page.context().storageState({ path: file });
  });
}
