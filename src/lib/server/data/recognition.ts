import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { UNDO_WINDOW_MINUTES, withinUndoWindow } from "@/lib/domain/recognition";
import { dayOf, instantRange, type Period } from "@/lib/domain/dates";
import type {
  GiveRecognitionInput,
  RecognitionDto,
  RecognitionFilter,
  RecognitionOptionsDto,
  RecognitionPageDto,
} from "@/lib/schemas/recognition";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";
import { nudgeWebhooks, queueWebhookEvent } from "../webhooks/events";
import { absoluteUrl } from "../webhooks/link";

// Recognition (issue 16): anyone thanks a colleague or a team for a specific act of an ACTIVE
// behaviour; the whole organisation sees it. The giver may take it back within UNDO_WINDOW_MINUTES
// (a typo, the wrong person); after that, only someone with feedback.manage (admins, leaders,
// managers: the people who moderate what colleagues write about customers and each other) removes it.

export const FEED_PAGE = 20;

const SELECT = {
  id: true,
  createdAt: true,
  act: true,
  customerEffect: true,
  giverId: true,
  giver: { select: { id: true, user: { select: { name: true } } } },
  recipient: { select: { id: true, user: { select: { name: true } } } },
  team: { select: { id: true, name: true } },
  behaviour: { select: { id: true, title: true } },
  observation: { select: { occurredAt: true, team: { select: { name: true } } } },
} as const satisfies Prisma.RecognitionSelect;

type Row = Prisma.RecognitionGetPayload<{ select: typeof SELECT }>;

function toDto(ctx: MemberContext, r: Row, now: Date): RecognitionDto {
  return {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    giver: { membershipId: r.giver.id, name: r.giver.user.name },
    recipient: r.recipient
      ? { kind: "person", membershipId: r.recipient.id, name: r.recipient.user.name }
      : { kind: "team", teamId: r.team?.id ?? "", name: r.team?.name ?? "" },
    behaviour: { id: r.behaviour.id, title: r.behaviour.title },
    act: r.act,
    customerEffect: r.customerEffect,
    observation: r.observation
      ? { day: dayOf(r.observation.occurredAt, ctx.timeZone), teamName: r.observation.team.name }
      : null,
    canRemove:
      can(ctx.role, "feedback.manage", ctx.policy) ||
      (r.giverId === ctx.membershipId && withinUndoWindow(r.createdAt, now)),
  };
}

/** Received by the team: the team itself, or one of its (current) people. */
const receivedByTeam = (teamId: string): Prisma.RecognitionWhereInput => ({
  OR: [{ recipientTeamId: teamId }, { recipient: { teams: { some: { teamId } } } }],
});

function whereOf(ctx: MemberContext, filter: RecognitionFilter): Prisma.RecognitionWhereInput {
  return {
    organizationId: ctx.orgId,
    AND: [
      filter.teamId ? receivedByTeam(filter.teamId) : {},
      filter.behaviourId ? { behaviourId: filter.behaviourId } : {},
      filter.receivedBy ? { recipientMembershipId: filter.receivedBy } : {},
      filter.givenBy ? { giverId: filter.givenBy } : {},
    ],
  };
}

