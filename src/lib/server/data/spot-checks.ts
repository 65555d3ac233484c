import "server-only";
import { groupProtection } from "./group-size";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { addDays, dateOnly, dayOf, formatDay, fromDateOnly, instantRange } from "@/lib/domain/dates";
import { compareSpotCheck, spotCheckEnd, spotCheckStatus } from "@/lib/domain/spot-checks";
import { spotCheckCancelled, spotCheckRequested } from "@/lib/domain/inbox";
import type { Prisma } from "@/generated/prisma/client";
import type {
  SpotCheckDetailDto,
  SpotCheckInput,
  SpotCheckOptionsDto,
  SpotCheckPageDto,
  SpotCheckRowDto,
} from "@/lib/schemas/spot-checks";
import type { MemberContext } from "./accounts";
import { deliver } from "./inbox";

export const SPOT_CHECK_PAGE = 25;
/** How far ahead a check may be planned. */
const MAX_LEAD_DAYS = 365;

const audit = (ctx: MemberContext, action: string, targetId: string, details?: Record<string, string>) =>
  recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action,
    targetType: "SpotCheck",
    targetId,
    outcome: "ok",
    details,
  });

/**
 * Who may ask for a spot check of a team: admins and leaders, for any team (it asks of a team what the
 * honesty guard asks of people, are the entries real?, without naming anyone), and a manager of a team
 * they belong to, as a manager changes their own team's people.
 */
async function mayCheck(ctx: MemberContext, teamId: string): Promise<boolean> {
  if (can(ctx.role, "spotChecks.anyTeam", ctx.policy)) return true;
  if (ctx.role !== "MANAGER") return false;
  const own = await db().teamMember.findFirst({
    where: { organizationId: ctx.orgId, teamId, membershipId: ctx.membershipId },
    select: { teamId: true },
  });
  return own !== null;
}

async function requireMayCheck(ctx: MemberContext, teamId: string): Promise<void> {
  if (!(await mayCheck(ctx, teamId)))
    await authorize(ctx, "spotChecks.anyTeam", "Only a leader, an admin or one of this team's managers can do this.");
}

/** Whether the caller may request a spot check of this team (for the team page's link). */
export const maySpotCheck = (ctx: MemberContext, teamId: string) => mayCheck(ctx, teamId);

export async function requestSpotCheck(ctx: MemberContext, input: SpotCheckInput, now = new Date()): Promise<string> {
  const [team, behaviour, observer] = await Promise.all([
    db().team.findFirst({
      where: { id: input.teamId, organizationId: ctx.orgId, kind: "TEAM", archivedAt: null },
      select: { id: true, name: true },
    }),
    db().behaviour.findFirst({
      where: { id: input.behaviourId, organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null },
      select: { id: true, title: true },
    }),
    db().membership.findFirst({
      where: { id: input.observerId, organizationId: ctx.orgId, status: "ACTIVE" },
      select: { id: true },
    }),
  ]);
  if (!team) throw new RuleError("Choose one of your organisation's active teams.", "teamId");
  await requireMayCheck(ctx, team.id);
  if (!behaviour) throw new RuleError("Choose an active behaviour from your catalogue.", "behaviourId");
  if (!observer) throw new RuleError("Choose an active member of your organisation.", "observerId");
  const today = dayOf(now, ctx.timeZone);
  if (input.startsOn < today) throw new RuleError("A spot check starts today or later.", "startsOn");
  if (input.startsOn > addDays(today, MAX_LEAD_DAYS)) throw new RuleError("Start it within the next year.", "startsOn");
  const endsOn = spotCheckEnd(input.startsOn, input.days);
  const id = await db().$transaction(async (tx) => {
    const check = await tx.spotCheck.create({
      data: {
        organizationId: ctx.orgId,
        behaviourId: behaviour.id,
        teamId: team.id,
        observerId: observer.id,
        requestedById: ctx.membershipId,
        startsOn: dateOnly(input.startsOn),
        endsOn: dateOnly(endsOn),
        note: input.note,
      },
      select: { id: true },
    });
    await deliver(tx, [observer.id], {
      organizationId: ctx.orgId,
      kind: "spot-check.requested",
      subjectId: check.id,
      text: spotCheckRequested({
        behaviourId: behaviour.id,
        behaviourTitle: behaviour.title,
        teamId: team.id,
        teamName: team.name,
        from: formatDay(input.startsOn),
        to: formatDay(endsOn),
        requestedBy: ctx.userName,
      }),
    });
    return check.id;
  });
  await audit(ctx, "spot-check.request", id, { teamId: team.id, behaviourId: behaviour.id, observerId: observer.id });
  return id;
}

