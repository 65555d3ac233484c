import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { GRACE_MS, runNotificationsTick } from "@/lib/server/notify/tick";
import { dateOnly } from "@/lib/domain/dates";
import {
  buildBehaviour,
  buildMember,
  buildMembership,
  buildObservations,
  buildOrgScenario,
  buildUser,
  setGroupSize,
} from "../factories";

// Issue 17's "done when": cues, the digest and reminders computed in the organisation's zone across Europe/London's
// change to summer time (Sunday 2026-03-29, 01:00 UTC), none missing and none twice; the ledger holds when the tick
// runs concurrently or again after a restart.

const FIVE_MIN = 5 * 60 * 1000;

async function londonOrg() {
  const s = await buildOrgScenario(db());
  // Teams of one or two: these tests are about other rules (the minimum group size: group-size.test.ts).
  await setGroupSize(db(), s.org.id, 1);
  await db().organization.update({ where: { id: s.org.id }, data: { timeZone: "Europe/London", weekStartsOn: 1 } });
  const p = db();
  // The team: the member, a member who turned cues and digests off, and a disabled member.
  const quiet = await buildMember(p, s.org.id, "MEMBER", { name: "Quiet Person" });
  const gone = await buildUser(p, { name: "Gone Person" });
  const goneMembership = await buildMembership(p, s.org.id, gone.id, "MEMBER", "DISABLED");
  const loner = await buildMember(p, s.org.id, "MEMBER", { name: "No Team" });
  await p.teamMember.createMany({
    data: [s.member.membership.id, quiet.membership.id, goneMembership.id].map((membershipId) => ({
      organizationId: s.org.id,
      teamId: s.team.id,
      membershipId,
    })),
  });
  await p.notificationPreference.createMany({
    data: (["CUE", "DIGEST", "ACTION_REMINDER", "RITUAL_REMINDER"] as const).map((kind) => ({
      organizationId: s.org.id,
      membershipId: quiet.membership.id,
      kind,
      channel: "NONE" as const,
    })),
  });
  // Something to read: last week's observations of the behaviour by the team.
  await buildObservations(p, [
    {
      organizationId: s.org.id,
      behaviourId: s.behaviour.id,
      teamId: s.team.id,
      occurredAt: new Date("2026-03-25T10:00:00Z"),
      performed: 3,
      missed: 1,
    },
  ]);
  const hook = await p.webhook.create({
    data: {
      organizationId: s.org.id,
      name: "Team channel",
      url: "https://hooks.example.com/t",
      format: "STANDARD",
      secret: "whsec_dGVzdA==",
      events: ["digest", "reminder", "cue"],
    },
  });
  return { s, quiet, goneMembership, loner, hook };
}

async function mails(orgId: string, kind?: string) {
  return db().mailMessage.findMany({
    where: { organizationId: orgId, ...(kind ? { kind } : {}) },
    select: { kind: true, toAddress: true, subject: true, text: true },
    orderBy: [{ kind: "asc" }, { toAddress: "asc" }, { subject: "asc" }],
  });
}

async function sends(orgId: string, kind: string) {
  return db().notificationSend.findMany({
    where: { organizationId: orgId, kind, recipient: { not: "*" } },
    select: { subjectId: true, recipient: true, period: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { recipient: "asc" }],
  });
}

