import "server-only";
import { hiddenBecause } from "@/lib/domain/group-size";
import { groupProtection } from "./group-size";
import { db } from "../db";
import {
  addDays,
  dateOnly,
  dayOf,
  dayStart,
  fromDateOnly,
  periodBefore,
  type Calendar,
  type Period,
  type TimeZone,
} from "@/lib/domain/dates";
import { AGENDA_CHANGES, adoptionChanges, type Counts } from "@/lib/domain/agenda";
import { OPEN_STATUSES, priorityOf } from "@/lib/domain/barriers";
import type {
  AgendaActionDto,
  AgendaContentDto,
  AgendaFeedbackDto,
  AgendaRecognitionDto,
  PainPointDto,
} from "@/lib/schemas/agenda";
import type { Prisma } from "@/generated/prisma/client";
import { metricRows } from "./metrics";

/** How much of each list an agenda shows; the rest is counted on screen and linked. */
const SHOWN_BARRIERS = 5;
const SHOWN_FEEDBACK = 30;
const SHOWN_STORIES = 10;
const QUOTES_PER_PAIN_POINT = 3;

export interface AgendaScope {
  orgId: string;
  ritualId: string;
  /** The teams the ritual is about; null = the whole organisation. */
  teamIds: string[] | null;
  period: Period;
  /** Stories already chosen for this agenda, listed even when older than the recent ones. */
  chosenStoryIds: string[];
  /** The organisation's zone and week start (UTC, Monday when left out). */
  calendar?: Calendar;
}

/** A ritual's teams: a team, a value stream with its teams, or (null) the whole organisation. */
export async function scopeTeams(orgId: string, teamId: string | null): Promise<string[] | null> {
  if (!teamId) return null;
  const children = await db().team.findMany({
    where: { organizationId: orgId, parentId: teamId },
    select: { id: true },
  });
  return [teamId, ...children.map((c) => c.id)];
}

const inTeams = (teamIds: string[] | null) => (teamIds ? { teamId: { in: teamIds } } : {});

const ACTION_SELECT = {
  id: true,
  title: true,
  dueOn: true,
  status: true,
  owner: { select: { user: { select: { name: true } } } },
  occurrence: { select: { date: true } },
} as const;

type ActionRow = Prisma.ActionItemGetPayload<{ select: typeof ACTION_SELECT }>;

export function toAgendaAction(a: ActionRow, on: string): AgendaActionDto {
  const dueOn = a.dueOn ? fromDateOnly(a.dueOn) : null;
  return {
    id: a.id,
    title: a.title,
    ownerName: a.owner.user.name,
    dueOn,
    overdue: a.status === "OPEN" && dueOn !== null && dueOn < on,
    status: a.status,
    fromDate: a.occurrence ? fromDateOnly(a.occurrence.date) : null,
  };
}

const byDue = [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }] as const;

/** Open actions agreed at this ritual's earlier meetings: they lead the next agenda until closed. */
async function carriedActions(s: AgendaScope) {
  return db().actionItem.findMany({
    where: {
      organizationId: s.orgId,
      status: "OPEN",
      occurrence: { ritualId: s.ritualId, date: { lt: dateOnly(s.period.to) } },
    },
    orderBy: [...byDue],
    select: ACTION_SELECT,
  });
}

/** Other open actions of the scope already overdue on the meeting's day. */
async function overdueElsewhere(s: AgendaScope) {
  return db().actionItem.findMany({
    where: {
      organizationId: s.orgId,
      status: "OPEN",
      dueOn: { lt: dateOnly(s.period.to) },
      ...inTeams(s.teamIds),
      NOT: { occurrence: { ritualId: s.ritualId } },
    },
    orderBy: [...byDue],
    select: ACTION_SELECT,
  });
}

async function sums(s: AgendaScope, period: Period): Promise<Map<string, Counts>> {
  const rows = await db().observationDaily.groupBy({
    by: ["behaviourId"],
    where: {
      organizationId: s.orgId,
      day: { gte: dateOnly(period.from), lte: dateOnly(period.to) },
      ...inTeams(s.teamIds),
      behaviour: { status: "ACTIVE", deletedAt: null, parentId: null },
    },
    _sum: { performed: true, missed: true },
  });
  return new Map(rows.map((r) => [r.behaviourId, { performed: r._sum.performed ?? 0, missed: r._sum.missed ?? 0 }]));
}

