// A large organisation's time-zone change (docs/decisions/027): above the inline limit the admin's request only
// records the change; the "observations.rezone" job applies it once, with exactly the inline path's result, audits it
// as the admin and tells them in their inbox. The limit is injected (3 observations) rather than inserting 50,000
// rows per test; time-zones.test.ts runs 100,004 observations through the default limit and the job.
import { afterAll, describe, expect, it } from "vitest";
import { db, database } from "@/lib/server/db";
import { setOrganizationCalendar } from "@/lib/server/data/organization-settings";
import { applyCalendarChange, nudgeCalendarChanges, pendingCalendarChange } from "@/lib/server/data/calendar-change";
import { listInbox } from "@/lib/server/data/inbox";
import { logBatch } from "@/lib/server/data/observation-log";
import { boss, stopBoss } from "@/lib/server/jobs/boss";
import { SWEEP_AFTER_MS, sweepOutboxes } from "@/lib/server/jobs/sweep";
import { ForbiddenError, RuleError } from "@/lib/server/errors";
import type { MemberContext } from "@/lib/server/data/accounts";
import { contextFor } from "./support/context";
import { runQueuedJobs } from "./support/run-jobs";
import { dayOnlyDays, key, NOW, scenario, summaryAndRaw, weekly } from "./support/time-zone-scenario";

afterAll(() => stopBoss());

const LARGE = { inlineLimit: 3 }; // the scenario has 4 observations
const LA = { timeZone: "America/Los_Angeles", weekStartsOn: 7 } as const;

const jobsFor = (changeId: string) =>
  database().sql.query<{ state: string; org: string }>(
    `SELECT state::text AS state, data->>'organizationId' AS org FROM pgboss.job
      WHERE name = 'observations.rezone' AND data->>'changeId' = $1`,
    [changeId],
  );

const changeOf = async (orgId: string) =>
  db().calendarChange.findUnique({ where: { organizationId: orgId }, select: { id: true, requestedById: true } });

/** What a reader of the organisation sees: its calendar, weekly totals, day-only days and the summary's rows. */
async function figures(ctx: MemberContext, behaviourId: string) {
  const now = await contextFor(ctx.userId, ctx.orgId);
  const { summary, raw } = await summaryAndRaw(ctx.orgId, now.timeZone);
  return {
    calendar: [now.timeZone, now.weekStartsOn],
    weekly: await weekly(now, behaviourId),
    days: await dayOnlyDays(ctx.orgId, now.timeZone),
    summary: summary.map((r) => ({ ...r, k: r.k.split("/")[2] })),
    summaryMatchesRaw: JSON.stringify(summary) === JSON.stringify(raw),
  };
}

const audits = (orgId: string, action: string) =>
  db().auditEvent.findMany({ where: { organizationId: orgId, action }, select: { actorUserId: true, details: true } });

