// The time-zone tests' organisation (docs/decisions/021): two timed entries and two day-only ones around a weekend
// that is a different week in UTC, Los Angeles and Auckland, and what to read back.
import { db, database } from "@/lib/server/db";
import { behaviourWeeks } from "@/lib/server/data/catalogue";
import { logBatch, logObservation } from "@/lib/server/data/observation-log";
import { dayOf, type TimeZone } from "@/lib/domain/dates";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildOrgScenario } from "../../factories";
import { contextFor } from "./context";

// Wednesday 28 October 2026, 15:00 UTC: in Los Angeles (PDT, UTC−7) and Auckland (NZDT, UTC+13) too it is a week
// that started on Monday 26 October.
export const NOW = new Date("2026-10-28T15:00:00Z");
// Sunday 25 October, 22:30 in Los Angeles: already Monday 26 October, 05:30, in UTC (and Monday evening in Auckland).
export const LA_SUNDAY_EVENING = new Date("2026-10-26T05:30:00Z");
// Monday 26 October, 08:00 in Auckland: still Sunday 25 October, 19:00, in UTC (and Sunday noon in Los Angeles).
export const AUCKLAND_MONDAY_MORNING = new Date("2026-10-25T19:00:00Z");

let seq = 0;
export const key = () => `tz-${Date.now().toString(36)}-${seq++}`;

export async function scenario() {
  const s = await buildOrgScenario(db());
  await db().teamMember.create({
    data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.member.membership.id },
  });
  await db().behaviour.update({ where: { id: s.behaviour.id }, data: { status: "ACTIVE" } });
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  const base = { behaviourId: s.behaviour.id, teamId: s.team.id, note: "", anonymous: false };
  // Two moments logged from the Log pad (timed), and two days logged with the batch form's date (day-only).
  await logObservation(member, { ...base, outcome: "performed", idempotencyKey: key() }, LA_SUNDAY_EVENING);
  await logObservation(member, { ...base, outcome: "missed", idempotencyKey: key() }, AUCKLAND_MONDAY_MORNING);
  await logBatch(
    member,
    { ...base, performed: 3, opportunities: 4, occurredOn: "2026-10-25", idempotencyKey: key() },
    NOW,
  );
  await logBatch(
    member,
    { ...base, performed: 5, opportunities: 10, occurredOn: "2026-10-26", idempotencyKey: key() },
    NOW,
  );
  return { s, admin, member, base };
}

/** The behaviour's weeks that have observations: week start → performed / opportunities. */
export async function weekly(ctx: MemberContext, behaviourId: string): Promise<Record<string, string>> {
  const weeks = await behaviourWeeks(ctx, behaviourId, undefined, NOW);
  return Object.fromEntries(
    weeks.filter((w) => w.opportunities > 0).map((w) => [w.weekStart, `${w.performed}/${w.opportunities}`]),
  );
}

/** The organisation's summary rows and the same sums straight from the raw rows, by day in `zone`. */
export async function summaryAndRaw(orgId: string, zone: TimeZone) {
  const raw = await database().sql.query<{ k: string; p: number; m: number }>(
    `SELECT "behaviourId" || '/' || "teamId" || '/' || ((("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date)::text AS k,
            SUM("performed")::int AS p, SUM("missed")::int AS m
       FROM "Observation" WHERE "organizationId" = $1 GROUP BY 1 ORDER BY 1`,
    [orgId, zone],
  );
  const summary = await database().sql.query<{ k: string; p: number; m: number }>(
    `SELECT "behaviourId" || '/' || "teamId" || '/' || "day"::text AS k, "performed" AS p, "missed" AS m
       FROM "ObservationDaily" WHERE "organizationId" = $1 ORDER BY 1`,
    [orgId],
  );
  return { summary, raw };
}

export async function dayOnlyDays(orgId: string, zone: TimeZone): Promise<string[]> {
  const rows = await db().observation.findMany({
    where: { organizationId: orgId, dayOnly: true },
    orderBy: { occurredAt: "asc" },
    select: { occurredAt: true },
  });
  return rows.map((r) => dayOf(r.occurredAt, zone));
}
