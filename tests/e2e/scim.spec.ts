import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures";
import { signUpOrganisation } from "./support/new-org";

// Issue 20's SCIM provisioning from sign-up: an admin makes a SCIM token in Settings → Provisioning,
// an identity provider (Playwright's request context over real HTTP, no browser session) creates a
// person and pushes a group, the members list and the teams page show them, the provider deactivates
// the person and the list says so, and a revoked token gets 401.

test("an identity provider provisions, groups and deactivates a person with a SCIM token made in the UI", async ({
  page: ada,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signUpOrganisation(ada, "SCIM From Nothing");

  await ada.goto("/settings");
  await ada.getByRole("link", { name: "Provisioning (SCIM)" }).click();
  await expect(ada.getByText(/has no SCIM token yet/)).toBeVisible();
  await expect(ada.getByTestId("scim-base-url")).toHaveText(/\/scim\/v2$/);
  const form = ada.getByRole("form", { name: "Make a SCIM token" });
  await form.getByLabel("Name").fill("Okta");
  await form.getByRole("button", { name: "Make SCIM token" }).click();
  const token = await ada.getByLabel("SCIM token", { exact: true }).inputValue();
  expect(token).toMatch(/^scim_/);

  const idp = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
  });
  const email = uniqueEmail("ines");
  const lookup = await idp.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`);
  expect(lookup.status()).toBe(200);
  expect(((await lookup.json()) as { totalResults: number }).totalResults).toBe(0);
  const created = await idp.post("/scim/v2/Users", {
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Ines", familyName: "Alvarez" },
      active: true,
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toMatch(/^application\/scim\+json/);
  const userId = ((await created.json()) as { id: string }).id;
  const group = await idp.post("/scim/v2/Groups", {
    data: { displayName: "Claims Desk", members: [{ value: userId }] },
  });
  expect(group.status()).toBe(201);

  await ada.goto("/settings");
  const row = ada.getByRole("row", { name: /Ines Alvarez/ });
  await expect(row).toContainText(email);
  await expect(row).toContainText("Active");
  await ada.goto("/teams");
  await expect(ada.getByRole("link", { name: "Claims Desk" })).toBeVisible();

  const off = await idp.patch(`/scim/v2/Users/${userId}`, {
    data: {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", value: { active: false } }],
    },
  });
  expect(off.status()).toBe(200);
  await ada.goto("/settings");
  await expect(ada.getByRole("row", { name: /Ines Alvarez/ })).toContainText("Disabled");

  // The token list shows it was used; revoked, it is refused.
  await ada.goto("/settings/scim");
  await expect(ada.getByText(/Last used: (?!never)/)).toBeVisible();
  await ada.getByRole("button", { name: "Revoke Okta" }).click();
  await expect(ada.getByText("Revoked")).toBeVisible();
  expect((await idp.get("/scim/v2/Users")).status()).toBe(401);
  await idp.dispose();
});
