import "server-only";
import { db } from "../db";
import { hashPassword } from "../passwords";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { slugify } from "@/lib/domain/accounts";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "../common-passwords";
import { needsTouch, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionState } from "@/lib/domain/sessions";
import type { OrgPolicy, Role } from "@/lib/domain/roles";
import { displayZoneOf, isTimeZone, isWeekStartsOn, UTC, type TimeZone, type WeekStartsOn } from "@/lib/domain/dates";
import type { SignUpInput } from "@/lib/schemas/auth";
import type { Prisma } from "@/generated/prisma/client";

/** Who is asking, derived from the session and the database only — never from the client. */
export interface MemberContext {
  userId: string;
  userName: string;
  email: string;
  membershipId: string;
  orgId: string;
  orgName: string;
  role: Role;
  /** The organisation's settings that widen what a role may do. */
  policy: OrgPolicy;
  /** Where the organisation's days begin (IANA): every "today", filter, day-only date and summary day. */
  timeZone: TimeZone;
  /** The ISO weekday the organisation's weeks start on (1 Monday … 7 Sunday): every week on every chart. */
  weekStartsOn: WeekStartsOn;
  /** The zone this person reads instants in: their own (profile) or else the organisation's. */
  displayTimeZone: TimeZone;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

export interface OrganizationChoice {
  id: string;
  name: string;
  role: Role;
}

async function uniqueSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugify(name);
  for (let i = 0; i < 5; i++) {
    const slug = i === 0 ? base : `${base}-${Math.random().toString(36).slice(2, 6)}`;
    if (!(await tx.organization.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/** Sign-up: a new user, a new organisation, and the user as its first ADMIN. */
export async function createAccountWithOrganization(
  input: SignUpInput,
): Promise<{ userId: string; organizationId: string }> {
  if (isCommonPassword(input.password)) throw new RuleError(COMMON_PASSWORD_MESSAGE, "password");
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new RuleError("An account with this e-mail already exists. Sign in instead.", "email");
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true },
    });
    const org = await tx.organization.create({
      data: { name: input.organizationName, slug: await uniqueSlug(tx, input.organizationName) },
      select: { id: true },
    });
    await tx.membership.create({ data: { organizationId: org.id, userId: user.id, role: "ADMIN" } });
    await recordAudit(
      {
        organizationId: org.id,
        actorUserId: user.id,
        action: "account.sign-up",
        targetType: "Organization",
        targetId: org.id,
        outcome: "ok",
      },
      tx,
    );
    return { userId: user.id, organizationId: org.id };
  });
}

/** A user who already has an account creates another organisation, becoming its ADMIN. */
export async function createOrganizationFor(userId: string, name: string): Promise<string> {
  return db().$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: { name, slug: await uniqueSlug(tx, name) },
      select: { id: true },
    });
    await tx.membership.create({ data: { organizationId: org.id, userId, role: "ADMIN" } });
    await recordAudit(
      {
        organizationId: org.id,
        actorUserId: userId,
        action: "organization.create",
        targetType: "Organization",
        targetId: org.id,
        outcome: "ok",
      },
      tx,
    );
    return org.id;
  });
}

export { authenticate } from "./sign-in";

/**
 * A new signed-in browser. Sessions of this user that have ended (idle or too old) are removed on
 * the way, so the table holds live sessions only.
 */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  await db().authSession.deleteMany({
    where: {
      userId,
      OR: [
        { createdAt: { lte: new Date(now.getTime() - SESSION_ABSOLUTE_MS) } },
        { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } },
      ],
    },
  });
  const s = await db().authSession.create({ data: { userId, createdAt: now, lastSeenAt: now }, select: { id: true } });
  return s.id;
}

/** A live session: its user, and the organisations they are an active member of (oldest first). */
export interface LoadedSession {
  user: { id: string; name: string; email: string; lastOrganizationId: string | null };
  memberships: MembershipRow[];
}

/**
 * The session behind a token, or null when the token has been revoked (sign-out, reset), its
 * session has ended (12 h idle, 7 days old) or belongs to someone else. Records the activity.
 * One statement for session, user and memberships: every page and action starts here (issue 8).
 */
