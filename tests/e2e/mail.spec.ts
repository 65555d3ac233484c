// Issue 17, e-mail: an admin keeps mail in the outbox and reads an invitation there (its link works
// for the invitee); with the e2e servers' loopback SMTP server, a self-service password reset
// arrives and its link works once; an e-mail's unsubscribe link turns that kind of mail off.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TestInfo } from "@playwright/test";
import { expect, test, uniqueEmail } from "./fixtures";
import { invite, join, signUpOrganisation } from "./support/new-org";
import { signUnsubscribeToken } from "@/lib/domain/mail-tokens";
import { mailboxOf, messagesTo } from "./support/mailbox";

const ADA_PASSWORD = "ada-long-passphrase";

test("an admin keeps every message in the outbox, reads the invitation there, and its link lets the invitee join", async ({
  browser,
}, info) => {
  const org = `Mailroom ${Date.now().toString(36)}`;
  const admin = await (await browser.newContext()).newPage();
  await signUpOrganisation(admin, org);

  await admin.goto("/settings");
  const mail = admin.getByRole("region", { name: "E-mail" });
  await expect(mail.getByText(/This server has an SMTP server configured|no SMTP server configured/)).toBeVisible();
  await mail.getByRole("radio", { name: /Keep every message in the outbox/ }).check();
  await mail.getByRole("button", { name: "Save mail setting" }).click();
  await expect(mail.getByRole("status")).toHaveText("Mail setting saved.");

  const invitee = uniqueEmail("invitee");
  await admin.reload();
  await admin.getByLabel("Role", { exact: true }).selectOption("MANAGER");
  await admin.getByLabel("E-mail (optional: restricts the link to this person)").fill(invitee);
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  await expect(admin.getByText(`The invitation is e-mailed to ${invitee}`)).toBeVisible();
  const copied = await admin.getByLabel("Invitation link").inputValue();

  await admin.getByRole("link", { name: "Outbox", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  const row = admin.getByRole("row", { name: new RegExp(invitee) });
  await expect(row.getByText("Kept in outbox")).toBeVisible();
  await row.getByRole("link", { name: `Ada Admin invited you to ${org} on Conduct` }).click();
  await expect(admin.getByRole("heading", { name: `Ada Admin invited you to ${org} on Conduct` })).toBeVisible();
  await expect(admin.getByText(`To ${invitee} · invitation`)).toBeVisible();
  const text = await admin.getByRole("region", { name: "Text part" }).locator("pre").innerText();
  expect(text).toContain(`join ${org} on Conduct as a manager`);
  const link = /Accept the invitation: (\S+)/.exec(text)?.[1];
  expect(link).toBe(copied);
  // The HTML part, rendered in its sandboxed frame, has the same link on its button.
  const frame = admin.frameLocator('iframe[title="HTML part"]');
  await expect(frame.getByRole("link", { name: "Accept the invitation" })).toHaveAttribute("href", copied);

  // Nothing left the server: the organisation keeps its mail in the outbox.
  const box = mailboxOf(info);
  if (box) expect(await messagesTo(box, invitee)).toEqual([]);

  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link!);
  await expect(guest.getByText(org).first()).toBeVisible();
  await guest.getByLabel("Your name").fill("Ivy Invitee");
  await expect(guest.getByLabel("E-mail")).toHaveValue(invitee);
  await guest.getByLabel("Password").fill("ivy-long-passphrase");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByText("Ivy Invitee · Manager")).toBeVisible();
});

