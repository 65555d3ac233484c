import { expect, test, type Page } from "@playwright/test";
import { signUpOrganisation } from "./support/new-org";
import { mailboxOf, messagesTo } from "./support/mailbox";
import { startTestIdp, type TestIdp } from "../support/oidc-provider";

// Issue 20's single sign-on from sign-up, in the browser: an admin sets up the organisation's OpenID
// provider in Settings → Single sign-on (a real oidc-provider on loopback, started here), and someone
// new signs in through it from the sign-in page and lands in the app as a member. Embedded server only
// (tests/e2e/support/one-server.ts): the flow through the data layer runs on both databases in
// tests/integration/sso.test.ts.

const IDP_PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
let idp: TestIdp;

test.beforeAll(async ({ baseURL }) => {
  idp = await startTestIdp({ redirectUris: [`${baseURL}/api/sso/callback`], port: IDP_PORT });
});
test.afterAll(async () => {
  await idp?.close();
});

/** The admin's Settings → Single sign-on, filled in for the loopback provider and `domain`. */
async function setUpSso(ada: Page, baseURL: string | undefined, domain: string) {
  await ada.goto("/settings/sso");
  await expect(ada.getByText(/has no identity provider yet/)).toBeVisible();
  await expect(ada.getByTestId("sso-redirect-uri")).toHaveText(`${baseURL}/api/sso/callback`);
  const form = ada.getByRole("form", { name: "Single sign-on settings" });
  // Bad input: the message is beside the field, and nothing is saved.
  await form.getByLabel("Issuer URL").fill("http://login.example.com");
  await form.getByLabel("Client id").fill(idp.clientId);
  await form.getByLabel("Client secret").fill(idp.clientSecret);
  await form.getByLabel("E-mail domains").fill(domain);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByLabel("Issuer URL")).toHaveAccessibleDescription(/must start with https:\/\//);
  await form.getByLabel("Issuer URL").fill(idp.issuer);
  await expect(form.getByLabel("Password sign-in stays allowed for these domains")).toBeChecked();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Single sign-on settings saved.");
  await ada.reload();
  await expect(ada.getByText(new RegExp(`Covers ${domain.replace(/\./g, "\\.")}`))).toBeVisible();
  // The secret is never sent back to the browser.
  expect(await ada.content()).not.toContain(idp.clientSecret);
  await ada.getByRole("button", { name: "Test connection" }).click();
  await expect(ada.getByRole("status").filter({ hasText: "Connection works" })).toContainText(idp.issuer);
}

test("an admin sets up single sign-on, and a new person signs in through the provider as a member", async ({
  page: ada,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signUpOrganisation(ada, "SSO From Nothing");
  const domain = `sso-${Date.now().toString(36)}.test`;

  await setUpSso(ada, baseURL, domain);

  // Someone new, in another browser.
  const sam = await (await browser.newContext()).newPage();
  idp.account = { sub: "sam-1", email: `sam@${domain}`, email_verified: true, name: "Sam Single" };
  await sam.goto("/sign-in");
  await sam.getByLabel("E-mail").fill("sam@nobody-covers.test");
  await sam.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(sam.getByLabel("E-mail")).toHaveAccessibleDescription(/not set up for that e-mail address/);
  await sam.getByLabel("E-mail").fill(`sam@${domain}`);
  await sam.getByRole("button", { name: "Continue with single sign-on" }).click();
  // Members land on the Log.
  await expect(sam).toHaveURL(/\/log$/);
  await expect(sam.getByRole("navigation", { name: "Main" })).toBeVisible();

  // The admin sees the new member, joined as Member.
  await ada.goto("/settings");
  const row = ada.getByRole("row", { name: /Sam Single/ });
  await expect(row.getByRole("rowheader", { name: /Sam Single/ })).toBeVisible();
  await expect(row.getByLabel("Role of Sam Single")).toHaveValue("MEMBER");

  // Disabling the member ends the SSO session's access at once, and the provider cannot bring them back.
  await row.getByRole("button", { name: "Disable Sam Single" }).click();
  await row.getByRole("button", { name: "Yes, disable" }).click();
  await expect(row.getByRole("cell", { name: "Disabled" })).toBeVisible();
  await sam.goto("/log");
  await expect(sam).toHaveURL(/\/no-organisation$/);
  await sam.context().clearCookies();
  await sam.goto("/sign-in");
  await sam.getByLabel("E-mail").fill(`sam@${domain}`);
  await sam.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(sam.getByLabel("E-mail")).toHaveAccessibleDescription(
    /membership of this organisation has been disabled/,
  );
  await sam.context().close();
});

test("an account that existed before single sign-on proves its e-mail from a mailed link before the provider signs it in", async ({
  page: ada,
  browser,
  baseURL,
}, info) => {
  const box = mailboxOf(info);
  test.skip(!box, "reads the link from the e2e server's loopback SMTP server");
  test.setTimeout(120_000);
  await signUpOrganisation(ada, "SSO Linking");
  const domain = `link-${Date.now().toString(36)}.test`;
  await setUpSso(ada, baseURL, domain);

  // Kim has had an account with a password (their own organisation) since before the provider came.
  const email = `kim@${domain}`;
  const kim = await (await browser.newContext()).newPage();
  await kim.goto("/sign-up");
  await kim.getByLabel("Your name").fill("Kim Existing");
  await kim.getByLabel("Work e-mail").fill(email);
  await kim.getByLabel("Password").fill("kim-long-passphrase");
  await kim.getByLabel("Organisation name").fill("Kim's Own");
  await kim.getByRole("button", { name: "Create organisation" }).click();
  await expect(kim.getByRole("heading", { name: /Getting started/ })).toBeVisible();
  await kim.context().clearCookies();

  idp.account = { sub: "kim-1", email, email_verified: true, name: "Kim Existing" };
  await kim.goto("/sign-in");
  await kim.getByLabel("E-mail").fill(email);
  await kim.getByRole("button", { name: "Continue with single sign-on" }).click();
  // The provider's word alone signs nobody in to an account that existed: a link goes to the address.
  await expect(kim).toHaveURL(/\/sign-in\?sso=link-sent/);
  await expect(kim.getByRole("status")).toContainText(`Your Conduct account ${email} existed before single sign-on`);
  await expect(kim.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  await expect.poll(async () => (await messagesTo(box!, email)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const [mail] = await messagesTo(box!, email);
  expect(mail!.subject).toBe("Confirm single sign-on for your Conduct account");
  const link = /https?:\/\/\S+\/sso\/confirm\/[A-Za-z0-9_-]+/.exec(mail!.text ?? "")?.[0];
  expect(link).toBeTruthy();
  await kim.goto(new URL(new URL(link!).pathname, baseURL).href);
  await expect(kim.getByRole("heading", { name: "Confirm single sign-on" })).toBeVisible();
  await expect(kim.getByText(email)).toBeVisible();
  await kim.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(kim.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(kim).not.toHaveURL(/\/sign-in/);

  // The link works once; the provider now signs Kim in directly.
  await kim.goto(new URL(new URL(link!).pathname, baseURL).href);
  await expect(kim.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await kim.context().clearCookies();
  await kim.goto("/sign-in");
  await kim.getByLabel("E-mail").fill(email);
  await kim.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(kim.getByRole("navigation", { name: "Main" })).toBeVisible();

  // Kim joined the organisation as a member.
  await ada.goto("/settings");
  await expect(ada.getByRole("row", { name: /Kim Existing/ }).getByLabel("Role of Kim Existing")).toHaveValue("MEMBER");
  await kim.context().close();
});