async function changes(s: AgendaScope) {
  // A ritual of a team (or value stream) too small to show gets no adoption changes (docs/decisions/039).
  const scope = s.teamIds?.[0];
  const suppressed = scope ? hiddenBecause(await groupProtection({ orgId: s.orgId }), scope) : null;
  if (suppressed) return { rises: [], falls: [], changesSuppressed: suppressed };
  const [before, after] = await Promise.all([sums(s, periodBefore(s.period)), sums(s, s.period)]);
  const { rises, falls } = adoptionChanges(before, after);
  const shown = [...rises.slice(0, AGENDA_CHANGES), ...falls.slice(0, AGENDA_CHANGES)];
  const titles = new Map(
    (
      await db().behaviour.findMany({
        where: { organizationId: s.orgId, id: { in: shown.map((c) => c.key) } },
        select: { id: true, title: true },
      })
    ).map((b) => [b.id, b.title]),
  );
  const dto = (c: (typeof shown)[number]) => ({
    behaviourId: c.key,
    title: titles.get(c.key) ?? "",
    before: c.before,
    after: c.after,
    changePts: c.changePts,
    opportunities: c.opportunities,
  });
  return {
    rises: rises.slice(0, AGENDA_CHANGES).map(dto),
    falls: falls.slice(0, AGENDA_CHANGES).map(dto),
    changesSuppressed: null,
  };
}

async function openBarriers(s: AgendaScope) {
  const rows = await db().barrier.findMany({
    where: {
      organizationId: s.orgId,
      deletedAt: null,
      status: { in: [...OPEN_STATUSES] },
      ...(s.teamIds ? { teams: { some: { teamId: { in: s.teamIds } } } } : {}),
    },
    select: { id: true, title: true, status: true, impact: true, reach: true, ease: true },
  });
  const ranked = rows
    .map((b) => ({ id: b.id, title: b.title, status: b.status, priority: priorityOf(b) }))
    .sort(
      (a, b) =>
        (b.priority ?? -1) - (a.priority ?? -1) || a.title.localeCompare(b.title, "en") || (a.id < b.id ? -1 : 1),
    );
  return { barriers: ranked.slice(0, SHOWN_BARRIERS), moreBarriers: Math.max(0, ranked.length - SHOWN_BARRIERS) };
}

async function offTrackMetrics(s: AgendaScope) {
  const rows = await metricRows(s.orgId, s.period.to, s.calendar);
  return rows
    .filter(
      (m) =>
        m.kind === "CUSTOMER_OUTCOME" &&
        (m.verdict.status === "OFF_TRACK" || m.verdict.status === "AT_RISK") &&
        (!s.teamIds || m.teamIds.length === 0 || m.teamIds.some((t) => s.teamIds!.includes(t))),
    )
    .map((m) => ({
      id: m.id,
      name: m.name,
      status: m.verdict.status as "OFF_TRACK" | "AT_RISK",
      latest: m.latest?.value ?? null,
      unit: m.unit,
      summary: m.verdict.reason,
    }));
}

/** The period as instants in the organisation's zone: from the first day's midnight to the midnight after the last. */
const instants = (p: Period, zone?: TimeZone) => ({
  gte: dayStart(p.from, zone),
  lt: dayStart(addDays(p.to, 1), zone),
});