describe("the notifications tick across Europe/London's change to summer time", () => {
  it("sends each digest, cue and reminder exactly once, at the right local time", async () => {
    const { s, quiet, goneMembership, hook } = await londonOrg();
    const p = db();
    const org = s.org.id;
    const daily = await p.behaviourCue.create({
      data: {
        organizationId: org,
        behaviourId: s.behaviour.id,
        message: "Before closing a ticket, ask the customer to confirm the fix",
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        localTime: "09:00",
        email: true,
      },
    });
    // 01:30 on the Sunday of the change does not exist in London: it goes at 02:00 BST (01:00 UTC).
    const night = await p.behaviourCue.create({
      data: {
        organizationId: org,
        behaviourId: s.behaviour.id,
        message: "Night shift: confirm the fix",
        weekdays: [7],
        localTime: "01:30",
        email: true,
        webhookId: hook.id,
      },
    });
    await p.behaviourCue.create({
      data: {
        organizationId: org,
        behaviourId: s.behaviour.id,
        message: "Switched off",
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        localTime: "10:00",
        email: true,
        enabled: false,
      },
    });
    const due = await p.actionItem.create({
      data: {
        organizationId: org,
        title: "Book the staging slot",
        ownerId: s.member.membership.id,
        createdById: s.manager.membership.id,
        dueOn: dateOnly("2026-03-30"),
      },
    });
    const late = await p.actionItem.create({
      data: {
        organizationId: org,
        title: "Write the runbook",
        ownerId: s.member.membership.id,
        createdById: s.manager.membership.id,
        dueOn: dateOnly("2026-03-20"),
      },
    });
    const ritual = await p.ritual.create({
      data: {
        organizationId: org,
        kind: "TEAM_CHECK_IN",
        title: "Monday check-in",
        teamId: s.team.id,
        cadence: "WEEKLY",
        weekday: 1,
        startTime: "09:30",
        startsOn: dateOnly("2026-03-02"),
        facilitatorId: s.manager.membership.id,
        createdById: s.manager.membership.id,
        participants: { create: [{ organizationId: org, membershipId: s.member.membership.id }] },
      },
    });

    // Every five minutes from Friday 27 March 00:00 UTC to Tuesday 31 March 23:55 UTC.
    const start = Date.parse("2026-03-27T00:00:00Z");
    const end = Date.parse("2026-04-01T00:00:00Z");
    for (let t = start; t < end; t += FIVE_MIN) await runNotificationsTick(new Date(t), { orgIds: [org] });

    // The digest: Monday 30 March 08:00 BST = 07:00 UTC, once per person with something to read.
    const digests = await sends(org, "digest");
    expect(digests.map((d) => d.createdAt.toISOString())).toEqual(digests.map(() => "2026-03-30T07:00:00.000Z"));
    expect(new Set(digests.map((d) => d.period))).toEqual(new Set(["2026-W14"]));
    const digestMail = await mails(org, "digest");
    expect(digestMail.map((m) => m.toAddress).sort()).toEqual(
      [s.admin.user.email, s.leader.user.email, s.manager.user.email, s.member.user.email].sort(),
    );
    const memberDigest = digestMail.find((m) => m.toAddress === s.member.user.email)!;
    expect(memberDigest.text).toContain(`${s.behaviour.title}: 3 of 4 performed (75%)`);
    expect(memberDigest.text).toContain("Book the staging slot");
    expect(memberDigest.text).not.toContain("Coverage gaps"); // a member's digest has no organisation figures
    const managerDigest = digestMail.find((m) => m.toAddress === s.manager.user.email)!;
    expect(managerDigest.text).toContain("Adoption changes");
    expect(managerDigest.text).toContain("Overdue actions (1)");

    // The daily cue at 09:00 local: GMT on Friday and Saturday, BST from Sunday. Only the member gets it by mail
    // (the quiet member chose none, the disabled member gets nothing).
    const cueSends = await sends(org, "cue");
    const dailyTimes = cueSends
      .filter((c) => c.subjectId === daily.id)
      .map((c) => [c.period, c.createdAt.toISOString()]);
    expect(dailyTimes).toEqual([
      ["2026-03-27", "2026-03-27T09:00:00.000Z"],
      ["2026-03-28", "2026-03-28T09:00:00.000Z"],
      ["2026-03-29", "2026-03-29T08:00:00.000Z"],
      ["2026-03-30", "2026-03-30T08:00:00.000Z"],
      ["2026-03-31", "2026-03-31T08:00:00.000Z"],
    ]);
    expect(new Set(cueSends.filter((c) => c.subjectId === daily.id).map((c) => c.recipient))).toEqual(
      new Set([s.member.membership.id]),
    );
    const nightSends = cueSends.filter((c) => c.subjectId === night.id);
    expect(nightSends.map((c) => [c.recipient, c.createdAt.toISOString()])).toEqual([
      [s.member.membership.id, "2026-03-29T01:00:00.000Z"],
      [`webhook:${hook.id}`, "2026-03-29T01:00:00.000Z"],
    ]);
    const cueMail = await mails(org, "cue");
    expect(cueMail).toHaveLength(6);
    expect(cueMail.every((m) => m.toAddress === s.member.user.email)).toBe(true);
    expect(cueMail[0]!.text).toContain(`/log?behaviour=${s.behaviour.id}`);

    // The meeting reminder the day before (Sunday 09:00 BST), to the facilitator and the participant.
    const ritualSends = await sends(org, "ritual-reminder");
    expect(ritualSends.map((r) => [r.subjectId, r.period, r.createdAt.toISOString()])).toEqual([
      [ritual.id, "2026-03-30", "2026-03-29T08:00:00.000Z"],
      [ritual.id, "2026-03-30", "2026-03-29T08:00:00.000Z"],
      [ritual.id, "2026-03-30", "2026-03-29T08:00:00.000Z"],
    ]);
    expect(new Set(ritualSends.map((r) => r.recipient))).toEqual(
      new Set([s.manager.membership.id, s.member.membership.id, "webhooks"]),
    );

    // Actions: due today once (Monday 09:00 BST); overdue at most once a week (the late one on Friday of W13 and
    // Monday of W14; Monday's, once it is overdue on Tuesday).
    const dueSends = await sends(org, "action-due");
    expect(dueSends.map((r) => [r.subjectId, r.period, r.createdAt.toISOString()])).toEqual([
      [due.id, "2026-03-30", "2026-03-30T08:00:00.000Z"],
    ]);
    const lateSends = await sends(org, "action-overdue");
    expect(lateSends.map((r) => [r.subjectId, r.period, r.createdAt.toISOString()])).toEqual([
      [late.id, "2026-W13", "2026-03-27T09:00:00.000Z"],
      [late.id, "2026-W14", "2026-03-30T08:00:00.000Z"],
      [due.id, "2026-W14", "2026-03-31T08:00:00.000Z"],
    ]);

    // Nobody who turned a kind off, or was disabled, received anything; every mail has its one ledger row.
    const all = await mails(org);
    expect(all.some((m) => m.toAddress === quiet.user.email)).toBe(false);
    const goneUser = await p.membership.findUniqueOrThrow({ where: { id: goneMembership.id }, select: { user: true } });
    expect(all.some((m) => m.toAddress === goneUser.user.email)).toBe(false);
    const personal = await p.notificationSend.count({
      where: {
        organizationId: org,
        recipient: { notIn: ["*", "webhooks"] },
        NOT: { recipient: { startsWith: "webhook:" } },
      },
    });
    expect(all).toHaveLength(personal);

    // The chat channel: the night cue, the meeting reminder and the digest, once each.
    const deliveries = await p.webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { event: true } });
    expect(deliveries.map((d) => d.event).sort()).toEqual(["cue", "digest", "reminder"]);
  }, 600_000);
});

