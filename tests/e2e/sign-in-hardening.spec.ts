import { DEMO_PASSWORD, expect, test, USERS, uniqueEmail } from "./fixtures";

// Issue 15, item 7: `next` after sign-in stays on the site, whatever characters it carries.
test("sign-in with next=/<tab>/evil.example lands on our site, and no control or Unicode space in next gives a 500", async ({
  page,
  as,
  baseURL,
  playwright,
}) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/sign-in?next=%2F%09%2Fevil.example");
  await page.getByLabel("E-mail").fill(USERS.member);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);

  // Signed in, /sign-in redirects to `next` at once: the Location must be ours and the page must not fail.
  const signedIn = await as("member");
  const encoded = [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%00%2Fevil.example",
    "%2F%7F%2Fevil.example",
    "%2F%C2%85%2Fevil.example",
    "%2F%C2%A0%2Fevil.example",
    "%2F%E2%80%A8%2Fevil.example",
    "%2F%E3%80%80%2Fevil.example",
    "%2F%EF%BB%BF%2Fevil.example",
    "%2F.%2F%2Fevil.example",
    "%2Fcatalogue%2Fcaf%C3%A9",
  ];
  for (const next of encoded) {
    const res = await signedIn.request.get(`/sign-in?next=${next}`, { maxRedirects: 0, failOnStatusCode: false });
    expect(res.status(), next).toBeLessThan(400);
    expect(res.status(), next).toBeGreaterThanOrEqual(300);
    const location = res.headers()["location"]!;
    expect(new URL(location, origin).origin, `${next} → ${location}`).toBe(origin);
    expect(location, next).toMatch(/^[\x21-\x7e]+$/);
  }
  // And signed out, the sign-in page renders for each of them.
  const stranger = await playwright.request.newContext({ baseURL });
  for (const next of encoded) {
    const res = await stranger.get(`/sign-in?next=${next}`, { failOnStatusCode: false });
    expect(res.status(), next).toBe(200);
  }
  await stranger.dispose();
});

// Issue 15, item 4: /api/auth/session answers from the database session, like pages and actions.
test("/api/auth/session gives a signed-out token no session and no fresh cookie", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("session-route");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Sam Session");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByLabel("Organisation name").fill("Session Route Ltd");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(cookie).toBeDefined();
  const live = await context.request.get("/api/auth/session");
  expect(((await live.json()) as { user?: { email?: string } }).user?.email).toBe(email);
  expect(live.headers()["set-cookie"] ?? "").not.toMatch(/session-token=[^;]/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  // The old cookie, replayed by someone who kept it: signature and expiry are still good.
  const replay = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
  });
  for (const method of ["get", "post"] as const) {
    const res = await replay[method]("/api/auth/session", { failOnStatusCode: false });
    expect(res.status(), method).toBe(200);
    expect(await res.json(), method).toEqual({});
    // No fresh session cookie: at most one that clears the dead one.
    const setCookie = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
    for (const h of setCookie) expect(h.value, method).not.toMatch(/session-token=[^;]/);
  }
  // And the pages agree: the old cookie is signed out there too.
  const home = await replay.get("/catalogue", { maxRedirects: 0, failOnStatusCode: false });
  expect([303, 307, 308]).toContain(home.status());
  expect(home.headers()["location"]).toContain("/sign-in");
  await replay.dispose();
  await context.close();
});
