import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { addDays, dayOf, dayStart, weekStarts } from "@/lib/domain/dates";
import {
  PARTICIPATION_DAYS,
  TREND_WEEKS,
  summariseParticipation,
  type ObserverDay,
  type ParticipationSummary,
} from "@/lib/domain/participation";
import type { SuppressionReason } from "@/lib/domain/group-size";
import { can } from "@/lib/domain/roles";
import { honestySignalsAmong, type HonestySignalsDto } from "./honesty";
import { groupProtection } from "./group-size";
import type { MemberContext } from "./accounts";

export type TeamParticipationDto =
  | (ParticipationSummary & { teamId: string; suppressed: null; honesty: HonestySignalsDto })
  | {
      teamId: string;
      target: number | null;
      /** Too few people (docs/decisions/039): no participation, no adoption, no trend. */
      suppressed: SuppressionReason;
      minGroupSize: number;
      /** The honesty guard's signals stay for those who review it (admins); hidden from everyone else. */
      honesty: HonestySignalsDto | null;
    };

interface Row {
  observerId: string | null;
  day: string;
  entries: number | bigint;
  performed: number | bigint;
  missed: number | bigint;
}

/**
 * Per observer and day (in the organisation's zone), what was logged for the team since `from`: one
 * grouped statement, so a busy team costs members × days rows, not one per entry.
 */
async function observerDays(ctx: MemberContext, teamId: string, from: string): Promise<ObserverDay[]> {
  const since = dayStart(from, ctx.timeZone).toISOString();
  const rows = await db().$queryRaw<Row[]>`
    SELECT "observerId",
           to_char((("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ctx.timeZone})::date, 'YYYY-MM-DD') AS day,
           count(*)::int AS entries, sum("performed")::int AS performed, sum("missed")::int AS missed
      FROM "Observation"
     WHERE "organizationId" = ${ctx.orgId} AND "teamId" = ${teamId} AND "occurredAt" >= ${since}::timestamp(3)
     GROUP BY 1, 2`;
  return rows.map((r) => ({
    observerId: r.observerId,
    day: r.day,
    entries: Number(r.entries),
    performed: Number(r.performed),
    missed: Number(r.missed),
  }));
}

/**
 * A team's weekly target, participation over the last 14 days with its 8-week trend, and the
 * honesty guard's signals among its members. Any member of the organisation may read it (the team
 * page is open to all); names behind the honesty signals only for those who review the guard. A team under
 * the minimum group size shows none of it, except the guard's signals to those who review it.
 */
export async function teamParticipation(
  ctx: MemberContext,
  teamId: string,
  now = new Date(),
): Promise<TeamParticipationDto> {
  const team = await db().team.findFirst({
    where: { id: teamId, organizationId: ctx.orgId, kind: "TEAM" },
    select: { id: true, observationTarget: true },
  });
  if (!team) throw new NotFoundError();
  const today = dayOf(now, ctx.timeZone);
  const first = weekStarts(today, TREND_WEEKS, ctx.weekStartsOn)[0]!;
  const [members, groups] = await Promise.all([
    db().teamMember.findMany({
      where: { organizationId: ctx.orgId, teamId, membership: { status: "ACTIVE" } },
      select: { membershipId: true },
    }),
    groupProtection(ctx),
  ]);
  const memberIds = members.map((m) => m.membershipId);
  const suppressed = groups.suppressed.get(team.id);
  if (suppressed)
    return {
      teamId: team.id,
      target: team.observationTarget,
      suppressed,
      minGroupSize: groups.threshold,
      honesty: can(ctx.role, "honesty.review", ctx.policy) ? await honestySignalsAmong(ctx, memberIds, now) : null,
    };
  const rows = await observerDays(ctx, teamId, addDays(first, -(PARTICIPATION_DAYS - 1)));
  const summary = summariseParticipation({
    rows,
    memberIds,
    target: team.observationTarget,
    today,
    calendar: ctx,
  });
  return { ...summary, teamId: team.id, suppressed: null, honesty: await honestySignalsAmong(ctx, memberIds, now) };
}
