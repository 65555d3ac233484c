import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { sendMyDigestNow } from "@/lib/server/notify/digest-preview";
import { stopBoss } from "@/lib/server/jobs/boss";
import { RuleError } from "@/lib/server/errors";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

// "Send me this week's digest now" (issue 17): the caller's own digest, to them alone, at most once a minute.

afterAll(() => stopBoss());

describe("sending one's own digest now", () => {
  it("writes this week's digest to the caller only, once a minute however often they click", async () => {
    const s = await buildOrgScenario(db());
    const member = await contextFor(s.member.user.id, s.org.id);
    const manager = await contextFor(s.manager.user.id, s.org.id);
    // Nothing logged, nothing waiting for the member: their digest would be empty, and none is sent.
    await expect(sendMyDigestNow(member)).rejects.toThrow(/would be empty/);
    await db().actionItem.create({
      data: {
        organizationId: s.org.id,
        title: "Call the logistics customer back",
        ownerId: member.membershipId,
        createdById: manager.membershipId,
      },
    });

    const now = new Date("2026-12-01T18:00:10.000Z");
    const results = await Promise.allSettled([1, 2, 3].map(() => sendMyDigestNow(member, now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => r.reason instanceof RuleError && /a moment ago/.test(r.reason.message))).toEqual([
      true,
      true,
    ]);
    const mails = await db().mailMessage.findMany({ where: { organizationId: s.org.id } });
    expect(mails.map((m) => [m.toAddress, m.kind])).toEqual([[member.email, "digest"]]);
    expect(mails[0]!.text).toContain("Call the logistics customer back");
    expect(mails[0]!.headers).toHaveProperty("List-Unsubscribe");
    // A minute later it may be asked for again.
    await sendMyDigestNow(member, new Date(now.getTime() + 60_000));
    expect(await db().mailMessage.count({ where: { organizationId: s.org.id } })).toBe(2);
  });
});
