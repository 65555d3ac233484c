// The "mail.send" job end to end: queueMail commits the row and enqueues; a queue worker running the
// app's HANDLERS delivers it to a real SMTP server on loopback, and the row ends SENT, sent once.
import { afterAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { startLoopbackSmtp } from "../support/smtp";

const smtp = await startLoopbackSmtp();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://conduct.example.test";

const { database, db } = await import("@/lib/server/db");
const { runWorker } = await import("@/lib/server/jobs/worker");
const { stopBoss } = await import("@/lib/server/jobs/boss");
const { HANDLERS } = await import("@/lib/server/jobs/handlers");
const { queueMail } = await import("@/lib/server/mail/outbox");
const { renderMail } = await import("@/lib/domain/mail");
const { buildOrgScenario } = await import("../factories");

let worker: PgBoss | undefined;
afterAll(async () => {
  await worker?.stop({ graceful: true, wait: true, timeout: 10_000 });
  await stopBoss();
  await smtp.close();
});

describe("the mail.send job", () => {
  it("delivers a queued message through the app's handler, once", async () => {
    const s = await buildOrgScenario(db());
    worker = await runWorker(
      database().jobs,
      { "mail.send": HANDLERS["mail.send"]! },
      { pollingIntervalSeconds: 0.5, schedule: false },
    );
    const id = await queueMail({
      organizationId: s.org.id,
      toAddress: "job@example.test",
      kind: "invitation",
      subject: "Through the queue",
      ...renderMail({ paragraphs: ["Hello from the worker."] }),
    });
    await expect
      .poll(async () => (await db().mailMessage.findUniqueOrThrow({ where: { id } })).status, { timeout: 20_000 })
      .toBe("SENT");
    expect(smtp.received.filter((m) => m.subject === "Through the queue")).toHaveLength(1);
    expect((await db().mailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);
  });
});
