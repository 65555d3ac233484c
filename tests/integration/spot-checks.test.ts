// Issue 18 §3 on a real database: a team's target and participation, the honesty signals beside it,
// and spot checks (who may ask, the observer's inbox and Log pad, the two rates, cancelling).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { addDays, dayOf } from "@/lib/domain/dates";
import { SpotCheckInput } from "@/lib/schemas/spot-checks";
import { LogObservationInput } from "@/lib/schemas/observations";
import { setObservationTarget } from "@/lib/server/data/team-admin";
import { teamParticipation as participationOf, type TeamParticipationDto } from "@/lib/server/data/participation";
import {
  SPOT_CHECK_PAGE,
  cancelSpotCheck,
  getSpotCheck,
  listSpotChecks,
  maySpotCheck,
  requestSpotCheck,
} from "@/lib/server/data/spot-checks";
import { logObservation, logOptions } from "@/lib/server/data/observation-log";
import { listInbox } from "@/lib/server/data/inbox";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import {
  buildBehaviour,
  buildMember,
  buildObservations,
  buildOrgScenario,
  buildTeam,
  setGroupSize,
} from "../factories";
import { contextFor } from "./support/context";

let seq = 0;
const key = () => `spot-${Date.now().toString(36)}-${seq++}`;
const today = () => dayOf(new Date(), "UTC");

/** The figures of a team the minimum group size shows (these tests are about the figures, not that rule). */
async function teamParticipation(...args: Parameters<typeof participationOf>) {
  const p: TeamParticipationDto = await participationOf(...args);
  if (p.suppressed) throw new Error(`The team's figures are hidden (${p.suppressed}).`);
  return p;
}

async function scenario() {
  const s = await buildOrgScenario(db());
  // A team of two: the minimum group size (tested in group-size.test.ts) is off for these figures.
  await setGroupSize(db(), s.org.id, 1);
  const ctx = {
    admin: await contextFor(s.admin.user.id, s.org.id),
    leader: await contextFor(s.leader.user.id, s.org.id),
    manager: await contextFor(s.manager.user.id, s.org.id),
    member: await contextFor(s.member.user.id, s.org.id),
  };
  // The member and the manager are in the team; the leader is not.
  await db().teamMember.createMany({
    data: [s.member, s.manager].map((p) => ({
      organizationId: s.org.id,
      teamId: s.team.id,
      membershipId: p.membership.id,
    })),
  });
  const outsider = await buildMember(db(), s.org.id, "MEMBER");
  const observer = await contextFor(outsider.user.id, s.org.id);
  return { s, ...ctx, observer };
}

const log = (teamId: string, behaviourId: string, outcome: "performed" | "missed", anonymous = false) =>
  LogObservationInput.parse({ behaviourId, teamId, outcome, anonymous, idempotencyKey: key() });

