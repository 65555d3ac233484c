// The outbox against a real SMTP server on loopback (docs/decisions/019): what arrives, retries,
// giving up, no double send under a race, OUTBOX mode never connecting, unsubscribe links that work.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startLoopbackSmtp } from "../support/smtp";

const smtp = await startLoopbackSmtp();
// Before anything reads the configuration (serverEnv() caches it).
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = "Conduct Test <conduct@example.test>";
process.env.APP_URL = "https://conduct.example.test";

const { db } = await import("@/lib/server/db");
const { deliverMail, MailDeliveryError, queueMail } = await import("@/lib/server/mail/outbox");
const { recipientsFor } = await import("@/lib/server/mail/recipients");
const { unsubscribe, unsubscribeTarget, myNotificationSettings, setNotificationDefault } =
  await import("@/lib/server/mail/settings");
const { listOutbox, outboxMessage, OUTBOX_PAGE_SIZE } = await import("@/lib/server/mail/outbox-read");
const { MAIL_MAX_ATTEMPTS, renderMail } = await import("@/lib/domain/mail");
const { NotFoundError, ForbiddenError } = await import("@/lib/server/errors");
const { buildMember, buildOrgScenario } = await import("../factories");
const { contextFor } = await import("./support/context");

afterAll(() => smtp.close());
beforeEach(() => {
  smtp.refuse = () => null;
});

async function scenario() {
  const s = await buildOrgScenario(db());
  return { s, admin: await contextFor(s.admin.user.id, s.org.id) };
}

const body = (line: string) => renderMail({ greeting: "Hello,", paragraphs: [line] });

