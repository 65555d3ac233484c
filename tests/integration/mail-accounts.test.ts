// The mail Conduct sends about accounts, over a real SMTP server on loopback: invitations (one and
// from a CSV), "you were added", admin-made and self-service password resets. Each link is taken
// from the received message and used.
import { afterAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { startLoopbackSmtp } from "../support/smtp";

const smtp = await startLoopbackSmtp();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://conduct.example.test";

const { db } = await import("@/lib/server/db");
const { deliverMail } = await import("@/lib/server/mail/outbox");
const { acceptInvitation, acceptInvitationAsNewUser, createInvitation, previewInvitation } =
  await import("@/lib/server/data/members");
const { commitInvitationImport } = await import("@/lib/server/data/invitation-import");
const { createPasswordReset, requestPasswordReset, resetPassword, resetLinkUsable, RESET_REQUEST_LIMIT_MESSAGE } =
  await import("@/lib/server/data/password-resets");
const { authenticate } = await import("@/lib/server/data/accounts");
const { RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_EMAIL } = await import("@/lib/server/rate-limit");
const { buildOrgScenario, buildUser } = await import("../factories");
const { contextFor } = await import("./support/context");
const { runQueuedJobs } = await import("./support/run-jobs");
const { captureQueries } = await import("@/lib/server/query-log");

afterAll(() => smtp.close());

/** Delivers every message still queued and returns what arrived for `to`. */
async function deliverAllTo(to: string): Promise<ParsedMail[]> {
  const queued = await db().mailMessage.findMany({ where: { status: "QUEUED" }, select: { id: true } });
  for (const m of queued) await deliverMail(m.id);
  return smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === to);
}

const linkIn = (mail: ParsedMail, path: string) => {
  const m = new RegExp(`https://conduct\\.example\\.test/${path}/([A-Za-z0-9_-]+)`).exec(mail.text ?? "");
  expect(m, `a /${path}/ link in:\n${mail.text}`).not.toBeNull();
  expect(mail.html).toContain(`href="${m![0]}"`);
  return m![1]!;
};

describe("invitation e-mail", () => {
  it("carries the same link the admin copies, and the link lets a new person join", async () => {
    const s = await buildOrgScenario(db(), { name: "Invite Org" });
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const { token, emailedTo } = await createInvitation(admin, { role: "MANAGER", email: "newbie@example.test" });
    expect(emailedTo).toBe("newbie@example.test");
    const [mail] = await deliverAllTo("newbie@example.test");
    expect(mail!.subject).toBe(`${s.admin.user.name} invited you to Invite Org on Conduct`);
    expect(mail!.text).toContain("as a manager");
    expect(mail!.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false); // essential mail
    const fromMail = linkIn(mail!, "invite");
    expect(fromMail).toBe(token);
    expect(await previewInvitation(fromMail)).toMatchObject({ organizationName: "Invite Org", role: "MANAGER" });
    await acceptInvitationAsNewUser({
      token: fromMail,
      name: "New Bie",
      email: "newbie@example.test",
      password: "a-long-new-passphrase",
    });
    // A brand-new account gets no "you were added" message: it just joined itself.
    expect(await db().mailMessage.count({ where: { toAddress: "newbie@example.test" } })).toBe(1);
    // Without an address, only the link: no message.
    const before = await db().mailMessage.count();
    expect((await createInvitation(admin, { role: "MEMBER" })).emailedTo).toBeNull();
    expect(await db().mailMessage.count()).toBe(before);
  });

  it("goes to every person of a CSV import, all or none", async () => {
    const s = await buildOrgScenario(db(), { name: "Bulk Org" });
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const links = await commitInvitationImport(
      admin,
      `email,name,role,teams\nbulk1@example.test,Bulk One,Member,${s.team.name}\nbulk2@example.test,Bulk Two,Manager,\n`,
    );
    for (const l of links) {
      const [mail] = await deliverAllTo(l.email);
      expect(linkIn(mail!, "invite")).toBe(l.token);
    }
    const count = await db().mailMessage.count({ where: { organizationId: s.org.id } });
    await expect(
      commitInvitationImport(admin, "email,name,role,teams\nbulk3@example.test,Bulk Three,Nonsense,\n"),
    ).rejects.toThrow(/Nothing was imported/);
    expect(await db().mailMessage.count({ where: { organizationId: s.org.id } })).toBe(count);
  });

  it("tells an existing account it was added to the organisation", async () => {
    const s = await buildOrgScenario(db(), { name: "Second Home" });
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const existing = await buildUser(db(), { email: "existing@example.test", name: "Exi Sting" });
    const { token } = await createInvitation(admin, { role: "MEMBER" });
    await acceptInvitation(existing.id, token);
    const [mail] = await deliverAllTo("existing@example.test");
    expect(mail!.subject).toBe("You were added to Second Home");
    expect(mail!.text).toContain("Hello Exi Sting,");
    expect(mail!.text).toContain("You are now a member of Second Home on Conduct.");
    expect(await db().mailMessage.findFirst({ where: { toAddress: "existing@example.test" } })).toMatchObject({
      organizationId: s.org.id,
      userId: existing.id,
      kind: "member.added",
      status: "SENT",
    });
  });
});

