import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../db-errors";
import { NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { currentDay, dateOnly, fromDateOnly } from "@/lib/domain/dates";
import { RITUAL_KIND_SPECS, describeSchedule, meetingsBetween, nextMeetingOn } from "@/lib/domain/rituals";
import { addDays } from "@/lib/domain/dates";
import type { RitualDetailDto, RitualInput, RitualSummaryDto } from "@/lib/schemas/rituals";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

/** Occurrences a ritual's page lists at once; older ones are counted and reached by paging. */
const SHOWN_OCCURRENCES = 12;
/** Upcoming meeting days offered to open. */
const UPCOMING = 3;

export class RitualConflictError extends RuleError {
  constructor() {
    super(
      "Someone else changed this ritual since you opened it. Your changes are still in the form: reload the page in another tab to compare, then save again.",
    );
  }
}

const TITLE_TAKEN = "Another ritual in your organisation already has this title.";

const SUMMARY_SELECT = {
  id: true,
  kind: true,
  title: true,
  cadence: true,
  weekday: true,
  weekOfMonth: true,
  startTime: true,
  startsOn: true,
  archivedAt: true,
  team: { select: { name: true } },
  facilitator: { select: { user: { select: { name: true } } } },
  occurrences: {
    where: { cancelledAt: null },
    orderBy: { date: "desc" },
    take: 1,
    select: { date: true },
  },
} as const;

type SummaryRow = Prisma.RitualGetPayload<{ select: typeof SUMMARY_SELECT }>;

const scheduleOf = (r: Pick<SummaryRow, "cadence" | "weekday" | "weekOfMonth" | "startsOn">) => ({
  cadence: r.cadence,
  weekday: r.weekday,
  weekOfMonth: r.weekOfMonth,
  startsOn: fromDateOnly(r.startsOn),
});

function toSummary(r: SummaryRow, participants: number, today: string): RitualSummaryDto {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: RITUAL_KIND_SPECS[r.kind].label,
    title: r.title,
    scopeName: r.team?.name ?? "Whole organisation",
    schedule: describeSchedule(scheduleOf(r), r.startTime),
    facilitatorName: r.facilitator.user.name,
    participants,
    nextDate: r.archivedAt ? null : nextMeetingOn(scheduleOf(r), today),
    lastDate: r.occurrences[0] ? fromDateOnly(r.occurrences[0].date) : null,
    archived: r.archivedAt !== null,
  };
}