export async function cancelSpotCheck(ctx: MemberContext, id: string, now = new Date()): Promise<void> {
  const check = await db().spotCheck.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      id: true,
      teamId: true,
      observerId: true,
      startsOn: true,
      endsOn: true,
      cancelledAt: true,
      behaviour: { select: { title: true } },
      team: { select: { name: true } },
    },
  });
  if (!check) throw new NotFoundError();
  await requireMayCheck(ctx, check.teamId);
  const status = spotCheckStatus(
    { startsOn: fromDateOnly(check.startsOn), endsOn: fromDateOnly(check.endsOn), cancelled: !!check.cancelledAt },
    dayOf(now, ctx.timeZone),
  );
  if (status === "cancelled") return;
  if (status === "ended") throw new RuleError("This spot check has ended: its results stay as they are.");
  // A conditional write: of two concurrent cancels, one changes the row, and only that one tells the observer.
  const cancelled = await db().$transaction(async (tx) => {
    const { count } = await tx.spotCheck.updateMany({ where: { id, cancelledAt: null }, data: { cancelledAt: now } });
    if (count === 0) return false;
    // The observer's request is done: it leaves their unread items, and a note says why.
    await tx.notification.updateMany({
      where: { organizationId: ctx.orgId, kind: "spot-check.requested", subjectId: id, readAt: null },
      data: { readAt: now },
    });
    await deliver(tx, [check.observerId], {
      organizationId: ctx.orgId,
      kind: "spot-check.cancelled",
      subjectId: id,
      text: spotCheckCancelled({
        spotCheckId: id,
        behaviourTitle: check.behaviour.title,
        teamName: check.team.name,
        cancelledBy: ctx.userName,
      }),
    });
    return true;
  });
  if (!cancelled) return;
  await audit(ctx, "spot-check.cancel", id);
}

const ROW_SELECT = {
  id: true,
  behaviourId: true,
  teamId: true,
  observerId: true,
  startsOn: true,
  endsOn: true,
  cancelledAt: true,
  note: true,
  createdAt: true,
  behaviour: { select: { title: true } },
  team: { select: { name: true } },
  observer: { select: { user: { select: { name: true } } } },
  requestedBy: { select: { user: { select: { name: true } } } },
} satisfies Prisma.SpotCheckSelect;

type CheckRow = Prisma.SpotCheckGetPayload<{ select: typeof ROW_SELECT }>;

const toRow = (r: CheckRow, today: string): SpotCheckRowDto => {
  const startsOn = fromDateOnly(r.startsOn);
  const endsOn = fromDateOnly(r.endsOn);
  return {
    id: r.id,
    behaviourTitle: r.behaviour.title,
    teamName: r.team.name,
    observerName: r.observer.user.name,
    requestedByName: r.requestedBy?.user.name ?? null,
    startsOn,
    endsOn,
    status: spotCheckStatus({ startsOn, endsOn, cancelled: r.cancelledAt !== null }, today),
  };
};

