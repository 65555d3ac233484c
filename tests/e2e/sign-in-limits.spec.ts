import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, uniqueEmail, USERS } from "./fixtures";

// Issue 15, items 1, 2, 3 and 5: the sign-in throttle holds for every body next-auth accepts and
// for any X-Forwarded-For a client makes up; sign-up does not say who has an account; next-auth's
// client logger endpoint is closed.

const SESSION_COOKIE = /next-auth\.session-token/;

async function signUp(page: Page, email: string, password: string, organisation: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Jo Json");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Organisation name").fill(organisation);
  await page.getByRole("button", { name: "Create organisation" }).click();
}

/** A credentials sign-in as a script would send it, with the CSRF token next-auth requires. */
async function postSignIn(
  request: APIRequestContext,
  contentType: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const all = { ...fields, csrfToken, json: "true" };
  const body = /json/i.test(contentType) ? JSON.stringify(all) : new URLSearchParams(all).toString();
  return request.post("/api/auth/callback/credentials", {
    headers: { "content-type": contentType, ...headers },
    data: body,
    maxRedirects: 0,
  });
}

async function hasSession(request: APIRequestContext): Promise<boolean> {
  const { cookies } = await request.storageState();
  return cookies.some((c) => SESSION_COOKIE.test(c.name));
}

test("a JSON sign-in is throttled like the form, whatever the casing of its content type", async ({
  page,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail("json");
  const password = "the-right-passphrase";
  await signUp(page, email, password, "Json Ltd");
  await expect(page).toHaveURL(/\/catalogue$/);

  // The right password, as JSON, signs in while the account is not held…
  const first = await playwright.request.newContext({ baseURL });
  const ok = await postSignIn(first, "application/json", { email, password });
  expect(ok.status()).toBe(200);
  expect(await hasSession(first)).toBe(true);
  await first.dispose();

  // …10 wrong guesses, as JSON, hold it…
  const attacker = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 10; i++) {
    const res = await postSignIn(attacker, "application/json", { email, password: `guess-${i}` });
    expect(res.status()).toBe(401);
  }
  // …and then not even the right password gets in, in any body next-auth reads or in any casing.
  for (const type of [
    "application/json",
    "Application/JSON; charset=UTF-8",
    "application/x-www-form-urlencoded",
    "APPLICATION/X-WWW-FORM-URLENCODED",
    "text/plain",
  ]) {
    const res = await postSignIn(attacker, type, { email, password });
    expect(res.status(), type).not.toBe(200);
    expect(await hasSession(attacker), type).toBe(false);
  }
  // A body that cannot be read fails closed.
  const broken = await attacker.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/json" },
    data: `{"email": "${email}", "password": `,
    maxRedirects: 0,
  });
  expect(broken.status()).not.toBe(200);
  expect(await hasSession(attacker)).toBe(false);
  const held = await postSignIn(attacker, "application/json", { email, password });
  expect(held.status()).toBe(429);
  expect(held.headers()["retry-after"]).toBe("900");
  expect(((await held.json()) as { url: string }).url).toContain("error=TooManyAttempts");
  await attacker.dispose();
});

test("a made-up X-Forwarded-For buys no guesses and never reaches the audit trail", async ({
  page,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail("rotate");
  const password = "the-right-passphrase";
  await signUp(page, email, password, "Rotating Ltd");
  await expect(page).toHaveURL(/\/catalogue$/);

  const attacker = await playwright.request.newContext({ baseURL });
  for (let i = 1; i <= 10; i++) {
    const res = await postSignIn(
      attacker,
      "application/json",
      { email, password: `guess-${i}` },
      { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `203.0.113.${i}` },
    );
    expect(res.status()).toBe(401);
  }
  const eleventh = await postSignIn(
    attacker,
    "application/json",
    { email, password },
    { "x-forwarded-for": "203.0.113.77", "x-conduct-peer": "forged 203.0.113.77" },
  );
  expect(eleventh.status()).toBe(429);
  expect(await hasSession(attacker)).toBe(false);
  await attacker.dispose();

  // The founder (still signed in in the browser) sees the attempts from the real address only.
  await page.goto("/settings/audit");
  const rows = page.getByRole("row").filter({ hasText: "member.sign-in" });
  await expect(rows.filter({ hasText: "failed" })).toHaveCount(10);
  await expect(rows.filter({ hasText: "127.0.0.1" })).toHaveCount(11);
  await expect(page.getByRole("cell", { name: /203\.0\.113\./ })).toHaveCount(0);
});

test("sign-up with an e-mail that has an account answers as for a new one, and creates nothing", async ({
  page,
  as,
}) => {
  await signUp(page, USERS.otherMember, "someone-elses-passphrase", "Squatter Ltd");
  // No "already exists": the form reports success and signs in; that fails, so the visitor is
  // left on the sign-in page, exactly as after a wrong password.
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText(/already/i)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  // The account's owner has no new organisation.
  const owner = await as("otherMember");
  await owner.goto("/profile");
  const organisations = owner.getByRole("region", { name: "Your organisations" });
  await expect(organisations.getByText("Fabrikam Health")).toBeVisible();
  await expect(owner.getByText("Squatter Ltd")).toHaveCount(0);
});

test("next-auth's client logger endpoint is closed: 404, nothing written", async ({ request }) => {
  const res = await request.post("/api/auth/_log", {
    form: { level: "error", code: "FORGED_LINE", message: "written by anyone" },
  });
  expect(res.status()).toBe(404);
  expect((await request.get("/api/auth/_log")).status()).toBe(404);
});