describe("observation target and participation", () => {
  it("sets a team's weekly target, for those who manage teams only", async () => {
    const { s, admin, member } = await scenario();
    await setObservationTarget(admin, s.team.id, 10);
    expect((await teamParticipation(member, s.team.id)).target).toBe(10);
    await expect(setObservationTarget(member, s.team.id, 3)).rejects.toBeInstanceOf(ForbiddenError);
    await setObservationTarget(admin, s.team.id, null);
    expect((await teamParticipation(member, s.team.id)).target).toBeNull();
    const other = await buildOrgScenario(db());
    await expect(setObservationTarget(admin, other.team.id, 5)).rejects.toBeInstanceOf(NotFoundError);
    const events = await db().auditEvent.findMany({ where: { organizationId: s.org.id, action: "team.target" } });
    expect(events).toHaveLength(2);
  });

  it("counts members who logged in 14 days, anonymous entries apart, and this week against the target", async () => {
    const { s, admin, member, leader } = await scenario();
    await setObservationTarget(admin, s.team.id, 10);
    const base = { organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id };
    const now = new Date();
    await buildObservations(db(), [
      { ...base, observerId: s.member.membership.id, occurredAt: now },
      { ...base, observerId: s.member.membership.id, occurredAt: now, performed: 3, missed: 1 }, // a batch of 4
      { ...base, anonymous: true, occurredAt: now },
      { ...base, anonymous: true, occurredAt: now, performed: 0, missed: 1 },
      { ...base, observerId: s.leader.membership.id, occurredAt: now }, // not in the team
      // The manager logged 15 days ago: outside the window.
      { ...base, observerId: s.manager.membership.id, occurredAt: new Date(now.getTime() - 15 * 86_400_000) },
    ]);
    const p = await teamParticipation(leader, s.team.id, now);
    expect(p.current).toEqual({ members: 2, loggers: 1, rate: 0.5 });
    expect(p.unattributedEntries).toBe(2);
    // 1 + 4 + 1 + 1 + 1 opportunities today.
    expect(p.observed).toEqual({ performed: 6, opportunities: 8 });
    expect(p.weeks).toHaveLength(8);
    expect(p.weeks.at(-1)!.observations).toBe(8);
    expect(p.weeks.at(-1)!.target).toBe(10);
    expect(p.flag).toBeNull();
    // A member who is no longer active is not counted among the members.
    await db().membership.update({ where: { id: s.manager.membership.id }, data: { status: "DISABLED" } });
    expect((await teamParticipation(leader, s.team.id, now)).current).toEqual({ members: 1, loggers: 1, rate: 1 });
    await expect(teamParticipation(leader, (await buildOrgScenario(db())).team.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    void member;
  });

  it("flags near-perfect adoption on many observations, and shows honesty signals beside it", async () => {
    const { s, leader, manager } = await scenario();
    const start = Date.now() - 60 * 60_000 * 10;
    // 40 performed in a row, ten minutes apart: a streak (30+), not a burst; with 12 more: 52 of 52.
    await db().observation.createMany({
      data: Array.from({ length: 52 }, (_, i) => {
        const at = new Date(start + i * 10 * 60_000);
        return {
          organizationId: s.org.id,
          behaviourId: s.behaviour.id,
          teamId: s.team.id,
          observerId: s.member.membership.id,
          occurredAt: at,
          createdAt: at,
          performed: 1,
          missed: 0,
        };
      }),
    });
    // The leader, not in the team, has a streak elsewhere: not one of this team's signals.
    const elsewhere = await buildTeam(db(), s.org.id);
    await db().observation.createMany({
      data: Array.from({ length: 35 }, (_, i) => {
        const at = new Date(start + i * 10 * 60_000 + 1000);
        return {
          organizationId: s.org.id,
          behaviourId: s.behaviour.id,
          teamId: elsewhere.id,
          observerId: s.leader.membership.id,
          occurredAt: at,
          createdAt: at,
          performed: 1,
          missed: 0,
        };
      }),
    });
    const p = await teamParticipation(leader, s.team.id);
    expect(p.flag?.opportunities).toBe(52);
    expect(p.flag?.reason).toContain("100% adoption (52 of 52)");
    expect(p.honesty.streaks).toBe(1);
    // Leaders and managers see the counts, not the names: the guard names people, so admins only (decision 036).
    expect(p.honesty.flags).toBeNull();
    const admin = await teamParticipation(await contextFor(s.admin.user.id, s.org.id), s.team.id);
    expect(admin.honesty.flags).toHaveLength(1);
    expect(admin.honesty.flags?.[0]?.observerName).toBe(s.member.user.name);
    const seen = await teamParticipation(manager, s.team.id);
    expect(seen.honesty.streaks).toBe(1);
    expect(seen.honesty.flags).toBeNull();
  });
});

describe("spot checks", () => {
  const input = (s: { behaviour: { id: string } }, teamId: string, observerId: string, over = {}) =>
    SpotCheckInput.parse({ behaviourId: s.behaviour.id, teamId, observerId, startsOn: today(), ...over });

  it("lets leaders check any team and managers their own, tells the observer, and opens the pad to them", async () => {
    const { s, leader, manager, member, observer } = await scenario();
    const otherTeam = await buildTeam(db(), s.org.id);
    expect(await maySpotCheck(manager, s.team.id)).toBe(true);
    expect(await maySpotCheck(manager, otherTeam.id)).toBe(false);
    await expect(requestSpotCheck(manager, input(s, otherTeam.id, observer.membershipId))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(requestSpotCheck(member, input(s, s.team.id, observer.membershipId))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      requestSpotCheck(leader, input(s, s.team.id, observer.membershipId, { startsOn: addDays(today(), -1) })),
    ).rejects.toMatchObject({ field: "startsOn" });

    const before = await logOptions(observer);
    expect(before.teams.map((t) => t.id)).not.toContain(s.team.id);
    const id = await requestSpotCheck(leader, input(s, s.team.id, observer.membershipId));
    const check = await getSpotCheck(leader, id);
    expect(check.endsOn).toBe(addDays(today(), 6)); // a week, both ends included
    expect(check.status).toBe("running");

    const inbox = await listInbox(observer);
    expect(inbox.items[0]).toMatchObject({
      kind: "spot-check.requested",
      href: `/log?team=${s.team.id}&behaviour=${s.behaviour.id}`,
    });
    expect(inbox.items[0]!.title).toContain(s.behaviour.title);

    const options = await logOptions(observer);
    expect(options.teams).toContainEqual({ id: s.team.id, name: `${s.team.name} (spot check)` });
    await logObservation(observer, log(s.team.id, s.behaviour.id, "missed"));
    // Only the checked behaviour, and with their name.
    const other = await buildBehaviour(db(), {
      organizationId: s.org.id,
      valueId: s.value.id,
      ownerId: s.leader.membership.id,
    });
    await expect(logObservation(observer, log(s.team.id, other.id, "performed"))).rejects.toMatchObject({
      field: "behaviourId",
      message: "During your spot check you can log only its behaviour for this team.",
    });
    await expect(logObservation(observer, log(s.team.id, s.behaviour.id, "performed", true))).rejects.toBeInstanceOf(
      RuleError,
    );
    // The observer sees their own check; a member who is not the observer does not.
    expect((await getSpotCheck(observer, id)).isObserver).toBe(true);
    await expect(getSpotCheck(member, id)).rejects.toBeInstanceOf(ForbiddenError);

    // Cancelled: the pad closes again, and their unread request is done.
    await cancelSpotCheck(manager, id);
    expect((await getSpotCheck(leader, id)).status).toBe("cancelled");
    await expect(logObservation(observer, log(s.team.id, s.behaviour.id, "performed"))).rejects.toMatchObject({
      field: "teamId",
    });
    expect((await logOptions(observer)).teams.map((t) => t.id)).not.toContain(s.team.id);
    // Their request is done, and one new item says the check was called off, by whom, linking to it.
    const unread = (await listInbox(observer, { unreadOnly: true })).items;
    expect(unread.map((n) => [n.title, n.href])).toEqual([
      [`Spot check called off: “${s.behaviour.title}” in ${s.team.name}`, `/spot-checks/${id}`],
    ]);
    expect(unread[0]!.body).toContain(manager.userName);
  });

  it("of concurrent cancels one changes the check, and the observer is told once", async () => {
    const { s, leader, manager, observer } = await scenario();
    for (let round = 0; round < 8; round++) {
      const id = await requestSpotCheck(leader, input(s, s.team.id, observer.membershipId));
      await Promise.all([cancelSpotCheck(manager, id), cancelSpotCheck(leader, id), cancelSpotCheck(manager, id)]);
      const told = await db().notification.count({ where: { kind: "spot-check.cancelled", subjectId: id } });
      expect(told).toBe(1);
      expect(await db().auditEvent.count({ where: { action: "spot-check.cancel", targetId: id } })).toBe(1);
    }
  });

  it("sets the observer's rate beside the team's other entries of the behaviour in the same days", async () => {
    const { s, leader, member, observer } = await scenario();
    const id = await requestSpotCheck(leader, input(s, s.team.id, observer.membershipId));
    for (let i = 0; i < 5; i++) await logObservation(member, log(s.team.id, s.behaviour.id, "performed"));
    await logObservation(member, log(s.team.id, s.behaviour.id, "performed", true)); // anonymous: the team's
    await logObservation(observer, log(s.team.id, s.behaviour.id, "performed"));
    await logObservation(observer, log(s.team.id, s.behaviour.id, "missed"));
    await logObservation(observer, log(s.team.id, s.behaviour.id, "missed"));
    // Another team's entry, and one from before the check, stay out.
    const elsewhere = await buildTeam(db(), s.org.id);
    const base = { organizationId: s.org.id, behaviourId: s.behaviour.id };
    await buildObservations(db(), [
      { ...base, teamId: elsewhere.id, observerId: s.member.membership.id, performed: 0, missed: 1 },
      {
        ...base,
        teamId: s.team.id,
        observerId: s.member.membership.id,
        occurredAt: new Date(Date.now() - 3 * 86_400_000),
      },
    ]);
    const c = (await getSpotCheck(leader, id)).comparison!;
    expect(c.observer).toEqual({ performed: 1, opportunities: 3, rate: 1 / 3 });
    expect(c.team).toEqual({ performed: 6, opportunities: 6, rate: 1 });
    // Fisher (expected counts under 5), by hand: performed 1 + 6 = 7, missed 2 + 0 = 2, observer 3 of 9.
    // P(observer performed = x) = C(7, x)·C(2, 3 − x) / C(9, 3): P(1) = 7/84, P(2) = 42/84, P(3) = 35/84.
    // Only x = 1 is no likelier than the observed table, so p = 7/84.
    expect(c.test).toBe("Fisher exact");
    expect(c.pValue).toBeCloseTo(7 / 84, 10);
    expect(c.significant).toBe(false);
  });

  it("refuses other organisations' teams, behaviours and people, and pages its list", async () => {
    const { s, leader, observer } = await scenario();
    const other = await buildOrgScenario(db());
    await expect(requestSpotCheck(leader, input(s, other.team.id, observer.membershipId))).rejects.toMatchObject({
      field: "teamId",
    });
    await expect(requestSpotCheck(leader, input(s, s.team.id, other.member.membership.id))).rejects.toMatchObject({
      field: "observerId",
    });
    await expect(
      requestSpotCheck(leader, { ...input(s, s.team.id, observer.membershipId), behaviourId: other.behaviour.id }),
    ).rejects.toMatchObject({ field: "behaviourId" });

    const t = new Date();
    await db().spotCheck.createMany({
      data: Array.from({ length: SPOT_CHECK_PAGE + 1 }, (_, i) => ({
        organizationId: s.org.id,
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        observerId: observer.membershipId,
        startsOn: new Date(`${today()}T00:00:00Z`),
        endsOn: new Date(`${today()}T00:00:00Z`),
        createdAt: new Date(t.getTime() - i * 1000),
      })),
    });
    const first = await listSpotChecks(leader);
    expect(first.rows).toHaveLength(SPOT_CHECK_PAGE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listSpotChecks(leader, { before: first.nextCursor });
    expect(second.rows).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(SPOT_CHECK_PAGE + 1);
    expect((await listSpotChecks(await contextFor(other.admin.user.id, other.org.id))).rows).toHaveLength(0);
  });
});
