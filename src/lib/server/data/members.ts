import "server-only";
import { authorize } from "../authorize";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { recordAudit } from "../audit";
import { ForbiddenError, NotFoundError, RuleError } from "../errors";
import { hashPassword } from "../passwords";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "../common-passwords";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { invitationAccepted } from "@/lib/domain/inbox";
import { daysAfter } from "@/lib/domain/dates";
import type { InvitationDto, InviteInput, MemberDto } from "@/lib/schemas/members";
import type { NewAccountFromInvite } from "@/lib/schemas/auth";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";
import { deliver } from "./inbox";
import { mailAdded, mailInvitations } from "../mail/account-mail";
import { nudgeMail } from "../mail/outbox";

const INVITE_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function listMembers(ctx: MemberContext): Promise<MemberDto[]> {
  // E-mail addresses and roles of everyone: for admins only, whichever page asks.
  await authorize(ctx, "members.manage");
  const rows = await db().membership.findMany({
    where: { organizationId: ctx.orgId },
    select: {
      id: true,
      role: true,
      status: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, erasedAt: true } },
    },
    orderBy: [{ status: "asc" }, { user: { name: "asc" } }],
  });
  // A pending person from a backup import is shown with the e-mail their invitation is bound to.
  const invited = rows.filter((r) => r.status === "INVITED").map((r) => r.id);
  const pending = new Map(
    invited.length === 0
      ? []
      : (
          await db().invitation.findMany({
            where: { organizationId: ctx.orgId, membershipId: { in: invited } },
            select: { membershipId: true, email: true },
          })
        ).map((i) => [i.membershipId, i.email]),
  );
  return rows.map((r) => ({
    membershipId: r.id,
    name: r.user.name,
    email: pending.get(r.id) ?? r.user.email,
    role: r.role,
    status: r.status,
    erased: r.user.erasedAt !== null,
    isYou: r.user.id === ctx.userId,
    joinedAt: r.createdAt.toISOString(),
  }));
}

/**
 * Creates a one-time invitation link. Only its hash is stored: the token is returned once. With an
 * e-mail address, the invitation is also e-mailed (or kept in the outbox) with the same link.
 */
export async function createInvitation(
  ctx: MemberContext,
  input: InviteInput,
): Promise<{ token: string; expiresAt: string; emailedTo: string | null }> {
  await authorize(ctx, "members.manage");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = daysAfter(new Date(), INVITE_DAYS);
  const inv = await db().invitation.create({
    data: {
      organizationId: ctx.orgId,
      tokenHash: hashToken(token),
      role: input.role,
      email: input.email ?? null,
      createdById: ctx.membershipId,
      expiresAt,
    },
    select: { id: true },
  });
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "invitation.create",
    targetType: "Invitation",
    targetId: inv.id,
    outcome: "ok",
    details: { role: input.role },
  });
  if (input.email)
    await mailInvitations({
      organizationId: ctx.orgId,
      inviterName: ctx.userName,
      expiresAt,
      invitations: [{ role: input.role, email: input.email, token }],
    });
  return { token, expiresAt: expiresAt.toISOString(), emailedTo: input.email ?? null };
}

export async function listInvitations(ctx: MemberContext): Promise<InvitationDto[]> {
  await authorize(ctx, "members.manage");
  const rows = await db().invitation.findMany({
    where: { organizationId: ctx.orgId },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    email: r.email,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    status: r.acceptedAt ? "accepted" : r.revokedAt ? "revoked" : r.expiresAt.getTime() < now ? "expired" : "pending",
  }));
}

export async function revokeInvitation(ctx: MemberContext, invitationId: string): Promise<void> {
  await authorize(ctx, "members.manage");
  const res = await db().invitation.updateMany({
    where: { id: invitationId, organizationId: ctx.orgId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (res.count === 0) throw new NotFoundError();
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "invitation.revoke",
    targetType: "Invitation",
    targetId: invitationId,
    outcome: "ok",
  });
}

export interface InvitationPreview {
  organizationName: string;
  role: Role;
  email: string | null;
  name: string | null;
}

/** What an invitation link offers, or null when it is unknown, used, revoked or expired. */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  const inv = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      role: true,
      email: true,
      name: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true } },
    },
  });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt.getTime() < Date.now()) return null;
  return { organizationName: inv.organization.name, role: inv.role, email: inv.email, name: inv.name };
}

