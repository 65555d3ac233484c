import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createCue } from "@/lib/server/data/cues";
import { sendCueTest } from "@/lib/server/notify/cue-test";
import { stopBoss } from "@/lib/server/jobs/boss";
import { NotFoundError } from "@/lib/server/errors";
import { CueInput } from "@/lib/schemas/cues";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

// "Send a test now" on a cue (issue 17): to its webhook, and by e-mail to the caller only, outside the send ledger.

afterAll(() => stopBoss());

async function scenario() {
  const s = await buildOrgScenario(db());
  const leader = await contextFor(s.leader.user.id, s.org.id);
  const hook = await db().webhook.create({
    data: {
      organizationId: s.org.id,
      name: "Support channel",
      url: "https://hooks.slack.com/services/T/B/x",
      format: "SLACK",
      secret: "whsec_dGVzdA==",
      events: [],
    },
  });
  const cue = (over: Record<string, unknown>) =>
    createCue(
      leader,
      CueInput.parse({
        behaviourId: s.behaviour.id,
        message: "Before closing a ticket, ask the customer to confirm the fix",
        weekdays: ["1"],
        localTime: "09:00",
        enabled: "on",
        ...over,
      }),
    );
  return { s, leader, hook, cue };
}

describe("sending a cue now, as a test", () => {
  it("goes to its webhook and to the caller's own address, never to the teams, and leaves the ledger alone", async () => {
    const { s, leader, hook, cue } = await scenario();
    const id = await cue({ email: "on", webhookId: hook.id });
    expect(await sendCueTest(leader, id)).toEqual({ sentTo: ["Support channel", leader.email] });
    const mails = await db().mailMessage.findMany({ where: { organizationId: s.org.id } });
    expect(mails.map((m) => [m.toAddress, m.subject])).toEqual([[leader.email, `Test: Cue: ${s.behaviour.title}`]]);
    expect(mails[0]!.text).toContain(`/log?behaviour=${s.behaviour.id}`);
    const deliveries = await db().webhookDelivery.findMany({ where: { organizationId: s.org.id } });
    expect(deliveries.map((d) => [d.webhookId, d.event])).toEqual([[hook.id, "cue"]]);
    expect(deliveries[0]!.body).toContain(`/log?behaviour=${s.behaviour.id}`);
    expect(await db().notificationSend.count({ where: { organizationId: s.org.id } })).toBe(0);
  });

  it("says why when the cue goes nowhere or its webhook is off; another organisation's cue is missing", async () => {
    const { s, leader, hook, cue } = await scenario();
    const other = await scenario();
    // The form never saves a cue that goes nowhere; one switched to nowhere by its webhook's removal can be.
    const nowhere = await db().behaviourCue.create({
      data: { organizationId: s.org.id, behaviourId: s.behaviour.id, message: "x", weekdays: [1], localTime: "09:00" },
    });
    await expect(sendCueTest(leader, nowhere.id)).rejects.toThrow(/goes nowhere yet/);
    const viaHook = await cue({ webhookId: hook.id });
    await db().webhook.update({ where: { id: hook.id }, data: { enabled: false } });
    await expect(sendCueTest(leader, viaHook)).rejects.toThrow(/switched off/);
    const foreign = await other.cue({ email: "on" });
    await expect(sendCueTest(leader, foreign)).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendCueTest(leader, "cnotacueofours0000000000")).rejects.toBeInstanceOf(NotFoundError);
    const orgs = { organizationId: { in: [s.org.id, other.s.org.id] } };
    expect(await db().mailMessage.count({ where: orgs })).toBe(0);
    expect(await db().webhookDelivery.count({ where: orgs })).toBe(0);
  });
});
