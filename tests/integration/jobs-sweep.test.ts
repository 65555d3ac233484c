// The outbox sweep (docs/decisions/018): a QUEUED e-mail or PENDING webhook delivery whose job was
// lost (a crash between commit and enqueue) gets a new job; one whose job is waiting to retry does not.
import { afterAll, describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { boss, stopBoss } from "@/lib/server/jobs/boss";
import { SWEEP_AFTER_MS, sweepOutboxes } from "@/lib/server/jobs/sweep";
import { buildOrganization } from "../factories";

afterAll(() => stopBoss());

const jobsFor = async (queue: string, key: string, id: string) =>
  database().sql.query<{ state: string }>(
    `SELECT state::text AS state FROM pgboss.job WHERE name = $1 AND data->>$2 = $3`,
    [queue, key, id],
  );

describe("the outbox sweep", () => {
  it("re-queues only the rows whose job is gone, once", async () => {
    const org = await buildOrganization(db());
    const now = new Date();
    const old = new Date(now.getTime() - SWEEP_AFTER_MS - 60_000);
    const mail = (subject: string, createdAt: Date) =>
      db().mailMessage.create({
        data: {
          organizationId: org.id,
          kind: "invitation",
          toAddress: "ada@example.com",
          subject,
          text: "t",
          html: "<p>t</p>",
          createdAt,
        },
        select: { id: true },
      });
    const lost = await mail("lost", old);
    const fresh = await mail("fresh", now);
    const retrying = await mail("retrying", old);
    const instance = await boss();
    const job = await instance.send("mail.send", { organizationId: org.id, messageId: retrying.id }, { retryLimit: 3 });
    await instance.fail("mail.send", job!, new Error("451 later")); // now waiting for its retry
    const webhook = await db().webhook.create({
      data: {
        organizationId: org.id,
        name: "w",
        url: "https://hooks.example.com/x",
        format: "STANDARD",
        secret: "whsec_x",
      },
    });
    const delivery = await db().webhookDelivery.create({
      data: { organizationId: org.id, webhookId: webhook.id, event: "test", body: "{}", createdAt: old },
    });

    expect(await sweepOutboxes(now)).toEqual({ mail: 1, webhooks: 1, calendarChanges: 0 });
    expect(await jobsFor("mail.send", "messageId", lost.id)).toEqual([{ state: "created" }]);
    expect(await jobsFor("mail.send", "messageId", fresh.id)).toEqual([]);
    expect(await jobsFor("mail.send", "messageId", retrying.id)).toEqual([{ state: "retry" }]);
    expect(await jobsFor("webhook.deliver", "deliveryId", delivery.id)).toEqual([{ state: "created" }]);
    // A second sweep finds their jobs queued and adds none.
    expect(await sweepOutboxes(now)).toEqual({ mail: 0, webhooks: 0, calendarChanges: 0 });
  });
});