const UNUSABLE = "This invitation link is no longer valid. Ask your admin for a new one.";

/**
 * Accepts an invitation for an existing user. Each link works once (claimed atomically). An
 * account that existed before gets "you were added to …" by e-mail (written with the membership,
 * nudged after the commit); a brand-new one just made it, so needs no word.
 */
export async function acceptInvitation(
  userId: string,
  token: string,
  options: { newAccount?: boolean } = {},
): Promise<string> {
  const mailed: string[] = [];
  const orgId = await db().$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: {
        id: true,
        organizationId: true,
        role: true,
        email: true,
        teamIds: true,
        createdById: true,
        membershipId: true,
      },
    });
    if (!inv) throw new RuleError(UNUSABLE);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    if (inv.email && inv.email !== user.email)
      throw new RuleError(`This invitation is for ${inv.email}. Sign in with that account.`);
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedUserId: userId },
    });
    if (claimed.count === 0) throw new RuleError(UNUSABLE);
    const existing = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: inv.organizationId, userId } },
      select: { id: true },
    });
    if (existing) throw new RuleError("You are already a member of this organisation.");
    const m = inv.membershipId
      ? await claimImportedMembership(tx, inv.organizationId, inv.membershipId, userId)
      : await tx.membership.create({
          data: { organizationId: inv.organizationId, userId, role: inv.role },
          select: { id: true, role: true },
        });
    // A bulk invitation names teams: the person joins those that still exist and are open.
    if (inv.teamIds.length > 0) {
      const teams = await tx.team.findMany({
        where: { id: { in: inv.teamIds }, organizationId: inv.organizationId, kind: "TEAM", archivedAt: null },
        select: { id: true },
      });
      await tx.teamMember.createMany({
        data: teams.map((t) => ({ organizationId: inv.organizationId, teamId: t.id, membershipId: m.id })),
        skipDuplicates: true,
      });
    }
    await deliver(tx, [inv.createdById], {
      organizationId: inv.organizationId,
      kind: "invitation.accepted",
      subjectId: m.id,
      text: invitationAccepted({ name: user.name, role: ROLE_LABELS[m.role] }),
    });
    await recordAudit(
      {
        organizationId: inv.organizationId,
        actorUserId: userId,
        action: "invitation.accept",
        targetType: "Membership",
        targetId: m.id,
        outcome: "ok",
      },
      tx,
    );
    if (!options.newAccount)
      mailed.push(
        await mailAdded(
          { organizationId: inv.organizationId, userId, email: user.email, name: user.name, role: m.role },
          tx,
        ),
      );
    return inv.organizationId;
  });
  await nudgeMail(mailed);
  return orgId;
}

/**
 * A backup import's invitation names an INVITED membership that holds the person's records under a
 * placeholder account (docs/decisions/014). Accepting moves it to the acceptor and activates it, with
 * the role the admin has set since (not the file's) and today as its date; the placeholder goes.
 */
async function claimImportedMembership(
  tx: Prisma.TransactionClient,
  organizationId: string,
  membershipId: string,
  userId: string,
): Promise<{ id: string; role: Role }> {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, organizationId, status: "INVITED" },
    select: { id: true, role: true, userId: true },
  });
  if (!m) throw new RuleError(UNUSABLE);
  const now = new Date();
  await tx.membership.update({
    where: { id: m.id },
    data: { userId, status: "ACTIVE", createdAt: now, updatedAt: now },
  });
  // The imported audit trail names the placeholder as actor: it names the person now.
  await tx.auditEvent.updateMany({ where: { organizationId, actorUserId: m.userId }, data: { actorUserId: userId } });
  await tx.user.deleteMany({ where: { id: m.userId, placeholder: true, memberships: { none: {} } } });
  return { id: m.id, role: m.role };
}

