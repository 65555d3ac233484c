// Issue 21, a person's copy of their data: everything about the caller in this organisation, nothing about
// anyone else's entries, nothing of another organisation, and the download itself is on the audit trail.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { myData } from "@/lib/server/data/my-data";
import { buildMembership, buildObservations, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

describe("my data", () => {
  it("holds the caller's account, entries, recognitions, actions and audit events, and no one else's", async () => {
    const s = await buildOrgScenario(db(), { name: "Mine Org" });
    const other = await buildOrgScenario(db(), { name: "Other Org" });
    // The member also belongs to the other organisation, and logged there.
    const there = await buildMembership(db(), other.org.id, s.member.user.id, "MEMBER");
    const base = { organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id };
    await buildObservations(db(), [
      { ...base, observerId: s.member.membership.id, performed: 1, note: "Asked the customer to confirm" },
      { ...base, observerId: s.member.membership.id, performed: 0, missed: 1, note: "No time" },
      { ...base, observerId: s.manager.membership.id, performed: 1, note: "The manager's own entry" },
      { ...base, anonymous: true, performed: 1, note: "Someone anonymous" },
      {
        organizationId: other.org.id,
        behaviourId: other.behaviour.id,
        teamId: other.team.id,
        observerId: there.id,
        note: "Logged in the other organisation",
      },
    ]);
    await db().recognition.create({
      data: {
        organizationId: s.org.id,
        giverId: s.manager.membership.id,
        recipientMembershipId: s.member.membership.id,
        behaviourId: s.behaviour.id,
        act: "Confirmed the fix with the customer",
        customerEffect: "The customer stopped chasing",
      },
    });
    await db().actionItem.create({
      data: {
        organizationId: s.org.id,
        title: "Call the three open accounts",
        ownerId: s.member.membership.id,
        createdById: s.manager.membership.id,
      },
    });
    await db().auditEvent.create({
      data: { organizationId: s.org.id, actorUserId: s.member.user.id, action: "auth.sign-in", outcome: "ok" },
    });
    await db().auditEvent.create({
      data: { organizationId: s.org.id, actorUserId: s.manager.user.id, action: "auth.sign-in", outcome: "ok" },
    });

    const ctx = await contextFor(s.member.user.id, s.org.id);
    const doc = await myData(ctx);
    expect(doc.account).toMatchObject({ name: s.member.user.name, email: s.member.user.email });
    expect(doc.account.organisations.map((o) => o.name).sort()).toEqual([other.org.name, s.org.name].sort());
    expect(doc.observationsLogged.map((o) => o.note).sort()).toEqual(["Asked the customer to confirm", "No time"]);
    expect(doc.recognitionsReceived).toEqual([
      expect.objectContaining({ act: "Confirmed the fix with the customer", to: s.member.user.name }),
    ]);
    expect(doc.recognitionsGiven).toEqual([]);
    expect(doc.actionsOwned.map((a) => a.title)).toEqual(["Call the three open accounts"]);
    expect(doc.auditEvents.map((a) => a.action)).toEqual(["auth.sign-in"]);
    const text = JSON.stringify(doc);
    for (const foreign of ["The manager's own entry", "Someone anonymous", "Logged in the other organisation"])
      expect(text).not.toContain(foreign);
    expect(text).not.toContain(s.manager.user.email);

    // The download is recorded (a security event, kept whatever the audit retention).
    expect(
      await db().auditEvent.count({
        where: { organizationId: s.org.id, action: "privacy.export", actorUserId: s.member.user.id },
      }),
    ).toBe(1);
  });
});