describe("password reset e-mail", () => {
  it("sends the admin's link when asked; the link from the mail works once", async () => {
    const s = await buildOrgScenario(db(), { name: "Reset Org" });
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const { emailedTo } = await createPasswordReset(admin, s.member.membership.id, { email: true });
    expect(emailedTo).toBe(s.member.user.email);
    const [mail] = await deliverAllTo(s.member.user.email);
    expect(mail!.subject).toBe("Reset your Conduct password");
    expect(mail!.text).toContain(`${s.admin.user.name} made you a link`);
    const token = linkIn(mail!, "reset-password");
    expect(await db().mailMessage.findFirst({ where: { toAddress: s.member.user.email } })).toMatchObject({
      organizationId: s.org.id,
    });
    await resetPassword(token, "brand-new-passphrase");
    expect(await authenticate(s.member.user.email, "brand-new-passphrase")).not.toBeNull();
    await expect(resetPassword(token, "another-passphrase")).rejects.toThrow(/already used/);
    // Without the box ticked: the link only.
    expect((await createPasswordReset(admin, s.member.membership.id)).emailedTo).toBeNull();
  });

  it("answers 'forgot password' the same for any address, and mails only an account's owner, in no outbox", async () => {
    const user = await buildUser(db(), { email: "forgetful@example.test", name: "Flo Forgetful" });
    // The request does the same database work for an account's address as for an unknown one: it records the
    // attempt, checks the throttle and queues the job that looks the address up (so its timing tells nothing).
    const known = await captureQueries(() => requestPasswordReset("forgetful@example.test", "203.0.113.5"));
    const unknown = await captureQueries(() => requestPasswordReset("nobody-here@example.test", "203.0.113.5"));
    // The throttle's counts run concurrently, so on a pool their order varies: compare the statements as a set.
    const statements = (run: typeof known) => run.queries.map((q) => q.sql).sort();
    expect(statements(known)).toEqual(statements(unknown));
    expect(await db().passwordReset.count({ where: { userId: user.id } })).toBe(0);
    expect(await runQueuedJobs("account.reset-mail")).toBe(2);
    expect(await db().mailMessage.count({ where: { toAddress: "nobody-here@example.test" } })).toBe(0);
    const [mail] = await deliverAllTo("forgetful@example.test");
    expect(mail!.text).toContain("Someone (we hope you) asked");
    const row = await db().mailMessage.findFirstOrThrow({ where: { toAddress: "forgetful@example.test" } });
    expect(row).toMatchObject({ organizationId: null, userId: user.id, kind: "password-reset", status: "SENT" });
    expect(
      await db().passwordReset.findFirst({
        where: { userId: user.id },
        select: { organizationId: true, createdById: true },
      }),
    ).toEqual({ organizationId: null, createdById: null });
    const token = linkIn(mail!, "reset-password");
    expect(await resetLinkUsable(token)).toBe(true);
    await resetPassword(token, "remembered-at-last");
    expect(await authenticate("forgetful@example.test", "remembered-at-last")).not.toBeNull();
    expect(await resetLinkUsable(token)).toBe(false);
  });

  it("is throttled per client address (said) and per e-mail address (silently)", async () => {
    await buildUser(db(), { email: "flooded@example.test" });
    // Per e-mail: after the limit, the same answer and no more messages, from any address.
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL + 2; i++)
      await requestPasswordReset("flooded@example.test", `198.51.100.${i}`);
    await runQueuedJobs("account.reset-mail");
    expect(await db().mailMessage.count({ where: { toAddress: "flooded@example.test" } })).toBe(
      RESET_REQUESTS_PER_EMAIL,
    );
    // Per address: refused, with a message that says nothing about any account.
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i++)
      await requestPasswordReset(`guess${i}@example.test`, "192.0.2.77");
    await expect(requestPasswordReset("flooded@example.test", "192.0.2.77")).rejects.toThrow(
      RESET_REQUEST_LIMIT_MESSAGE,
    );
    await expect(requestPasswordReset("nobody@example.test", "192.0.2.77")).rejects.toThrow(
      RESET_REQUEST_LIMIT_MESSAGE,
    );
    // Another address is not held.
    await requestPasswordReset("other@example.test", "192.0.2.78");
  });
});
