import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import type { MemberContext } from "./accounts";

// A person's copy of what Conduct holds about them in this organisation (issue 21; GDPR Art. 15 and 20):
// their account, their place in the organisation, what they logged, recognitions given and received, actions
// they own, their notification choices and the audit events they caused or that name them. Every member may
// download their own; nobody can download anyone else's (there is no id to pass: it is always the caller).

export const MY_DATA_FORMAT = "conduct-personal-data";

export async function myData(ctx: MemberContext, now = new Date()) {
  const org = ctx.orgId;
  const me = ctx.membershipId;
  const [user, membership, teams, observations, given, received, actions, preferences, audit] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: {
        name: true,
        email: true,
        timeZone: true,
        createdAt: true,
        memberships: { select: { role: true, status: true, organization: { select: { name: true } } } },
      },
    }),
    db().membership.findFirstOrThrow({
      where: { id: me, organizationId: org },
      select: { role: true, status: true, createdAt: true },
    }),
    db().teamMember.findMany({
      where: { organizationId: org, membershipId: me },
      select: { team: { select: { name: true } } },
    }),
    db().observation.findMany({
      where: { organizationId: org, observerId: me },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: {
        occurredAt: true,
        dayOnly: true,
        performed: true,
        missed: true,
        note: true,
        source: true,
        createdAt: true,
        behaviour: { select: { title: true } },
        team: { select: { name: true } },
      },
    }),
    db().recognition.findMany({
      where: { organizationId: org, giverId: me },
      orderBy: { createdAt: "asc" },
      select: recognitionSelect,
    }),
    db().recognition.findMany({
      where: { organizationId: org, recipientMembershipId: me },
      orderBy: { createdAt: "asc" },
      select: recognitionSelect,
    }),
    db().actionItem.findMany({
      where: { organizationId: org, ownerId: me },
      orderBy: { createdAt: "asc" },
      select: { title: true, detail: true, status: true, dueOn: true, closedAt: true, createdAt: true },
    }),
    db().notificationPreference.findMany({
      where: { organizationId: org, membershipId: me },
      select: { kind: true, channel: true },
    }),
    db().auditEvent.findMany({
      where: {
        organizationId: org,
        OR: [{ actorUserId: ctx.userId }, { targetId: { in: [ctx.userId, me] } }],
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true, action: true, outcome: true, targetType: true, ip: true },
    }),
  ]);
  const document = {
    format: MY_DATA_FORMAT,
    exportedAt: now.toISOString(),
    organisation: ctx.orgName,
    account: {
      name: user.name,
      email: user.email,
      timeZone: user.timeZone,
      createdAt: user.createdAt.toISOString(),
      organisations: user.memberships.map((m) => ({ name: m.organization.name, role: m.role, status: m.status })),
    },
    membership: {
      role: membership.role,
      status: membership.status,
      since: membership.createdAt.toISOString(),
      teams: teams.map((t) => t.team.name).sort(),
    },
    observationsLogged: observations.map((o) => ({
      behaviour: o.behaviour.title,
      team: o.team.name,
      occurredAt: o.occurredAt.toISOString(),
      dayOnly: o.dayOnly,
      performed: o.performed,
      missed: o.missed,
      note: o.note,
      source: o.source,
      loggedAt: o.createdAt.toISOString(),
    })),
    recognitionsGiven: given.map(recognition),
    recognitionsReceived: received.map(recognition),
    actionsOwned: actions.map((a) => ({
      title: a.title,
      detail: a.detail,
      status: a.status,
      dueOn: a.dueOn?.toISOString().slice(0, 10) ?? null,
      closedAt: a.closedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    notificationSettings: preferences,
    auditEvents: audit.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
  await recordAudit({
    organizationId: org,
    actorUserId: ctx.userId,
    action: "privacy.export",
    targetType: "Membership",
    targetId: me,
    outcome: "ok",
    details: { observations: observations.length, auditEvents: audit.length },
  });
  return document;
}

export type MyDataDocument = Awaited<ReturnType<typeof myData>>;

const recognitionSelect = {
  act: true,
  customerEffect: true,
  createdAt: true,
  behaviour: { select: { title: true } },
  giver: { select: { user: { select: { name: true } } } },
  recipient: { select: { user: { select: { name: true } } } },
  team: { select: { name: true } },
} as const;

function recognition(r: {
  act: string;
  customerEffect: string;
  createdAt: Date;
  behaviour: { title: string };
  giver: { user: { name: string } };
  recipient: { user: { name: string } } | null;
  team: { name: string } | null;
}) {
  return {
    behaviour: r.behaviour.title,
    act: r.act,
    customerEffect: r.customerEffect,
    from: r.giver.user.name,
    to: r.recipient?.user.name ?? (r.team ? `team ${r.team.name}` : null),
    at: r.createdAt.toISOString(),
  };
}