describe("the mail outbox over SMTP", () => {
  it("delivers a non-essential message with both parts, its headers and an unsubscribe link that works", async () => {
    const { s, admin } = await scenario();
    const before = smtp.received.length;
    const id = await queueMail({
      organizationId: s.org.id,
      userId: s.member.user.id,
      toAddress: s.member.user.email,
      kind: "digest",
      subject: "Your week <in> Conduct",
      ...body("Three behaviours & one barrier <b>need</b> you."),
      unsubscribe: { membershipId: s.member.membership.id, kind: "DIGEST" },
    });
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
      status: "QUEUED",
    });
    await deliverMail(id);
    expect(smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.from?.text).toBe('"Conduct Test" <conduct@example.test>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe(s.member.user.email);
    expect(mail.subject).toBe("Your week <in> Conduct");
    expect(mail.messageId).toBe(`<${id}@example.test>`);
    expect(mail.text).toContain("Three behaviours & one barrier <b>need</b> you.");
    expect(mail.html).toContain("Three behaviours &amp; one barrier &lt;b&gt;need&lt;/b&gt; you.");
    expect(mail.html).not.toContain("<b>need</b>");

    const listUnsubscribe = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    const fromHeader = /<(https:\/\/conduct\.example\.test\/unsubscribe\/([^>/]+))\/one-click>/.exec(listUnsubscribe);
    expect(fromHeader).not.toBeNull();
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    // The same link, visible in both parts.
    expect(mail.text).toContain(`Unsubscribe: ${fromHeader![1]}`);
    expect(mail.html).toContain(`href="${fromHeader![1]}"`);

    const row = await db().mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null, smtpMessageId: `<${id}@example.test>` });

    // The link names this person and kind; looking at it changes nothing, the one-click POST does.
    const token = decodeURIComponent(fromHeader![2]!);
    expect(await unsubscribeTarget(token)).toMatchObject({ kind: "DIGEST", organisationName: s.org.name });
    expect((await recipientsFor(s.org.id, "DIGEST", [s.member.membership.id])).length).toBe(1);
    await unsubscribe(token);
    await unsubscribe(token); // twice is fine
    expect(await recipientsFor(s.org.id, "DIGEST", [s.member.membership.id])).toEqual([]);
    expect((await recipientsFor(s.org.id, "CUE", [s.member.membership.id])).length).toBe(1);
    const mine = await myNotificationSettings(await contextFor(s.member.user.id, s.org.id));
    expect(mine.find((k) => k.kind === "DIGEST")).toMatchObject({ personal: "NONE", effective: "NONE" });
    // A forged or altered token is not found.
    await expect(unsubscribe(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(unsubscribe(token.replace("DIGEST", "CUE"))).rejects.toBeInstanceOf(NotFoundError);
    void admin;
  });

  it("retries after a refusal, and sends once when delivery runs again afterwards", async () => {
    const { s } = await scenario();
    smtp.refuse = (n) => (n === 1 ? 451 : null);
    const dataBefore = smtp.received.length;
    const id = await queueMail({
      organizationId: s.org.id,
      toAddress: "someone@example.test",
      kind: "invitation",
      subject: "Retry me",
      ...body("Hello again."),
    });
    // The refusal counts from this test's first DATA command.
    let commands = 0;
    smtp.refuse = () => (++commands === 1 ? 451 : null);
    await expect(deliverMail(id)).rejects.toBeInstanceOf(MailDeliveryError);
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "QUEUED",
      attempts: 1,
      sentAt: null,
    });
    expect((await db().mailMessage.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/451/);
    await deliverMail(id);
    await deliverMail(id); // already SENT: nothing happens
    expect(smtp.received.length).toBe(dataBefore + 1);
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("marks a message FAILED after the last attempt, and at once on a permanent refusal", async () => {
    const { s } = await scenario();
    smtp.refuse = () => 451;
    const id = await queueMail({
      organizationId: s.org.id,
      toAddress: "a@example.test",
      kind: "invitation",
      subject: "Never",
      ...body("x"),
    });
    for (let i = 1; i < MAIL_MAX_ATTEMPTS; i++) await expect(deliverMail(id)).rejects.toBeInstanceOf(MailDeliveryError);
    await deliverMail(id); // the last attempt records the failure and stops the retries
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: MAIL_MAX_ATTEMPTS,
    });
    await deliverMail(id);
    expect((await db().mailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(MAIL_MAX_ATTEMPTS);

    smtp.refuse = () => 550;
    const permanent = await queueMail({
      organizationId: s.org.id,
      toAddress: "b@example.test",
      kind: "invitation",
      subject: "No such mailbox",
      ...body("x"),
    });
    await deliverMail(permanent);
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id: permanent } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
    });
  });

  it("never sends a message twice when two workers deliver it at the same moment", async () => {
    const { s } = await scenario();
    for (let round = 0; round < 25; round++) {
      const before = smtp.received.length;
      const id = await queueMail({
        organizationId: s.org.id,
        toAddress: `race${round}@example.test`,
        kind: "invitation",
        subject: `Race ${round}`,
        ...body("x"),
      });
      await Promise.all([deliverMail(id), deliverMail(id), deliverMail(id)]);
      expect(smtp.received.length - before).toBe(1);
      expect(smtp.received.at(-1)!.subject).toBe(`Race ${round}`);
      expect(await db().mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "SENT",
        attempts: 1,
      });
    }
  });

  it("keeps everything in the outbox, without connecting, when the organisation chose the outbox", async () => {
    const { s } = await scenario();
    await db().organization.update({ where: { id: s.org.id }, data: { mailMode: "OUTBOX" } });
    const connections = smtp.connections;
    const id = await queueMail({
      organizationId: s.org.id,
      toAddress: "kept@example.test",
      kind: "invitation",
      subject: "Kept",
      ...body("x"),
    });
    await deliverMail(id);
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "OUTBOX",
      attempts: 0,
    });

    // Queued while sending, then the organisation switched: it stays in the outbox, unsent.
    await db().organization.update({ where: { id: s.org.id }, data: { mailMode: "SEND" } });
    const queued = await queueMail({
      organizationId: s.org.id,
      toAddress: "late@example.test",
      kind: "invitation",
      subject: "Late",
      ...body("x"),
    });
    await db().organization.update({ where: { id: s.org.id }, data: { mailMode: "OUTBOX" } });
    await deliverMail(queued);
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id: queued } })).toMatchObject({ status: "OUTBOX" });
    expect(smtp.connections).toBe(connections);
  });

  it("writes inside a caller's transaction only, so a rolled-back change leaves no message", async () => {
    const { s } = await scenario();
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(
          { organizationId: s.org.id, toAddress: "tx@example.test", kind: "invitation", subject: "Tx", ...body("x") },
          { tx },
        );
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db().mailMessage.count({ where: { organizationId: s.org.id } })).toBe(0);
  });
});