function parseCursor(raw: string | undefined): { at: Date; id: string } | null {
  if (!raw) return null;
  const [iso, id] = raw.split("_");
  const at = new Date(iso ?? "");
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/** The organisation's recognitions, newest first, a page at a time (keyset on createdAt and id). */
export async function listRecognitions(
  ctx: MemberContext,
  filter: RecognitionFilter = {},
  before?: string,
  now = new Date(),
): Promise<RecognitionPageDto> {
  const cursor = parseCursor(before);
  const where = whereOf(ctx, filter);
  const rows = await db().recognition.findMany({
    where: cursor
      ? { ...where, OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: FEED_PAGE + 1,
    select: SELECT,
  });
  const page = rows.slice(0, FEED_PAGE);
  const last = page.at(-1);
  return {
    rows: page.map((r) => toDto(ctx, r, now)),
    nextCursor: rows.length > FEED_PAGE && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

/**
 * Wins for a standup, a check-in or a ritual's agenda: the recognitions given in the period (whole
 * days, both ends included), newest first, optionally only those received in some teams. At most
 * `limit`; `more` says how many were left out, so the meeting knows there were others.
 */
export async function recognitionsIn(
  ctx: MemberContext,
  period: Period,
  scope: { teamIds?: string[] } = {},
  limit = 10,
): Promise<{ rows: RecognitionDto[]; more: number }> {
  const where: Prisma.RecognitionWhereInput = {
    organizationId: ctx.orgId,
    createdAt: instantRange(period, ctx.timeZone),
    ...(scope.teamIds ? { OR: scope.teamIds.flatMap((t) => receivedByTeam(t).OR!) } : {}),
  };
  const now = new Date();
  const [rows, total] = await Promise.all([
    db().recognition.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: SELECT }),
    db().recognition.count({ where }),
  ]);
  return { rows: rows.map((r) => toDto(ctx, r, now)), more: Math.max(0, total - rows.length) };
}

/** What the form offers: colleagues (not oneself), teams, ACTIVE behaviours, one's own recent observations. */
export async function recognitionOptions(ctx: MemberContext): Promise<RecognitionOptionsDto> {
  await authorize(ctx, "recognition.give");
  const [people, teams, behaviours, observations] = await Promise.all([
    db().membership.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE", id: { not: ctx.membershipId } },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM", archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db().observation.findMany({
      where: { organizationId: ctx.orgId, observerId: ctx.membershipId, performed: { gt: 0 } },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 30,
      select: {
        id: true,
        behaviourId: true,
        teamId: true,
        occurredAt: true,
        behaviour: { select: { title: true } },
        team: { select: { name: true } },
      },
    }),
  ]);
  return {
    people: people.map((p) => ({ id: p.id, name: p.user.name })),
    teams,
    behaviours: behaviours.map((b) => ({ id: b.id, name: b.title })),
    observations: observations.map((o) => ({
      id: o.id,
      behaviourId: o.behaviourId,
      teamId: o.teamId,
      label: `${dayOf(o.occurredAt, ctx.timeZone)} · ${o.behaviour.title} · ${o.team.name}`,
    })),
  };
}

/**
 * Every id the form names must be this organisation's (another's is not found, like one that never
 * existed); the person must be an active colleague other than the giver, the team a team (not a
 * value stream) that is not archived, the behaviour ACTIVE, and the observation one of that
 * behaviour, logged in the recipient team (or, for a person, by them or in one of their teams).
 */
async function checkLinks(tx: Prisma.TransactionClient, ctx: MemberContext, input: GiveRecognitionInput) {
  const [person, team, behaviour, observation] = await Promise.all([
    input.recipientMembershipId
      ? tx.membership.findFirst({
          where: { id: input.recipientMembershipId, organizationId: ctx.orgId },
          select: { id: true, status: true, teams: { select: { teamId: true } } },
        })
      : null,
    input.recipientTeamId
      ? tx.team.findFirst({
          where: { id: input.recipientTeamId, organizationId: ctx.orgId },
          select: { id: true, kind: true, archivedAt: true },
        })
      : null,
    tx.behaviour.findFirst({
      where: { id: input.behaviourId, organizationId: ctx.orgId, deletedAt: null },
      select: { status: true, parentId: true },
    }),
    input.observationId
      ? tx.observation.findFirst({
          where: { id: input.observationId, organizationId: ctx.orgId },
          select: { behaviourId: true, teamId: true, observerId: true },
        })
      : null,
  ]);
  if (input.recipientMembershipId && !person) throw new NotFoundError();
  if (input.recipientTeamId && !team) throw new NotFoundError();
  if (!behaviour) throw new NotFoundError();
  if (input.observationId && !observation) throw new NotFoundError();
  if (person?.id === ctx.membershipId)
    throw new RuleError("Recognise a colleague or a team: not yourself.", "recipientMembershipId");
  if (person && person.status !== "ACTIVE")
    throw new RuleError("That person is no longer an active member.", "recipientMembershipId");
  if (team && (team.kind !== "TEAM" || team.archivedAt))
    throw new RuleError("Choose a team that is not archived (value streams are not recognised).", "recipientTeamId");
  if (behaviour.status !== "ACTIVE" || behaviour.parentId !== null)
    throw new RuleError("Choose an active behaviour of the catalogue.", "behaviourId");
  if (observation) {
    if (observation.behaviourId !== input.behaviourId)
      throw new RuleError("That observation is of another behaviour.", "observationId");
    const fits = team
      ? observation.teamId === team.id
      : observation.observerId === person!.id || person!.teams.some((t) => t.teamId === observation.teamId);
    if (!fits)
      throw new RuleError(
        "That observation was not logged by them or in their team: choose one of theirs, or none.",
        "observationId",
      );
  }
}

export async function giveRecognition(ctx: MemberContext, input: GiveRecognitionInput): Promise<string> {
  await authorize(ctx, "recognition.give");
  const { id, deliveryIds } = await db().$transaction(async (tx) => {
    await checkLinks(tx, ctx, input);
    const created = await tx.recognition.create({
      data: {
        organizationId: ctx.orgId,
        giverId: ctx.membershipId,
        recipientMembershipId: input.recipientMembershipId,
        recipientTeamId: input.recipientTeamId,
        behaviourId: input.behaviourId,
        act: input.act,
        customerEffect: input.customerEffect,
        observationId: input.observationId,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "recognition.give",
        targetType: "Recognition",
        targetId: created.id,
        outcome: "ok",
      },
      tx,
    );
    // The webhook deliveries are written with the recognition (outbox): both or neither.
    const deliveryIds = await queueRecognitionWebhooks(tx, ctx, created.id);
    return { id: created.id, deliveryIds };
  });
  await nudgeWebhooks(deliveryIds, ctx.orgId);
  return id;
}

/** "recognition.given" for the organisation's webhooks, and for the recipient team's (or person's teams'). */
async function queueRecognitionWebhooks(tx: Prisma.TransactionClient, ctx: MemberContext, id: string) {
  const r = await tx.recognition.findUniqueOrThrow({
    where: { id },
    select: {
      act: true,
      customerEffect: true,
      behaviour: { select: { title: true } },
      recipient: { select: { user: { select: { name: true } }, teams: { select: { teamId: true } } } },
      team: { select: { id: true, name: true } },
    },
  });
  const teamIds = r.team ? [r.team.id] : (r.recipient?.teams.map((t) => t.teamId) ?? []);
  return queueWebhookEvent(
    ctx.orgId,
    {
      type: "recognition.given",
      recipientName: r.team?.name ?? r.recipient?.user.name ?? "",
      giverName: ctx.userName,
      behaviourTitle: r.behaviour.title,
      message: `${r.act} Effect on the customer: ${r.customerEffect}`,
      url: absoluteUrl("/recognition"),
    },
    { teamIds, tx },
  );
}

/**
 * Removes a recognition: the giver's own within UNDO_WINDOW_MINUTES, anyone's with feedback.manage.
 * One conditional delete, so a window that closes between the check and the delete cannot be beaten.
 */
export async function removeRecognition(ctx: MemberContext, id: string, now = new Date()): Promise<void> {
  const current = await db().recognition.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      giverId: true,
      createdAt: true,
      behaviour: { select: { title: true } },
      recipient: { select: { user: { select: { name: true } } } },
      team: { select: { name: true } },
    },
  });
  if (!current) throw new NotFoundError();
  const moderator = can(ctx.role, "feedback.manage", ctx.policy);
  if (!moderator) {
    if (current.giverId !== ctx.membershipId) await authorize(ctx, "feedback.manage");
    else if (!withinUndoWindow(current.createdAt, now))
      throw new RuleError(
        `You can take back your own recognition for ${UNDO_WINDOW_MINUTES} minutes after giving it; ask a manager to remove it now.`,
      );
  }
  const cutoff = new Date(now.getTime() - UNDO_WINDOW_MINUTES * 60_000);
  await db().$transaction(async (tx) => {
    const res = await tx.recognition.deleteMany({
      where: moderator
        ? { id, organizationId: ctx.orgId }
        : { id, organizationId: ctx.orgId, giverId: ctx.membershipId, createdAt: { gte: cutoff } },
    });
    if (res.count === 0) throw new NotFoundError();
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "recognition.remove",
        targetType: "Recognition",
        targetId: id,
        outcome: "ok",
        details: {
          name: `${current.behaviour.title} → ${current.recipient?.user.name ?? current.team?.name ?? ""}`,
          own: current.giverId === ctx.membershipId,
        },
      },
      tx,
    );
  });
}
