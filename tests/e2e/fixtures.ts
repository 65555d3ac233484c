import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "conduct-demo-2026";
export const USERS = {
  admin: "admin@northwind.example",
  leader: "leader@northwind.example",
  manager: "manager@northwind.example",
  member: "member@northwind.example",
  otherMember: "member@fabrikam.example",
  otherAdmin: "admin@fabrikam.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

export async function login(page: Page, role: keyof typeof USERS) {
  await signIn(page, USERS[role]);
}

export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
