import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db, database } from "@/lib/server/db";
import { logBatch, logObservation } from "@/lib/server/data/observation-log";
import { REZONE_INLINE_LIMIT, setOrganizationCalendar } from "@/lib/server/data/organization-settings";
import { applyCalendarChange } from "@/lib/server/data/calendar-change";
import { stopBoss } from "@/lib/server/jobs/boss";
import { setOwnTimeZone } from "@/lib/server/data/profile";
import { ForbiddenError, RuleError } from "@/lib/server/errors";
import { dayOf, middayOf, type TimeZone, type WeekStartsOn } from "@/lib/domain/dates";
import { OrganizationCalendarInput, PersonalTimeZoneInput } from "@/lib/schemas/calendar";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildObservations } from "../factories";
import { contextFor } from "./support/context";
import { dayOnlyDays, key, NOW, scenario, summaryAndRaw, weekly } from "./support/time-zone-scenario";

afterAll(() => stopBoss());

async function rezone(admin: MemberContext, timeZone: TimeZone, weekStartsOn: WeekStartsOn = 1) {
  const result = await setOrganizationCalendar(admin, { timeZone, weekStartsOn });
  return { result, ctx: await contextFor(admin.userId, admin.orgId) };
}

describe("organisation time zones", () => {
  it("starts every organisation in UTC with Monday weeks, so existing figures do not move", async () => {
    const { s, member } = await scenario();
    expect([member.timeZone, member.weekStartsOn, member.displayTimeZone]).toEqual(["UTC", 1, "UTC"]);
    // UTC days: the Los Angeles Sunday evening is a UTC Monday (this week); the Auckland Monday morning a UTC Sunday.
    expect(await weekly(member, s.behaviour.id)).toEqual({ "2026-10-19": "3/5", "2026-10-26": "6/11" });
    expect(await dayOnlyDays(s.org.id, "UTC")).toEqual(["2026-10-25", "2026-10-26"]);
    const stored = await db().observation.findMany({
      where: { organizationId: s.org.id, dayOnly: true },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true, source: true },
    });
    expect(stored).toEqual([
      { occurredAt: new Date("2026-10-25T12:00:00Z"), source: "BATCH" },
      { occurredAt: new Date("2026-10-26T12:00:00Z"), source: "BATCH" },
    ]);
    const { summary, raw } = await summaryAndRaw(s.org.id, "UTC");
    expect(summary).toEqual(raw);
  });

  it("re-buckets weekly totals in Los Angeles and Auckland: timed entries move to their local day, day-only ones keep theirs", async () => {
    const { s, admin, member } = await scenario();
    const other = await scenario(); // another organisation, left in UTC
    const before = await weekly(member, s.behaviour.id);

    const la = await rezone(admin, "America/Los_Angeles");
    expect(la.result).toEqual({ state: "applied", rezoned: 2 });
    const laMember = await contextFor(member.userId, s.org.id);
    expect(laMember.timeZone).toBe("America/Los_Angeles");
    // Los Angeles: the Sunday-evening entry is on Sunday 25 (last week), and so is the Auckland Monday morning
    // (Sunday noon here); the day-only entries stay on Sunday 25 and Monday 26.
    expect(await weekly(laMember, s.behaviour.id)).toEqual({ "2026-10-19": "4/6", "2026-10-26": "5/10" });
    expect(await dayOnlyDays(s.org.id, "America/Los_Angeles")).toEqual(["2026-10-25", "2026-10-26"]);
    const laStored = await db().observation.findMany({
      where: { organizationId: s.org.id, dayOnly: true },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true },
    });
    expect(laStored.map((o) => o.occurredAt)).toEqual([
      middayOf("2026-10-25", "America/Los_Angeles"),
      middayOf("2026-10-26", "America/Los_Angeles"),
    ]);
    let check = await summaryAndRaw(s.org.id, "America/Los_Angeles");
    expect(check.summary).toEqual(check.raw);

    const nz = await rezone(admin, "Pacific/Auckland");
    expect(nz.result).toEqual({ state: "applied", rezoned: 2 });
    // Auckland: both timed entries are on Monday 26 (this week); the day-only ones still on their own days.
    expect(await weekly(nz.ctx, s.behaviour.id)).toEqual({ "2026-10-19": "3/4", "2026-10-26": "6/12" });
    expect(await dayOnlyDays(s.org.id, "Pacific/Auckland")).toEqual(["2026-10-25", "2026-10-26"]);
    check = await summaryAndRaw(s.org.id, "Pacific/Auckland");
    expect(check.summary).toEqual(check.raw);

    // Back to UTC: the same totals as before, to the entry.
    const back = await rezone(admin, "UTC");
    expect(await weekly(back.ctx, s.behaviour.id)).toEqual(before);
    expect(await dayOnlyDays(s.org.id, "UTC")).toEqual(["2026-10-25", "2026-10-26"]);

    // The other organisation was never touched.
    expect(await weekly(other.member, other.s.behaviour.id)).toEqual(before);
    check = await summaryAndRaw(other.s.org.id, "UTC");
    expect(check.summary).toEqual(check.raw);
  });

  it("keeps the summary in the organisation's day for every write after the change (insert, update, delete)", async () => {
    const { s, admin, base } = await scenario();
    const { ctx } = await rezone(admin, "Pacific/Auckland");
    const member = await contextFor(s.member.user.id, s.org.id);
    // 23:59 on Wednesday 28 October in Auckland is 10:59 UTC the same day; 00:30 Thursday is 11:30 UTC on Wednesday.
    await logObservation(
      member,
      { ...base, outcome: "performed", idempotencyKey: key() },
      new Date("2026-10-28T10:59:00Z"),
    );
    const late = await logObservation(
      member,
      { ...base, outcome: "missed", idempotencyKey: key() },
      new Date("2026-10-28T11:30:00Z"),
    );
    await buildObservations(db(), [
      { organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id, occurredAt: NOW, performed: 2 },
    ]);
    await db().observation.update({ where: { id: late.id }, data: { occurredAt: new Date("2026-10-29T12:00:00Z") } });
    let check = await summaryAndRaw(s.org.id, ctx.timeZone);
    expect(check.summary).toEqual(check.raw);
    const days = await db().observationDaily.findMany({
      where: { organizationId: s.org.id, day: { gte: new Date("2026-10-28T00:00:00Z") } },
      orderBy: { day: "asc" },
      select: { day: true, performed: true, missed: true },
    });
    // Wednesday 28: the 23:59 entry; Thursday 29: the created-as-NOW batch (04:00 Thursday in Auckland); Friday 30:
    // the moved entry (01:00 Friday in Auckland).
    expect(days.map((d) => [dayOf(d.day), d.performed, d.missed])).toEqual([
      ["2026-10-28", 1, 0],
      ["2026-10-29", 2, 0],
      ["2026-10-30", 0, 1],
    ]);
    await db().observation.deleteMany({ where: { organizationId: s.org.id, source: "LOG" } });
    check = await summaryAndRaw(s.org.id, ctx.timeZone);
    expect(check.summary).toEqual(check.raw);
  });

  it("logs a day in the organisation's zone: midday there, day-only, and today is the local today", async () => {
    const { s, admin, base } = await scenario();
    await rezone(admin, "Pacific/Auckland");
    const member = await contextFor(s.member.user.id, s.org.id);
    // 20:00 UTC on Wednesday 28 is already Thursday 29 in Auckland: Thursday is today there, Friday is the future.
    const evening = new Date("2026-10-28T20:00:00Z");
    const logged = await logBatch(
      member,
      { ...base, performed: 1, opportunities: 1, occurredOn: "2026-10-29", idempotencyKey: key() },
      evening,
    );
    const row = await db().observation.findUniqueOrThrow({
      where: { id: logged.id },
      select: { occurredAt: true, dayOnly: true },
    });
    expect(row).toEqual({ occurredAt: new Date("2026-10-28T23:00:00Z"), dayOnly: true });
    await expect(
      logBatch(
        member,
        { ...base, performed: 1, opportunities: 1, occurredOn: "2026-10-30", idempotencyKey: key() },
        evening,
      ),
    ).rejects.toThrow(RuleError);
    // A moment logged without a date is timed, not day-only.
    const now = await logBatch(member, { ...base, performed: 1, opportunities: 2, idempotencyKey: key() }, evening);
    expect(
      await db().observation.findUniqueOrThrow({ where: { id: now.id }, select: { dayOnly: true, occurredAt: true } }),
    ).toEqual({ dayOnly: false, occurredAt: evening });
  });

  // Two connections at once: PostgreSQL only (the embedded database runs one transaction at a time, so there the
  // race cannot happen).
  it.runIf(process.env.CONDUCT_TEST_DB === "postgres")(
    "buckets an entry written while the zone changes in the new zone (the change waits for it)",
    async () => {
      const { s, admin } = await scenario();
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        // An entry whose write is still open when the change starts: 20:00 UTC on the 28th is the 29th in Auckland.
        await other.query("BEGIN");
        await other.query(
          `INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "occurredAt", "performed",
                                      "missed", "createdAt", "updatedAt")
           VALUES ('racing-entry', $1, $2, $3, '2026-10-28 20:00', 1, 0, now(), now())`,
          [s.org.id, s.behaviour.id, s.team.id],
        );
        const change = setOrganizationCalendar(admin, { timeZone: "Pacific/Auckland", weekStartsOn: 1 });
        await new Promise((resolve) => setTimeout(resolve, 500));
        await other.query("COMMIT");
        await change;
      } finally {
        await other.end();
      }
      const { summary, raw } = await summaryAndRaw(s.org.id, "Pacific/Auckland");
      expect(summary).toEqual(raw);
      expect(raw.some((r) => r.k.endsWith("/2026-10-29") && r.p === 1)).toBe(true);
    },
  );

  it("imports CSV days as day-only middays in the zone, and exports and filters by the zone's days", async () => {
    const { commitObservationImport, exportObservationsCsv } = await import("@/lib/server/data/observation-transfer");
    const { readText } = await import("./support/read-text");
    const { s, admin } = await scenario();
    const { ctx } = await rezone(admin, "Pacific/Auckland");
    const manager = await contextFor(s.manager.user.id, s.org.id);
    const csv = `date,team,behaviour,performed,missed,note\n2026-10-20,${s.team.name},${s.behaviour.title},4,1,\n`;
    expect(await commitObservationImport(manager, csv)).toBe(1);
    const imported = await db().observation.findFirstOrThrow({
      where: { organizationId: s.org.id, source: "IMPORT" },
      select: { occurredAt: true, dayOnly: true },
    });
    expect(imported).toEqual({ occurredAt: new Date("2026-10-19T23:00:00Z"), dayOnly: true });
    // The export dates each entry by its Auckland day, and a filter of Monday 26 October takes the Auckland Monday:
    // both moments (19:00 UTC on Sunday 25 is 08:00 on Monday; 05:30 UTC on Monday is 18:30) and the batch of the
    // 26th, not the batch of the 25th.
    const out = await readText(exportObservationsCsv(ctx, { from: "2026-10-26", to: "2026-10-26" }));
    expect(out.trim().split("\r\n").slice(1).sort()).toEqual([
      `2026-10-26,${s.team.name},${s.behaviour.title},0,1,`,
      `2026-10-26,${s.team.name},${s.behaviour.title},1,0,`,
      `2026-10-26,${s.team.name},${s.behaviour.title},5,5,`,
    ]);
    const imports = await readText(exportObservationsCsv(ctx, { from: "2026-10-20", to: "2026-10-20" }));
    expect(imports).toContain(`2026-10-20,${s.team.name},${s.behaviour.title},4,1,`);
  });

  it("counts weeks from the organisation's week start", async () => {
    const { s, admin } = await scenario();
    const sunday = await rezone(admin, "UTC", 7);
    expect(sunday.ctx.weekStartsOn).toBe(7);
    expect(sunday.result).toEqual({ state: "applied", rezoned: 0 });
    // Sunday weeks: Sunday 25 October starts this week, so everything logged is in it.
    expect(await weekly(sunday.ctx, s.behaviour.id)).toEqual({ "2026-10-25": "9/16" });
    const saturday = await rezone(admin, "UTC", 6);
    expect(await weekly(saturday.ctx, s.behaviour.id)).toEqual({ "2026-10-24": "9/16" });
  });

  it("lets only admins change the calendar, and only to a known zone and weekday", async () => {
    const { s, admin, member } = await scenario();
    await expect(setOrganizationCalendar(member, { timeZone: "Pacific/Auckland", weekStartsOn: 1 })).rejects.toThrow(
      ForbiddenError,
    );
    const leader = await contextFor(s.leader.user.id, s.org.id);
    await expect(setOrganizationCalendar(leader, { timeZone: "Pacific/Auckland", weekStartsOn: 1 })).rejects.toThrow(
      ForbiddenError,
    );
    expect(OrganizationCalendarInput.safeParse({ timeZone: "Mars/Olympus_Mons", weekStartsOn: "1" }).success).toBe(
      false,
    );
    expect(OrganizationCalendarInput.safeParse({ timeZone: "Pacific/Auckland", weekStartsOn: "8" }).success).toBe(
      false,
    );
    expect(OrganizationCalendarInput.parse({ timeZone: "Pacific/Auckland", weekStartsOn: "7" })).toEqual({
      timeZone: "Pacific/Auckland",
      weekStartsOn: 7,
    });
    await expect(setOrganizationCalendar(admin, { timeZone: "Not/AZone", weekStartsOn: 1 })).rejects.toThrow(RuleError);
    const org = await db().organization.findUniqueOrThrow({ where: { id: s.org.id }, select: { timeZone: true } });
    expect(org.timeZone).toBe("UTC");
    const audit = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: "organization.calendar" },
    });
    expect(audit).toHaveLength(0);
    await rezone(admin, "Europe/London");
    const events = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: "organization.calendar" },
      select: { details: true, actorUserId: true },
    });
    expect(events).toEqual([
      {
        actorUserId: admin.userId,
        details: {
          from: { timeZone: "UTC", weekStartsOn: 1 },
          to: { timeZone: "Europe/London", weekStartsOn: 1 },
          dayOnlyObservationsMoved: 2,
        },
      },
    ]);
  });

  it("gives each person their own display zone, falling back to the organisation's", async () => {
    const { s, admin, member } = await scenario();
    await rezone(admin, "America/Los_Angeles");
    expect((await contextFor(member.userId, s.org.id)).displayTimeZone).toBe("America/Los_Angeles");
    await setOwnTimeZone(member.userId, "Asia/Tokyo", null);
    const mine = await contextFor(member.userId, s.org.id);
    expect([mine.timeZone, mine.displayTimeZone]).toEqual(["America/Los_Angeles", "Asia/Tokyo"]);
    // Someone else's display is not affected.
    expect((await contextFor(admin.userId, s.org.id)).displayTimeZone).toBe("America/Los_Angeles");
    await expect(setOwnTimeZone(member.userId, "Nowhere/Land", null)).rejects.toThrow(RuleError);
    expect(PersonalTimeZoneInput.parse({ timeZone: "" })).toEqual({ timeZone: null });
    expect(PersonalTimeZoneInput.safeParse({ timeZone: "Nowhere/Land" }).success).toBe(false);
    await setOwnTimeZone(member.userId, null, null);
    expect((await contextFor(member.userId, s.org.id)).displayTimeZone).toBe("America/Los_Angeles");
  });

  it("leaves 100k observations to the job, which re-anchors them and rebuilds the summary in one transaction (timed)", async () => {
    const { s, admin } = await scenario();
    // 100,000 observations over 200 days, every third one day-only (at UTC midday), straight in SQL.
    await database().sql.query(
      `INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "occurredAt", "performed", "missed",
                                  "source", "dayOnly", "createdAt", "updatedAt")
       SELECT 'bulk' || i, $1, $2, $3,
              CASE WHEN i % 3 = 0 THEN timestamp '2026-04-01 12:00' + (i % 200) * interval '1 day'
                   ELSE timestamp '2026-04-01 00:00' + (i % 200) * interval '1 day' + (i % 1440) * interval '1 minute' END,
              (i % 2), 1 - (i % 2), (CASE WHEN i % 3 = 0 THEN 'BATCH' ELSE 'LOG' END)::"ObservationSource", i % 3 = 0,
              now(), now()
         FROM generate_series(1, 100000) i`,
      [s.org.id, s.behaviour.id, s.team.id],
    );
    const dayOnlyBefore = await database().sql.query<{ d: string; n: number }>(
      `SELECT ("occurredAt"::date)::text AS d, count(*)::int AS n FROM "Observation"
        WHERE "organizationId" = $1 AND "dayOnly" GROUP BY 1 ORDER BY 1`,
      [s.org.id],
    );
    // Above the inline limit the request only records the change (docs/decisions/027) ...
    expect(100_004).toBeGreaterThan(REZONE_INLINE_LIMIT);
    const asked = performance.now();
    const { result, ctx } = await rezone(admin, "Pacific/Auckland");
    const askedMs = performance.now() - asked;
    expect(result.state).toBe("pending");
    expect(ctx.timeZone).toBe("UTC");
    // ... and the job does the work.
    const change = await db().calendarChange.findUniqueOrThrow({ where: { organizationId: s.org.id } });
    const started = performance.now();
    const applied = await applyCalendarChange(change.id);
    const ms = performance.now() - started;
    console.log(
      `[time-zones] request ${Math.round(askedMs)} ms; job re-anchored ${applied.rezoned} day-only of 100,004 observations in ${Math.round(ms)} ms`,
    );
    expect(applied).toEqual({ applied: true, rezoned: 33_335 });
    const dayOnlyAfter = await database().sql.query<{ d: string; n: number }>(
      `SELECT ((("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Pacific/Auckland')::date)::text AS d, count(*)::int AS n
         FROM "Observation" WHERE "organizationId" = $1 AND "dayOnly" GROUP BY 1 ORDER BY 1`,
      [s.org.id],
    );
    expect(dayOnlyAfter).toEqual(dayOnlyBefore);
    const { summary, raw } = await summaryAndRaw(s.org.id, "Pacific/Auckland");
    expect(summary).toEqual(raw);
  }, 300_000);
});