/** Every member sees the organisation's rituals: the meetings are where the customer is kept in view. */
export async function listRituals(
  ctx: MemberContext,
  { archived = false }: { archived?: boolean } = {},
  today = currentDay(ctx.timeZone),
): Promise<RitualSummaryDto[]> {
  const rows = await db().ritual.findMany({
    where: { organizationId: ctx.orgId, archivedAt: archived ? { not: null } : null },
    orderBy: { title: "asc" },
    select: SUMMARY_SELECT,
  });
  // Counted by the rituals' own ids: Prisma's relation `_count` groups every organisation's
  // participants in a subquery before the join (issue 19, page-plans.test.ts).
  const counts = rows.length
    ? await db().ritualParticipant.groupBy({
        by: ["ritualId"],
        where: { organizationId: ctx.orgId, ritualId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      })
    : [];
  const participants = new Map(counts.map((c) => [c.ritualId, c._count._all]));
  return rows.map((r) => toSummary(r, participants.get(r.id) ?? 0, today));
}

export async function ritualFormOptions(ctx: MemberContext) {
  await authorize(ctx, "rituals.manage");
  const [teams, members] = await Promise.all([
    db().team.findMany({
      where: { organizationId: ctx.orgId, archivedAt: null },
      orderBy: [{ kind: "desc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true },
    }),
    db().membership.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE" },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.kind === "VALUE_STREAM" ? `${t.name} (value stream)` : t.name })),
    members: members.map((m) => ({ id: m.id, name: m.user.name })),
  };
}

/** The team, facilitator and participants named by the form must be the caller's organisation's. */
async function checkLinks(tx: Prisma.TransactionClient, ctx: MemberContext, input: RitualInput, exceptId?: string) {
  const people = [...new Set([input.facilitatorId, ...input.participantIds])];
  const [team, active, clash] = await Promise.all([
    input.teamId ? tx.team.count({ where: { id: input.teamId, organizationId: ctx.orgId, archivedAt: null } }) : 1,
    tx.membership.findMany({
      where: { id: { in: people }, organizationId: ctx.orgId, status: "ACTIVE" },
      select: { id: true },
    }),
    tx.ritual.findFirst({
      where: {
        organizationId: ctx.orgId,
        title: { equals: input.title, mode: "insensitive" },
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { id: true },
    }),
  ]);
  if (!team) throw new RuleError("Choose a team or value stream of your organisation.", "teamId");
  const ok = new Set(active.map((m) => m.id));
  if (!ok.has(input.facilitatorId)) throw new RuleError("Choose an active member as facilitator.", "facilitatorId");
  if (input.participantIds.some((id) => !ok.has(id)))
    throw new RuleError("Choose active members of your organisation.", "participantIds");
  if (clash) throw new RuleError(TITLE_TAKEN, "title");
}

const columns = ({ participantIds: _p, startsOn, ...input }: RitualInput) => ({
  ...input,
  startsOn: dateOnly(startsOn),
});

async function writeParticipants(tx: Prisma.TransactionClient, ctx: MemberContext, ritualId: string, i: RitualInput) {
  await tx.ritualParticipant.deleteMany({ where: { ritualId } });
  const ids = [...new Set([i.facilitatorId, ...i.participantIds])];
  await tx.ritualParticipant.createMany({
    data: ids.map((membershipId) => ({ organizationId: ctx.orgId, ritualId, membershipId })),
  });
}

const titleClash = (err: unknown) => (isUniqueViolation(err) ? new RuleError(TITLE_TAKEN, "title") : err);

export async function createRitual(ctx: MemberContext, input: RitualInput): Promise<string> {
  await authorize(ctx, "rituals.manage");
  try {
    return await db().$transaction(async (tx) => {
      await checkLinks(tx, ctx, input);
      const r = await tx.ritual.create({
        data: { ...columns(input), organizationId: ctx.orgId, createdById: ctx.membershipId },
        select: { id: true },
      });
      await writeParticipants(tx, ctx, r.id, input);
      await audit(tx, ctx, "ritual.create", r.id);
      return r.id;
    });
  } catch (err) {
    throw titleClash(err);
  }
}

export async function updateRitual(ctx: MemberContext, id: string, version: number, input: RitualInput) {
  await authorize(ctx, "rituals.manage");
  try {
    await db().$transaction(async (tx) => {
      const current = await tx.ritual.findFirst({ where: { id, organizationId: ctx.orgId }, select: { id: true } });
      if (!current) throw new NotFoundError();
      await checkLinks(tx, ctx, input, id);
      const res = await tx.ritual.updateMany({
        where: { id, organizationId: ctx.orgId, version },
        data: { ...columns(input), version: { increment: 1 } },
      });
      if (res.count === 0) throw new RitualConflictError();
      await writeParticipants(tx, ctx, id, input);
      await audit(tx, ctx, "ritual.update", id);
    });
  } catch (err) {
    throw titleClash(err);
  }
}

/** Archived rituals keep their meetings, decisions and actions; they stop being offered. */
export async function setRitualArchived(ctx: MemberContext, id: string, archived: boolean, now = new Date()) {
  await authorize(ctx, "rituals.manage");
  await db().$transaction(async (tx) => {
    const res = await tx.ritual.updateMany({
      where: { id, organizationId: ctx.orgId },
      data: { archivedAt: archived ? now : null, version: { increment: 1 } },
    });
    if (res.count === 0) throw new NotFoundError();
    await audit(tx, ctx, archived ? "ritual.archive" : "ritual.restore", id);
  });
}

async function audit(tx: Prisma.TransactionClient, ctx: MemberContext, action: string, targetId: string) {
  await recordAudit(
    { organizationId: ctx.orgId, actorUserId: ctx.userId, action, targetType: "Ritual", targetId, outcome: "ok" },
    tx,
  );
}

/** Who may run a ritual's meetings (open one, shape its agenda, mark it held): its facilitator, or a manager. */
export function mayRun(ctx: MemberContext, facilitatorId: string): boolean {
  return facilitatorId === ctx.membershipId || can(ctx.role, "rituals.manage", ctx.policy);
}

export async function getRitual(
  ctx: MemberContext,
  id: string,
  { before }: { before?: string } = {},
  today = currentDay(ctx.timeZone),
): Promise<RitualDetailDto> {
  const r = await db().ritual.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      ...SUMMARY_SELECT,
      version: true,
      teamId: true,
      facilitatorId: true,
      participants: {
        orderBy: { membership: { user: { name: "asc" } } },
        select: { membershipId: true, membership: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  if (!r) throw new NotFoundError();
  const [occurrences, counts] = await Promise.all([
    db().ritualOccurrence.findMany({
      where: { ritualId: id, organizationId: ctx.orgId, ...(before ? { date: { lt: dateOnly(before) } } : {}) },
      orderBy: { date: "desc" },
      take: SHOWN_OCCURRENCES + 1,
      select: {
        id: true,
        date: true,
        periodStart: true,
        heldAt: true,
        cancelledAt: true,
        _count: { select: { decisions: true } },
        actions: { where: { status: "OPEN" }, select: { id: true } },
      },
    }),
    db().ritualOccurrence.findMany({
      where: { ritualId: id, organizationId: ctx.orgId, date: { gte: dateOnly(today) } },
      select: { date: true },
    }),
  ]);
  const opened = new Set(counts.map((o) => fromDateOnly(o.date)));
  const upcoming = r.archivedAt
    ? []
    : meetingsBetween(scheduleOf(r), today, addDays(today, 120), UPCOMING + opened.size)
        .filter((d) => !opened.has(d))
        .slice(0, UPCOMING);
  const participantIds = r.participants.map((p) => p.membershipId);
  return {
    ...toSummary(r, r.participants.length, today),
    purpose: RITUAL_KIND_SPECS[r.kind].purpose,
    teamId: r.teamId,
    facilitatorId: r.facilitatorId,
    participantNames: r.participants.map((p) => p.membership.user.name),
    version: r.version,
    values: {
      kind: r.kind,
      title: r.title,
      teamId: r.teamId ?? "",
      cadence: r.cadence,
      weekday: r.weekday ? String(r.weekday) : "",
      weekOfMonth: r.weekOfMonth ? String(r.weekOfMonth) : "",
      startTime: r.startTime ?? "",
      startsOn: fromDateOnly(r.startsOn),
      facilitatorId: r.facilitatorId,
      participantIds: participantIds.filter((p) => p !== r.facilitatorId),
    },
    upcoming,
    occurrences: occurrences.slice(0, SHOWN_OCCURRENCES).map((o) => ({
      id: o.id,
      date: fromDateOnly(o.date),
      periodStart: fromDateOnly(o.periodStart),
      held: o.heldAt !== null,
      cancelled: o.cancelledAt !== null,
      openActions: o.actions.length,
      decisions: o._count.decisions,
    })),
    moreOccurrences: occurrences.length > SHOWN_OCCURRENCES,
    canManage: can(ctx.role, "rituals.manage", ctx.policy),
    canRun: !r.archivedAt && mayRun(ctx, r.facilitatorId),
  };
}

/**
 * The organisation's portfolio standup ritual, for the standup dashboard to hand over to: its
 * latest meeting up to today (the one being held) or, failing that, the ritual itself.
 */
export async function portfolioStandup(
  ctx: MemberContext,
  today = currentDay(ctx.timeZone),
): Promise<{ id: string; title: string; meetingId: string | null; meetingDate: string | null } | null> {
  const r = await db().ritual.findFirst({
    where: { organizationId: ctx.orgId, kind: "PORTFOLIO_STANDUP", archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      occurrences: {
        where: { cancelledAt: null, date: { lte: dateOnly(today) } },
        orderBy: { date: "desc" },
        take: 1,
        select: { id: true, date: true },
      },
    },
  });
  if (!r) return null;
  const m = r.occurrences[0];
  return { id: r.id, title: r.title, meetingId: m?.id ?? null, meetingDate: m ? fromDateOnly(m.date) : null };
}
