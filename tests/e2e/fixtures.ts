import path from "node:path";
import { test as base, expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "conduct-demo-2026";
export const USERS = {
  admin: "admin@northwind.example",
  leader: "leader@northwind.example",
  manager: "manager@northwind.example",
  member: "member@northwind.example",
  otherMember: "member@fabrikam.example",
  otherAdmin: "admin@fabrikam.example",
} as const;
export type DemoRole = keyof typeof USERS;

/** Signs in through the form. Only the sign-in flow's own tests and auth.setup.ts use it; others use `as(role)`. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/**
 * Where auth.setup.ts keeps a demo account's signed-in browser state (cookies): one folder per server,
 * so the embedded and the PostgreSQL run each have their own sessions. Git-ignored (tmp/).
 */
export function statePath(info: TestInfo, role: DemoRole): string {
  const server = new URL(info.project.use.baseURL ?? "http://localhost").host.replace(/[^a-z0-9.-]/gi, "_");
  return path.resolve(import.meta.dirname, "../../tmp/e2e-auth", server, `${role}.json`);
}

/**
 * A new browser context signed in as a demo account, from the state saved once per run. Shared by
 * every test: a test that ends sessions (signs out, disables a member, changes a password) must use
 * an account of its own (sign up, or sign a seeded account without saved state in through the form),
 * because ending one of the shared sessions would sign every later test out. auth.teardown.ts checks.
 */
export function signedInContext(browser: Browser, info: TestInfo, role: DemoRole): Promise<BrowserContext> {
  return browser.newContext({ storageState: statePath(info, role) });
}

export const test = base.extend<{
  /** A new page in its own context, signed in as the demo account (`page` stays signed out). */
  as: (role: DemoRole) => Promise<Page>;
}>({
  // (`provide` is Playwright's `use`: that name reads as the React hook to the linter.)
  as: async ({ browser }, provide, info) => {
    const contexts: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await signedInContext(browser, info, role);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