test("with the loopback SMTP server, a password reset e-mail arrives and its link works once", async ({
  browser,
}, info) => {
  const box = mailboxOf(info);
  test.skip(!box, "needs the e2e servers' loopback SMTP server");
  const admin = await (await browser.newContext()).newPage();
  const email = await signUpOrganisation(admin, `Resetters ${Date.now().toString(36)}`);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "E-mail me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${email} has a Conduct account, a link`);

  await expect.poll(async () => (await messagesTo(box!, email)).length, { timeout: 20_000 }).toBe(1);
  const [mail] = await messagesTo(box!, email);
  expect(mail!.subject).toBe("Reset your Conduct password");
  expect(mail!.from?.text).toContain("no-reply@localhost");
  expect(mail!.html).toBeTruthy();
  const link = /Set a new password: (\S+)/.exec(mail!.text ?? "")?.[1];
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);

  await page.goto(link!);
  await page.getByLabel("New password").fill("ada-second-passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  // Once only; the old password no longer works, the new one does.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link!);
  await expect(again.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await again.goto("/sign-in");
  await again.getByLabel("E-mail").fill(email);
  await again.getByLabel("Password").fill(ADA_PASSWORD);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByRole("alert")).toBeVisible();

  // An address without an account gets the same answer, and nothing arrives.
  const nobody = uniqueEmail("nobody");
  await again.goto("/forgot-password");
  await again.getByLabel("E-mail").fill(nobody);
  await again.getByRole("button", { name: "E-mail me a reset link" }).click();
  await expect(again.getByRole("status")).toContainText(`If ${nobody} has a Conduct account, a link`);
  expect(await messagesTo(box!, nobody)).toEqual([]);
});

test("an e-mail's unsubscribe link: the page changes nothing, its button turns that kind of mail off", async ({
  browser,
}, info) => {
  const secret = authSecretOf(info);
  test.skip(!secret, "needs the e2e server's auth secret to sign a link as the app does");
  const org = `Quiet ${Date.now().toString(36)}`;
  const admin = await (await browser.newContext()).newPage();
  await signUpOrganisation(admin, org);
  const ivyEmail = uniqueEmail("ivy");
  // Two people: the import's button names them ("Import 2 people").
  const [link] = await invite(admin, [
    { email: ivyEmail, name: "Ivy Quiet", role: "Member" },
    { email: uniqueEmail("jo"), name: "Jo Quiet", role: "Member" },
  ]);
  const ivy = await join(browser, link!, "ivy-long-passphrase");
  await admin.goto("/settings");
  const membershipId = await admin
    .getByRole("row", { name: /Ivy Quiet/ })
    .locator('input[name="membershipId"]')
    .first()
    .inputValue();
  // The link a digest e-mail would carry (src/lib/server/mail/outbox.ts signs it the same way).
  const token = signUnsubscribeToken(secret!, membershipId, "DIGEST");

  await ivy.goto("/profile");
  const digest = ivy.getByRole("combobox", { name: "Weekly digest" });
  await expect(digest).toHaveValue("DEFAULT");
  await ivy.goto(`/unsubscribe/${token}`);
  await expect(ivy.getByRole("heading", { name: `Stop weekly digests from ${org}?` })).toBeVisible();
  await ivy.goto("/profile");
  await expect(ivy.getByRole("combobox", { name: "Weekly digest" })).toHaveValue("DEFAULT"); // looking changed nothing
  await ivy.goto(`/unsubscribe/${token}`);
  await ivy.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(ivy.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await ivy.goto("/profile");
  await expect(ivy.getByRole("combobox", { name: "Weekly digest" })).toHaveValue("NONE");
  await expect(ivy.getByRole("combobox", { name: "Behaviour cues" })).toHaveValue("DEFAULT");

  // She turns it on again herself; a forged link is not found and changes nothing.
  await ivy.getByRole("combobox", { name: "Weekly digest" }).selectOption("EMAIL");
  await ivy.getByRole("button", { name: "Save Weekly digest" }).click();
  await expect(ivy.getByRole("region", { name: "Notifications" }).getByText("Saved.").first()).toBeVisible();
  const forged = await ivy.request.post(
    `/unsubscribe/${token.replace(/.$/, (c) => (c === "A" ? "B" : "A"))}/one-click`,
    {
      form: { "List-Unsubscribe": "One-Click" },
      maxRedirects: 0,
    },
  );
  expect(forged.status()).toBe(404);
  // A mail client's one-click POST, with no session at all.
  const client = (await browser.newContext()).request;
  const oneClick = await client.post(`/unsubscribe/${token}/one-click`, {
    form: { "List-Unsubscribe": "One-Click" },
    maxRedirects: 0,
  });
  expect(oneClick.status()).toBe(303);
  await ivy.reload();
  await expect(ivy.getByRole("combobox", { name: "Weekly digest" })).toHaveValue("NONE");
});

/** The auth secret of the server under test: AUTH_SECRET, or the one it generated in its data folder. */
function authSecretOf(info: TestInfo): string | null {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.resolve(`tmp/e2e-${info.project.name}/auth-secret`);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}