describe("the send ledger", () => {
  const DIGEST_AT = new Date("2026-03-30T07:00:00Z");

  it("sends once when many ticks run at the same moment", async () => {
    const { s } = await londonOrg();
    const runs = await Promise.all(
      Array.from({ length: 8 }, () => runNotificationsTick(DIGEST_AT, { orgIds: [s.org.id] })),
    );
    expect(runs.reduce((n, r) => n + r.mails, 0)).toBe(4);
    const digestMail = await mails(s.org.id, "digest");
    expect(digestMail).toHaveLength(4);
    expect(new Set(digestMail.map((m) => m.toAddress)).size).toBe(4);
    expect(await db().webhookDelivery.count({ where: { organizationId: s.org.id, event: "digest" } })).toBe(1);
  }, 120_000);

  it("sends nothing twice after a restart that lost the end-of-run marker", async () => {
    const { s } = await londonOrg();
    await runNotificationsTick(DIGEST_AT, { orgIds: [s.org.id] });
    expect(await mails(s.org.id, "digest")).toHaveLength(4);
    // As if the process died after the sends committed and before the run was marked done.
    await db().notificationSend.deleteMany({ where: { organizationId: s.org.id, recipient: "*" } });
    const again = await runNotificationsTick(new Date(DIGEST_AT.getTime() + FIVE_MIN), { orgIds: [s.org.id] });
    expect(again.mails).toBe(0);
    expect(await mails(s.org.id, "digest")).toHaveLength(4);
  });

  it("sends a slot late within the grace window, and drops it after", async () => {
    const late = await londonOrg();
    const r = await runNotificationsTick(new Date(DIGEST_AT.getTime() + GRACE_MS - FIVE_MIN), {
      orgIds: [late.s.org.id],
    });
    expect((await mails(late.s.org.id, "digest")).length).toBe(4);
    expect(r.mails).toBeGreaterThanOrEqual(4);
    const stale = await londonOrg();
    await runNotificationsTick(new Date(DIGEST_AT.getTime() + GRACE_MS + FIVE_MIN), { orgIds: [stale.s.org.id] });
    expect(await mails(stale.s.org.id, "digest")).toHaveLength(0);
  });

  it("sends no digest to a person with nothing to read", async () => {
    const { s, loner } = await londonOrg();
    await runNotificationsTick(DIGEST_AT, { orgIds: [s.org.id] });
    const to = (await mails(s.org.id, "digest")).map((m) => m.toAddress);
    expect(to).not.toContain(loner.user.email);
    // An organisation with nothing at all sends no digest.
    const empty = await buildOrgScenario(db());
    await db().behaviour.update({ where: { id: empty.behaviour.id }, data: { status: "RETIRED" } });
    await db().team.update({ where: { id: empty.team.id }, data: { archivedAt: new Date() } });
    await runNotificationsTick(DIGEST_AT, { orgIds: [empty.org.id] });
    expect(await mails(empty.org.id, "digest")).toHaveLength(0);
  });

  it("leaves a cue of an archived behaviour unsent, and keeps organisations apart", async () => {
    const a = await londonOrg();
    const b = await londonOrg();
    const retired = await buildBehaviour(
      db(),
      { organizationId: a.s.org.id, valueId: a.s.value.id, ownerId: a.s.leader.membership.id },
      { title: "Retired one", status: "RETIRED" },
    );
    await db().behaviourCue.createMany({
      data: [
        {
          organizationId: a.s.org.id,
          behaviourId: retired.id,
          message: "x",
          weekdays: [1],
          localTime: "09:00",
          email: true,
        },
        {
          organizationId: a.s.org.id,
          behaviourId: a.s.behaviour.id,
          message: "Ask first",
          weekdays: [1],
          localTime: "09:00",
          email: true,
        },
      ],
    });
    await runNotificationsTick(new Date("2026-03-30T08:00:00Z"), { orgIds: [a.s.org.id, b.s.org.id] });
    const cueMail = await mails(a.s.org.id, "cue");
    expect(cueMail.map((m) => m.subject)).toEqual([`Cue: ${a.s.behaviour.title}`]);
    expect(await mails(b.s.org.id, "cue")).toHaveLength(0);
  });
});