/** Every spot check of the organisation, newest first, a page at a time (keyset on created time and id). */
export async function listSpotChecks(
  ctx: MemberContext,
  opts: { before?: string | null } = {},
  now = new Date(),
): Promise<SpotCheckPageDto> {
  await authorize(ctx, "dashboards.view");
  const cursor = parseCursor(opts.before);
  const rows = await db().spotCheck.findMany({
    where: {
      organizationId: ctx.orgId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SPOT_CHECK_PAGE + 1,
    select: ROW_SELECT,
  });
  const today = dayOf(now, ctx.timeZone);
  const page = rows.slice(0, SPOT_CHECK_PAGE);
  const last = page.at(-1);
  return {
    rows: page.map((r) => toRow(r, today)),
    nextCursor: rows.length > SPOT_CHECK_PAGE && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

function parseCursor(raw: string | null | undefined): { at: Date; id: string } | null {
  if (!raw) return null;
  const [iso, id] = raw.split("_");
  const at = new Date(iso ?? "");
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/**
 * One check with its two rates: the second observer's entries of the behaviour in the team over the
 * check's days, against the team's other entries of it in the same days (anonymous ones included:
 * they are the team's). Those who read the dashboards see it, and so does the observer.
 */
export async function getSpotCheck(ctx: MemberContext, id: string, now = new Date()): Promise<SpotCheckDetailDto> {
  const r = await db().spotCheck.findFirst({ where: { id, organizationId: ctx.orgId }, select: ROW_SELECT });
  if (!r) throw new NotFoundError();
  const isObserver = r.observerId === ctx.membershipId;
  if (!isObserver) await authorize(ctx, "dashboards.view");
  const row = toRow(r, dayOf(now, ctx.timeZone));
  const where = {
    organizationId: ctx.orgId,
    behaviourId: r.behaviourId,
    teamId: r.teamId,
    occurredAt: instantRange({ from: row.startsOn, to: row.endsOn }, ctx.timeZone),
  };
  const sum = { _sum: { performed: true, missed: true } } as const;
  // A team the minimum group size hides shows its rates to admins only, who review the honesty guard anyway
  // (docs/decisions/036, 039): the team's other entries would be its few people's.
  const groups = await groupProtection(ctx);
  const hidden = can(ctx.role, "honesty.review", ctx.policy) ? null : (groups.suppressed.get(r.teamId) ?? null);
  const [mine, others, canCancel] = await Promise.all([
    db().observation.aggregate({ where: { ...where, observerId: r.observerId }, ...sum }),
    db().observation.aggregate({
      where: { ...where, OR: [{ observerId: null }, { observerId: { not: r.observerId } }] },
      ...sum,
    }),
    row.status === "running" || row.status === "upcoming" ? mayCheck(ctx, r.teamId) : false,
  ]);
  const tally = (s: { performed: number | null; missed: number | null }) => ({
    performed: s.performed ?? 0,
    missed: s.missed ?? 0,
  });
  return {
    ...row,
    behaviourId: r.behaviourId,
    teamId: r.teamId,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    comparison: hidden ? null : compareSpotCheck(tally(mine._sum), tally(others._sum)),
    suppressed: hidden,
    minGroupSize: groups.threshold,
    canCancel,
    isObserver,
  };
}

/** The request form's choices: active behaviours, the teams the caller may check, the organisation's people. */
export async function spotCheckOptions(ctx: MemberContext, now = new Date()): Promise<SpotCheckOptionsDto> {
  await authorize(ctx, "dashboards.view");
  const everyTeam = can(ctx.role, "spotChecks.anyTeam", ctx.policy);
  if (!everyTeam && ctx.role !== "MANAGER") return { behaviours: [], teams: [], people: [], today: "" };
  const [behaviours, teams, people] = await Promise.all([
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db().team.findMany({
      where: {
        organizationId: ctx.orgId,
        kind: "TEAM",
        archivedAt: null,
        ...(everyTeam ? {} : { members: { some: { membershipId: ctx.membershipId } } }),
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().membership.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE" },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    behaviours: behaviours.map((b) => ({ id: b.id, name: b.title })),
    teams,
    people: people.map((p) => ({ id: p.id, name: p.user.name })),
    today: dayOf(now, ctx.timeZone),
  };
}