async function recognitions(s: AgendaScope): Promise<AgendaRecognitionDto[]> {
  const rows = await db().recognition.findMany({
    where: {
      organizationId: s.orgId,
      createdAt: instants(s.period, s.calendar?.timeZone),
      ...(s.teamIds
        ? {
            OR: [
              { recipientTeamId: { in: s.teamIds } },
              { recipient: { teams: { some: { teamId: { in: s.teamIds } } } } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      act: true,
      customerEffect: true,
      createdAt: true,
      behaviour: { select: { title: true } },
      giver: { select: { user: { select: { name: true } } } },
      recipient: { select: { user: { select: { name: true } } } },
      team: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    recipient: r.recipient?.user.name ?? r.team?.name ?? "",
    behaviourTitle: r.behaviour.title,
    act: r.act,
    customerEffect: r.customerEffect,
    giverName: r.giver.user.name,
    on: dayOf(r.createdAt, s.calendar?.timeZone),
  }));
}

const FEEDBACK_SELECT = {
  id: true,
  quote: true,
  customer: true,
  sentiment: true,
  source: true,
  receivedOn: true,
  isStory: true,
} as const;

const toFeedback = (f: Prisma.CustomerFeedbackGetPayload<{ select: typeof FEEDBACK_SELECT }>): AgendaFeedbackDto => ({
  ...f,
  receivedOn: fromDateOnly(f.receivedOn),
});

const feedbackWhere = (s: AgendaScope): Prisma.CustomerFeedbackWhereInput => ({
  organizationId: s.orgId,
  receivedOn: { gte: dateOnly(s.period.from), lte: dateOnly(s.period.to) },
  ...(s.teamIds ? { teams: { some: { teamId: { in: s.teamIds } } } } : {}),
});

const newestFirst = [{ receivedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }] as const;

async function feedback(s: AgendaScope) {
  const [rows, total] = await Promise.all([
    db().customerFeedback.findMany({
      where: feedbackWhere(s),
      orderBy: [...newestFirst],
      take: SHOWN_FEEDBACK,
      select: FEEDBACK_SELECT,
    }),
    db().customerFeedback.count({ where: feedbackWhere(s) }),
  ]);
  return { feedback: rows.map(toFeedback), moreFeedback: Math.max(0, total - rows.length) };
}

/**
 * The clinic's pain points: the period's negative feedback grouped by the behaviour it is about,
 * else the barrier, else "not linked yet" — one item counts once, under its first link.
 */
async function painPoints(s: AgendaScope): Promise<PainPointDto[]> {
  const rows = await db().customerFeedback.findMany({
    where: { ...feedbackWhere(s), sentiment: "NEGATIVE" },
    orderBy: [...newestFirst],
    select: {
      ...FEEDBACK_SELECT,
      behaviours: {
        orderBy: { behaviourId: "asc" },
        take: 1,
        select: { behaviour: { select: { id: true, title: true } } },
      },
      barriers: { orderBy: { barrierId: "asc" }, take: 1, select: { barrier: { select: { id: true, title: true } } } },
    },
  });
  const groups = new Map<string, PainPointDto>();
  for (const r of rows) {
    const b = r.behaviours[0]?.behaviour;
    const bar = r.barriers[0]?.barrier;
    const key = b ? `behaviour:${b.id}` : bar ? `barrier:${bar.id}` : "none";
    const group = groups.get(key) ?? {
      key,
      label: b ? b.title : bar ? bar.title : "Not linked to a behaviour or barrier yet",
      href: b ? `/catalogue/${b.id}` : bar ? `/barriers/${bar.id}` : null,
      count: 0,
      feedbackIds: [],
      behaviourId: b?.id ?? null,
      feedback: [],
    };
    group.count++;
    group.feedbackIds.push(r.id);
    if (group.feedback.length < QUOTES_PER_PAIN_POINT) group.feedback.push(toFeedback(r));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "en"));
}

async function stories(s: AgendaScope): Promise<AgendaFeedbackDto[]> {
  const [recent, chosen] = await Promise.all([
    db().customerFeedback.findMany({
      where: { organizationId: s.orgId, isStory: true, receivedOn: { lte: dateOnly(s.period.to) } },
      orderBy: [...newestFirst],
      take: SHOWN_STORIES,
      select: FEEDBACK_SELECT,
    }),
    s.chosenStoryIds.length
      ? db().customerFeedback.findMany({
          where: { organizationId: s.orgId, id: { in: s.chosenStoryIds } },
          select: FEEDBACK_SELECT,
        })
      : [],
  ]);
  const seen = new Set(recent.map((r) => r.id));
  return [...recent, ...chosen.filter((c) => !seen.has(c.id))].map(toFeedback);
}

/** Everything the agenda's live sections show, for the ritual's scope and the meeting's period. */
export async function agendaContent(s: AgendaScope): Promise<AgendaContentDto> {
  const [carried, overdue, moved, barriers, metrics, recognised, heard, pains, told] = await Promise.all([
    carriedActions(s),
    overdueElsewhere(s),
    changes(s),
    openBarriers(s),
    offTrackMetrics(s),
    recognitions(s),
    feedback(s),
    painPoints(s),
    stories(s),
  ]);
  return {
    carried: carried.map((a) => toAgendaAction(a, s.period.to)),
    openActions: overdue.map((a) => toAgendaAction(a, s.period.to)),
    ...moved,
    ...barriers,
    metrics,
    recognitions: recognised,
    ...heard,
    painPoints: pains,
    stories: told,
  };
}

export { ACTION_SELECT };
