import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import { activeBehaviour, addValue, createTeam, invite, join, signUpOrganisation } from "./support/new-org";

// Issue 20's token API from sign-up: an admin makes a token in Settings → API tokens, a tool logs
// observations with it (Playwright's request context: no browser, no session cookie), the dashboard's
// adoption moves, and once the token is revoked the API answers 401.

const BEHAVIOUR = "Confirmation before closing";

test("a token made in the UI logs observations through the API, adoption moves, and a revoked token gets 401", async ({
  page: ada,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signUpOrganisation(ada, "API From Nothing");
  await addValue(ada, "Solve the customer's problem");
  await createTeam(ada, "Front desk");
  const [miaLink] = await invite(ada, [
    { email: uniqueEmail("mia"), name: "Mia Manager", role: "Manager", teams: "Front desk" },
  ]);
  const manager = await join(browser, miaLink!, "mia-long-passphrase");
  const behaviourId = await activeBehaviour(ada, manager, {
    title: BEHAVIOUR,
    value: "Solve the customer's problem",
    owner: "Ada Admin",
  });

  // The empty page says what to do; the token is shown once.
  await ada.goto("/settings/api-tokens");
  await expect(ada.getByText(/has no API tokens yet/)).toBeVisible();
  const form = ada.getByRole("form", { name: "Make an API token" });
  await form.getByLabel("Name").fill("Ticket tool");
  await form.getByRole("button", { name: "Make token" }).click();
  const token = await ada.getByLabel("API token", { exact: true }).inputValue();
  expect(token).toMatch(/^cdt_/);

  const tool = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const teams = await tool.get("/api/v1/teams");
  expect(teams.status()).toBe(200);
  const teamId = ((await teams.json()) as { data: { id: string; name: string }[] }).data.find(
    (t) => t.name === "Front desk",
  )!.id;
  const logged = await tool.post("/api/v1/observations", {
    data: { idempotencyKey: `e2e-${Date.now()}`, behaviourId, teamId, performed: 4, opportunities: 5 },
  });
  expect(logged.status()).toBe(201);

  // The manager's dashboard shows it: 4 of 5, 80% (fewer than 5 opportunities show no percentage).
  await manager.goto("/dashboards");
  await manager.getByText("Adoption trend as a table").click();
  const week = manager.getByTestId("adoption-trend").locator("tbody tr").last();
  await expect(week.locator("td")).toHaveText([/\d/, "4", "5", "80"]);

  // The list shows its last use; revoking it ends it.
  await ada.reload();
  await expect(ada.getByText("Last used: never")).toHaveCount(0);
  await ada.getByRole("button", { name: "Revoke Ticket tool" }).click();
  await expect(ada.getByText("Revoked", { exact: true })).toBeVisible();
  const refused = await tool.get("/api/v1/teams");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  await tool.dispose();
});
