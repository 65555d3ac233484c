// Retention (issue 17): finished e-mails and webhook deliveries older than 90 days and ledger rows
// older than 60 go; anything still waiting to be sent stays, however old.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { RETENTION, pruneOldRecords } from "@/lib/server/jobs/prune";
import { buildOrganization } from "../factories";

const DAY = 86_400_000;

describe("pruning old records", () => {
  it("deletes only finished rows past their retention", async () => {
    const org = await buildOrganization(db());
    const now = new Date("2026-12-01T03:37:00.000Z");
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const mail = (subject: string, status: "SENT" | "OUTBOX" | "FAILED" | "QUEUED", createdAt: Date) =>
      db().mailMessage.create({
        data: {
          organizationId: org.id,
          kind: "digest",
          toAddress: "a@example.com",
          subject,
          text: "t",
          html: "t",
          status,
          createdAt,
        },
      });
    await mail("old sent", "SENT", ago(RETENTION.mailDays + 1));
    await mail("old outbox", "OUTBOX", ago(RETENTION.mailDays + 30));
    await mail("old but waiting", "QUEUED", ago(RETENTION.mailDays + 30));
    await mail("recent", "SENT", ago(RETENTION.mailDays - 1));
    const hook = await db().webhook.create({
      data: {
        organizationId: org.id,
        name: "w",
        url: "https://hooks.example.com/x",
        format: "STANDARD",
        secret: "whsec_x",
      },
    });
    const delivery = (event: string, status: "DELIVERED" | "FAILED" | "PENDING", createdAt: Date) =>
      db().webhookDelivery.create({
        data: { organizationId: org.id, webhookId: hook.id, event, body: "{}", status, createdAt },
      });
    await delivery("old delivered", "DELIVERED", ago(RETENTION.deliveryDays + 1));
    await delivery("old pending", "PENDING", ago(RETENTION.deliveryDays + 1));
    await delivery("recent", "FAILED", ago(1));
    await db().notificationSend.createMany({
      data: [
        {
          organizationId: org.id,
          kind: "digest",
          recipient: "m1",
          period: "2026-W30",
          createdAt: ago(RETENTION.ledgerDays + 1),
        },
        { organizationId: org.id, kind: "digest", recipient: "m1", period: "2026-W48", createdAt: ago(2) },
      ],
    });

    expect(await pruneOldRecords(now)).toEqual({ mail: 2, deliveries: 1, ledger: 1 });
    const left = await db().mailMessage.findMany({ where: { organizationId: org.id }, orderBy: { subject: "asc" } });
    expect(left.map((m) => m.subject)).toEqual(["old but waiting", "recent"]);
    const deliveries = await db().webhookDelivery.findMany({
      where: { organizationId: org.id },
      orderBy: { event: "asc" },
    });
    expect(deliveries.map((d) => d.event)).toEqual(["old pending", "recent"]);
    expect((await db().notificationSend.findMany({ where: { organizationId: org.id } })).map((n) => n.period)).toEqual([
      "2026-W48",
    ]);
    expect(await pruneOldRecords(now)).toEqual({ mail: 0, deliveries: 0, ledger: 0 });
  });
});