describe("who gets mail", () => {
  it("follows the person's choice, else the organisation's default; nobody disabled or of another organisation", async () => {
    const { s, admin } = await scenario();
    const other = await buildOrgScenario(db());
    const ids = [s.member.membership.id, s.manager.membership.id, s.leader.membership.id, other.member.membership.id];
    expect((await recipientsFor(s.org.id, "RECOGNITION", ids)).map((r) => r.membershipId).sort()).toEqual(
      [s.member.membership.id, s.manager.membership.id, s.leader.membership.id].sort(),
    );
    await db().membership.update({ where: { id: s.leader.membership.id }, data: { status: "DISABLED" } });
    await db().notificationPreference.create({
      data: { organizationId: s.org.id, membershipId: s.leader.membership.id, kind: "RECOGNITION", channel: "EMAIL" },
    });
    await setNotificationDefault(admin, "RECOGNITION", "NONE");
    await db().notificationPreference.create({
      data: { organizationId: s.org.id, membershipId: s.manager.membership.id, kind: "RECOGNITION", channel: "EMAIL" },
    });
    expect(await recipientsFor(s.org.id, "RECOGNITION", ids)).toEqual([
      {
        membershipId: s.manager.membership.id,
        userId: s.manager.user.id,
        email: s.manager.user.email,
        name: s.manager.user.name,
      },
    ]);
    // The other organisation's default is its own.
    expect((await recipientsFor(other.org.id, "RECOGNITION", [other.member.membership.id])).length).toBe(1);
    await expect(
      setNotificationDefault(await contextFor(s.manager.user.id, s.org.id), "DIGEST", "NONE"),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the outbox pages' data", () => {
  it("lists this organisation's messages newest first, a page at a time, and never account mail", async () => {
    const { s, admin } = await scenario();
    const other = await buildOrgScenario(db());
    const at = new Date("2026-11-30T10:00:00Z");
    await db().mailMessage.createMany({
      data: Array.from({ length: OUTBOX_PAGE_SIZE * 2 + 5 }, (_, i) => ({
        organizationId: s.org.id,
        kind: "invitation",
        toAddress: `p${i}@example.test`,
        subject: `Message ${i}`,
        text: "t",
        html: "<p>t</p>",
        status: "OUTBOX" as const,
        // Many share a time: the id breaks the tie, so no row is skipped or repeated between pages.
        createdAt: new Date(at.getTime() + Math.floor(i / 10) * 1000),
      })),
    });
    const foreign = await queueMail({
      organizationId: other.org.id,
      toAddress: "x@example.test",
      kind: "invitation",
      subject: "Theirs",
      ...body("x"),
    });
    await queueMail({
      organizationId: null,
      toAddress: s.admin.user.email,
      kind: "password-reset",
      subject: "Account",
      ...body("x"),
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listOutbox(admin, cursor);
      seen.push(...page.rows.map((r) => r.subject));
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.length).toBe(OUTBOX_PAGE_SIZE * 2 + 5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain("Theirs");
    expect(seen).not.toContain("Account");
    expect(seen[seen.length - 1]).toMatch(/^Message [0-9]$/);

    await expect(outboxMessage(admin, foreign)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOutbox(await contextFor(s.member.user.id, s.org.id))).rejects.toBeInstanceOf(ForbiddenError);
    const first = (await listOutbox(admin)).rows[0]!;
    const detail = await outboxMessage(admin, first.id);
    expect(detail.headers.map((h) => h.name)).toEqual(["From", "To", "Subject"]);
    await buildMember(db(), s.org.id, "MEMBER");
  });
});
