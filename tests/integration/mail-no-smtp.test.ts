// Without SMTP_URL (the embedded default) every message stays in the outbox: nothing is queued for
// sending, and delivery leaves it alone.
import { describe, expect, it } from "vitest";

delete process.env.SMTP_URL;
process.env.APP_URL = "https://conduct.example.test";

const { db } = await import("@/lib/server/db");
const { deliverMail, queueMail, nudgeMail } = await import("@/lib/server/mail/outbox");
const { mailSettings } = await import("@/lib/server/mail/settings");
const { requestPasswordReset } = await import("@/lib/server/data/password-resets");
const { createInvitation } = await import("@/lib/server/data/members");
const { listOutbox } = await import("@/lib/server/mail/outbox-read");
const { buildOrgScenario, buildUser } = await import("../factories");
const { contextFor } = await import("./support/context");
const { runQueuedJobs } = await import("./support/run-jobs");

describe("mail with no SMTP server configured", () => {
  it("keeps every message in the outbox, where the organisation's admins read it", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    expect(await mailSettings(admin)).toEqual({ mailMode: "SEND", smtpConfigured: false });
    await createInvitation(admin, { role: "MEMBER", email: "kept@example.test" });
    const id = await queueMail({
      organizationId: s.org.id,
      toAddress: "x@example.test",
      kind: "digest",
      subject: "Digest",
      text: "t",
      html: "<p>t</p>",
      unsubscribe: { membershipId: s.member.membership.id, kind: "DIGEST" },
    });
    await nudgeMail([id]);
    await deliverMail(id);
    const rows = await db().mailMessage.findMany({
      where: { organizationId: s.org.id },
      select: { status: true, attempts: true, toAddress: true, headers: true },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.toAddress, r.status, r.attempts])).toEqual([
      ["kept@example.test", "OUTBOX", 0],
      ["x@example.test", "OUTBOX", 0],
    ]);
    expect(rows[1]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    const page = await listOutbox(admin);
    expect(page.rows.map((r) => r.subject)).toEqual([
      "Digest",
      `${s.admin.user.name} invited you to ${s.org.name} on Conduct`,
    ]);

    // Account mail: kept too, and in nobody's outbox.
    await buildUser(db(), { email: "self@example.test" });
    await requestPasswordReset("self@example.test", "203.0.113.9");
    await runQueuedJobs("account.reset-mail");
    expect(await db().mailMessage.findFirst({ where: { toAddress: "self@example.test" } })).toMatchObject({
      organizationId: null,
      status: "OUTBOX",
    });
    expect((await listOutbox(admin)).rows).toHaveLength(2);
  });
});