/** A new person accepts an invitation by creating their account. */
export async function acceptInvitationAsNewUser(input: NewAccountFromInvite): Promise<string> {
  if (!(await previewInvitation(input.token))) throw new RuleError(UNUSABLE);
  if (isCommonPassword(input.password)) throw new RuleError(COMMON_PASSWORD_MESSAGE, "password");
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new RuleError("An account with this e-mail already exists. Sign in to accept the invitation.", "email");
  }
  const passwordHash = await hashPassword(input.password);
  const user = await db().user.create({
    data: { email: input.email, name: input.name, passwordHash },
    select: { id: true },
  });
  try {
    return await acceptInvitation(user.id, input.token, { newAccount: true });
  } catch (err) {
    await db().user.delete({ where: { id: user.id } });
    throw err;
  }
}

const LAST_ADMIN = "An organisation needs at least one active admin. Make someone else an admin first.";

/**
 * Runs a change to one membership under a lock on the organisation's active admins. Counting the
 * admins and then updating in two statements let two admins demote each other at the same moment
 * and leave nobody (issue 15, item 9). Here `SELECT … FOR UPDATE` locks every active ADMIN row of
 * the organisation, so a concurrent change waits, and PostgreSQL re-checks the WHERE on rows a
 * committed change touched: the second transaction sees the admins that are left, and the actor's
 * own admin role is checked against that same locked set (a demoted admin cannot finish the race).
 */
export async function changeMembership(
  ctx: MemberContext,
  membershipId: string,
  check: (m: { role: Role; status: string; userId: string }, admins: number) => void,
  data: { role?: Role; status?: "ACTIVE" | "DISABLED"; scimDeletedAt?: Date | null },
  /** More writes that must land with this change or not at all (SCIM: the account and the provider's id). */
  also?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<{ role: Role; status: string; userId: string }> {
  return db().$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Membership"
       WHERE "organizationId" = ${ctx.orgId} AND "role" = 'ADMIN' AND "status" = 'ACTIVE'
       ORDER BY "id" FOR UPDATE`;
    if (!admins.some((a) => a.id === ctx.membershipId)) throw new ForbiddenError();
    const m = await tx.membership.findFirst({
      where: { id: membershipId, organizationId: ctx.orgId },
      select: { id: true, role: true, status: true, userId: true, user: { select: { erasedAt: true } } },
    });
    if (!m) throw new NotFoundError();
    // An erased membership is a record of what was done, held by a stand-in: nobody to enable or promote.
    if (m.user.erasedAt) throw new RuleError("This person has been erased: their membership cannot change.");
    if (m.status === "INVITED" && data.status)
      throw new RuleError("This person has not accepted their invitation yet: they become active when they do.");
    check(m, admins.length);
    if (Object.keys(data).length > 0) await tx.membership.update({ where: { id: m.id }, data });
    if (also) await also(tx);
    return { role: m.role, status: m.status, userId: m.userId };
  });
}

export async function changeRole(ctx: MemberContext, membershipId: string, role: Role): Promise<void> {
  await authorize(ctx, "members.manage");
  const before = await changeMembership(
    ctx,
    membershipId,
    (m, admins) => {
      if (m.role === "ADMIN" && role !== "ADMIN" && m.status === "ACTIVE" && admins <= 1)
        throw new RuleError(LAST_ADMIN, "role");
    },
    { role },
  );
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "membership.role",
    targetType: "Membership",
    targetId: membershipId,
    outcome: "ok",
    details: { from: before.role, to: role },
  });
}

/** Disabling takes effect on the member's next request: every request re-reads the membership. */
export async function setMemberStatus(
  ctx: MemberContext,
  membershipId: string,
  status: "ACTIVE" | "DISABLED",
): Promise<void> {
  await authorize(ctx, "members.manage");
  await changeMembership(
    ctx,
    membershipId,
    (m, admins) => {
      if (status !== "DISABLED") return;
      if (m.userId === ctx.userId) throw new RuleError("You cannot disable yourself.");
      if (m.role === "ADMIN" && m.status === "ACTIVE" && admins <= 1)
        throw new RuleError("An organisation needs at least one active admin.");
    },
    { status },
  );
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: status === "DISABLED" ? "membership.disable" : "membership.enable",
    targetType: "Membership",
    targetId: membershipId,
    outcome: "ok",
  });
}