export async function loadSession(
  userId: string,
  sessionVersion: number,
  sessionId: string,
  now = new Date(),
): Promise<LoadedSession | null> {
  const rows = await db().$queryRaw<
    {
      userId: string;
      createdAt: Date;
      lastSeenAt: Date;
      name: string;
      email: string;
      sessionVersion: number;
      lastOrganizationId: string | null;
      membershipId: string | null;
      role: string | null;
      orgId: string | null;
      orgName: string | null;
      leadersManageTeams: boolean | null;
      timeZone: string | null;
      weekStartsOn: number | null;
      userTimeZone: string | null;
    }[]
  >`
    SELECT a."userId", a."createdAt", a."lastSeenAt", u."name", u."email", u."sessionVersion", u."lastOrganizationId",
           m."id" AS "membershipId", m."role"::text AS "role", o."id" AS "orgId", o."name" AS "orgName",
           o."leadersManageTeams", o."timeZone", o."weekStartsOn", u."timeZone" AS "userTimeZone"
      FROM "AuthSession" a
      JOIN "User" u ON u."id" = a."userId"
      LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."status" = 'ACTIVE'
      LEFT JOIN "Organization" o ON o."id" = m."organizationId"
     WHERE a."id" = ${sessionId}
     ORDER BY m."createdAt" ASC, m."id" ASC`;
  const s = rows[0];
  if (!s || s.userId !== userId || Number(s.sessionVersion) !== sessionVersion) return null;
  if (sessionState(s, now) !== "active") {
    await db().authSession.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (needsTouch(s.lastSeenAt, now))
    await db().authSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  const memberships = rows.flatMap((r) =>
    r.membershipId && r.orgId
      ? [
          {
            membershipId: r.membershipId,
            role: r.role as Role,
            userName: s.name,
            email: s.email,
            orgId: r.orgId,
            orgName: r.orgName ?? "",
            leadersManageTeams: r.leadersManageTeams === true,
            timeZone: r.timeZone ?? UTC,
            weekStartsOn: Number(r.weekStartsOn ?? 1),
            userTimeZone: r.userTimeZone,
          },
        ]
      : [],
  );
  return {
    user: { id: s.userId, name: s.name, email: s.email, lastOrganizationId: s.lastOrganizationId },
    memberships,
  };
}

/** The caller as a member of the preferred organisation (else the last chosen, else the oldest). */
export function sessionMember(session: LoadedSession, preferredOrgId?: string | null): MemberContext | null {
  return pickMember(session.user.id, session.memberships, preferredOrgId, session.user.lastOrganizationId);
}

/**
 * Remembers the organisation the user chose, so a browser without the organisation cookie starts
 * there rather than in their oldest membership (whose date another organisation's file must not
 * decide: issue 15, item 8). Only ever one they are an active member of.
 */
export async function rememberOrganization(userId: string, orgId: string): Promise<void> {
  await db().$executeRaw`
    UPDATE "User" SET "lastOrganizationId" = ${orgId}
     WHERE "id" = ${userId}
       AND EXISTS (SELECT 1 FROM "Membership" m
                    WHERE m."userId" = ${userId} AND m."organizationId" = ${orgId} AND m."status" = 'ACTIVE')`;
}

/** Ends every session of the user: tokens carry the old version and stop working, and their sessions go. */
export async function revokeSessions(userId: string): Promise<void> {
  await db().$transaction([
    db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
    db().authSession.deleteMany({ where: { userId } }),
  ]);
}

export async function listOrganizationsOf(userId: string): Promise<OrganizationChoice[]> {
  const rows = await db().membership.findMany({
    where: { userId, status: "ACTIVE" },
    select: { role: true, organization: { select: { id: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.organization.id, name: r.organization.name, role: r.role }));
}

/**
 * The caller's context in one organisation: the preferred one when they are an active member
 * of it, otherwise their first active membership. Null when they have none.
 */
export async function memberContext(userId: string, preferredOrgId?: string | null): Promise<MemberContext | null> {
  // One statement (with nested selects Prisma would send one per table).
  const rows = await db().$queryRaw<MembershipRow[]>`
    SELECT m."id" AS "membershipId", m."role"::text AS "role", u."name" AS "userName", u."email", o."id" AS "orgId", o."name" AS "orgName", o."leadersManageTeams", u."lastOrganizationId",
           o."timeZone", o."weekStartsOn", u."timeZone" AS "userTimeZone"
      FROM "Membership" m
      JOIN "User" u ON u."id" = m."userId"
      JOIN "Organization" o ON o."id" = m."organizationId"
     WHERE m."userId" = ${userId} AND m."status" = 'ACTIVE'
     ORDER BY m."createdAt" ASC, m."id" ASC`;
  return pickMember(userId, rows, preferredOrgId, rows[0]?.lastOrganizationId);
}

interface MembershipRow {
  membershipId: string;
  role: Role;
  userName: string;
  email: string;
  orgId: string;
  orgName: string;
  leadersManageTeams: boolean;
  lastOrganizationId?: string | null;
  timeZone: string;
  weekStartsOn: number;
  userTimeZone: string | null;
}

/** The preferred organisation, else the one last chosen, else the oldest active membership. */
function pickMember(
  userId: string,
  rows: MembershipRow[],
  preferredOrgId?: string | null,
  lastOrgId?: string | null,
): MemberContext | null {
  const m = rows.find((r) => r.orgId === preferredOrgId) ?? rows.find((r) => r.orgId === lastOrgId) ?? rows[0];
  if (!m) return null;
  return {
    userId,
    userName: m.userName,
    email: m.email,
    membershipId: m.membershipId,
    orgId: m.orgId,
    orgName: m.orgName,
    role: m.role,
    policy: { leadersManageTeams: m.leadersManageTeams === true },
    // Validated on the way in (settings); checked again here so a stray value falls back to UTC, never to the
    // server's own zone.
    timeZone: isTimeZone(m.timeZone) ? m.timeZone : UTC,
    weekStartsOn: isWeekStartsOn(Number(m.weekStartsOn)) ? (Number(m.weekStartsOn) as WeekStartsOn) : 1,
    displayTimeZone: displayZoneOf(m.userTimeZone, isTimeZone(m.timeZone) ? m.timeZone : UTC),
  };
}
