import { expect, test } from "./fixtures";

const BEHAVIOUR = "Root cause on the ticket within 24 h";

// Server actions are public HTTP endpoints. A post from another origin (a page on another site
// submitting to ours with the victim's cookies) must be refused before the action runs.
test("a server action posted signed out or from another origin is refused and writes nothing; the same call signed in from our origin works", async ({
  as,
  baseURL,
  playwright,
}) => {
  const page = await as("member");
  await page.goto("/log");
  // Record one real call of the log action: its id header and the arguments the pad sends.
  const sent = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: new RegExp(BEHAVIOUR) }).click();
  await page.getByRole("button", { name: "Performed", exact: true }).click();
  const request = await sent;
  const actionId = request.headers()["next-action"]!;
  const [args] = JSON.parse(request.postData()!) as [Record<string, unknown>];
  const replay = (origin: string, key: string) =>
    page.request.post("/log", {
      headers: {
        "Next-Action": actionId,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: origin,
      },
      data: JSON.stringify([{ ...args, idempotencyKey: key }]),
      failOnStatusCode: false,
    });

  const key = `xorigin-${Date.now().toString(36)}`;
  // Signed out (no cookie at all, or a forged one), from our own origin: refused, nothing written.
  for (const cookie of ["", "next-auth.session-token=forged.value"]) {
    const stranger = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: cookie ? { Cookie: cookie } : {},
    });
    const res = await stranger.post("/log", {
      headers: {
        "Next-Action": actionId,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: new URL(baseURL!).origin,
      },
      data: JSON.stringify([{ ...args, idempotencyKey: key }]),
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    const text = await res.text();
    expect(text, cookie || "no cookie").not.toContain('"ok":true');
    if (res.status() === 200) expect(text).toContain("Your session has ended. Sign in again.");
    await stranger.dispose();
  }
  const foreign = await replay("https://evil.example", key);
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain('"ok":true');

  // Had the foreign call written, this would be reported as a duplicate of it.
  const ours = await replay(new URL(baseURL!).origin, key);
  expect(ours.status()).toBe(200);
  const body = await ours.text();
  expect(body).toContain('"ok":true');
  expect(body).toContain('"duplicate":false');
});