describe("a large organisation's time-zone change runs as a job", () => {
  it("records the change and leaves every figure as it was until the job runs", async () => {
    const { s, admin, member } = await scenario();
    const before = await figures(member, s.behaviour.id);
    const result = await setOrganizationCalendar(admin, LA, LARGE);
    expect(result).toMatchObject({
      state: "pending",
      change: { timeZone: "America/Los_Angeles", weekStartsOn: 7, requestedBy: s.admin.user.name },
    });
    expect(await figures(member, s.behaviour.id)).toEqual(before);
    const change = await changeOf(s.org.id);
    expect(change?.requestedById).toBe(admin.membershipId);
    // Queued after the commit, for this organisation.
    expect(await jobsFor(change!.id)).toEqual([{ state: "created", org: s.org.id }]);
    expect(await pendingCalendarChange(admin)).toEqual(result.state === "pending" ? result.change : null);
    expect(await audits(s.org.id, "organization.calendar.requested")).toEqual([
      {
        actorUserId: admin.userId,
        details: {
          from: { timeZone: "UTC", weekStartsOn: 1 },
          to: { timeZone: "America/Los_Angeles", weekStartsOn: 7 },
        },
      },
    ]);
    expect(await audits(s.org.id, "organization.calendar")).toEqual([]);
    // An entry logged meanwhile is bucketed in the old zone, and moved with the rest when the job runs.
    await logBatch(
      member,
      {
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        note: "",
        anonymous: false,
        performed: 1,
        opportunities: 1,
        occurredOn: "2026-10-27",
        idempotencyKey: key(),
      },
      NOW,
    );
    expect((await figures(member, s.behaviour.id)).calendar).toEqual(["UTC", 1]);
  });

  it("refuses a second change while one waits, beside the zone field, even a new week start alone", async () => {
    const { s, admin } = await scenario();
    await setOrganizationCalendar(admin, LA, LARGE);
    for (const next of [
      { timeZone: "Pacific/Auckland", weekStartsOn: 1 },
      { timeZone: "UTC", weekStartsOn: 3 },
    ] as const) {
      const refused = await setOrganizationCalendar(admin, next).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RuleError);
      expect((refused as RuleError).field).toBe("timeZone");
      expect((refused as RuleError).message).toMatch(
        /^The time zone is still changing to America\/Los_Angeles \(asked /,
      );
    }
    expect(await db().calendarChange.count({ where: { organizationId: s.org.id } })).toBe(1);
    // Once the job has run, the admin may change it again (a small change is applied at once).
    expect(await runQueuedJobs("observations.rezone")).toBeGreaterThanOrEqual(1);
    expect(await setOrganizationCalendar(admin, { timeZone: "UTC", weekStartsOn: 1 })).toEqual({
      state: "applied",
      rezoned: 2,
    });
  });

  it("applies exactly what the inline path applies, audits it as the admin, and tells them in their inbox", async () => {
    const inline = await scenario();
    const queued = await scenario();
    expect(await setOrganizationCalendar(inline.admin, LA)).toEqual({ state: "applied", rezoned: 2 });
    await setOrganizationCalendar(queued.admin, LA, LARGE);
    expect(await runQueuedJobs("observations.rezone")).toBeGreaterThanOrEqual(1);

    const want = await figures(inline.member, inline.s.behaviour.id);
    const got = await figures(queued.member, queued.s.behaviour.id);
    expect(got).toEqual(want);
    expect(got.calendar).toEqual(["America/Los_Angeles", 7]);
    expect(got.summaryMatchesRaw).toBe(true);
    // Sunday weeks in Los Angeles: both timed entries and the batch of the 25th fall in the week of Sunday 25.
    expect(got.weekly).toEqual({ "2026-10-25": "9/16" });
    const [inlineOk, queuedOk] = await Promise.all([
      db().observation.findMany({
        where: { organizationId: inline.s.org.id, dayOnly: true },
        orderBy: { occurredAt: "asc" },
        select: { occurredAt: true },
      }),
      db().observation.findMany({
        where: { organizationId: queued.s.org.id, dayOnly: true },
        orderBy: { occurredAt: "asc" },
        select: { occurredAt: true },
      }),
    ]);
    expect(queuedOk).toEqual(inlineOk);

    expect(await changeOf(queued.s.org.id)).toBeNull();
    expect(await pendingCalendarChange(queued.admin)).toBeNull();
    const [event] = await audits(queued.s.org.id, "organization.calendar");
    expect(event).toMatchObject({
      actorUserId: queued.admin.userId,
      details: {
        from: { timeZone: "UTC", weekStartsOn: 1 },
        to: { timeZone: "America/Los_Angeles", weekStartsOn: 7 },
        dayOnlyObservationsMoved: 2,
        byJob: true,
      },
    });
    const inbox = await listInbox(queued.admin);
    expect(inbox.items.map((i) => [i.title, i.href])).toEqual([
      ["The time zone is now America/Los_Angeles", "/settings#calendar-heading"],
    ]);
    // Nobody else was told, and the inline path tells nobody (the admin saw it happen).
    expect(await listInbox(await contextFor(queued.s.member.user.id, queued.s.org.id))).toMatchObject({ items: [] });
    expect((await listInbox(inline.admin)).items).toEqual([]);
  });

  it("applies once however often the job runs: again, duplicated, or at the same time", async () => {
    const { s, admin, member } = await scenario();
    await setOrganizationCalendar(admin, LA, LARGE);
    const change = (await changeOf(s.org.id))!;
    await nudgeCalendarChanges([change.id]); // a duplicate nudge (the sweep, a retry)
    const results = await Promise.all([
      applyCalendarChange(change.id),
      applyCalendarChange(change.id),
      applyCalendarChange(change.id),
    ]);
    expect(results.filter((r) => r.applied)).toEqual([{ applied: true, rezoned: 2 }]);
    const after = await figures(member, s.behaviour.id);
    // The queued jobs find nothing left to do; so does a job run later still.
    await runQueuedJobs("observations.rezone");
    expect(await applyCalendarChange(change.id)).toEqual({ applied: false, rezoned: 0 });
    expect(await figures(member, s.behaviour.id)).toEqual(after);
    expect(await audits(s.org.id, "organization.calendar")).toHaveLength(1);
    expect(await db().notification.count({ where: { organizationId: s.org.id, kind: "calendar.changed" } })).toBe(1);
  });

  it("keeps the change to its own organisation: another cannot see it, is not held by it, and cannot steer its job", async () => {
    const a = await scenario();
    const b = await scenario();
    await setOrganizationCalendar(a.admin, LA, LARGE);
    const change = (await changeOf(a.s.org.id))!;
    expect(await pendingCalendarChange(b.admin)).toBeNull();
    await expect(pendingCalendarChange(a.member)).rejects.toThrow(ForbiddenError);
    const bBefore = await figures(b.member, b.s.behaviour.id);
    // A job whose data names organisation B still applies A's change to A only: the change row decides.
    const instance = await boss();
    await instance.send("observations.rezone", { organizationId: b.s.org.id, changeId: change.id });
    await runQueuedJobs("observations.rezone");
    expect((await figures(a.member, a.s.behaviour.id)).calendar).toEqual(["America/Los_Angeles", 7]);
    expect(await figures(b.member, b.s.behaviour.id)).toEqual(bBefore);
    expect(await listInbox(b.admin)).toMatchObject({ items: [] });
    // B changes its own calendar freely meanwhile (small: at once).
    expect(await setOrganizationCalendar(b.admin, { timeZone: "Pacific/Auckland", weekStartsOn: 1 })).toMatchObject({
      state: "applied",
    });
  });

  it("is queued again by the outbox sweep when its job was lost", async () => {
    const { s, admin } = await scenario();
    await setOrganizationCalendar(admin, LA, LARGE);
    const change = (await changeOf(s.org.id))!;
    await database().sql.query(`DELETE FROM pgboss.job WHERE data->>'changeId' = $1`, [change.id]);
    const later = new Date(Date.now() + SWEEP_AFTER_MS + 60_000);
    expect((await sweepOutboxes(later)).calendarChanges).toBe(1);
    expect(await jobsFor(change.id)).toEqual([{ state: "created", org: s.org.id }]);
    expect((await sweepOutboxes(later)).calendarChanges).toBe(0);
    await runQueuedJobs("observations.rezone");
    expect(await changeOf(s.org.id)).toBeNull();
  });
});
